import Foundation
import NewsCore
import ReaderState
import ScreenKit
import Testing

@testable import ReaderView

/// Dates in the time zone handed to the view, the year only where the list needs it, and day headings.
@Suite struct DatesAndDaysTests {
  static func render(
    _ state: ReaderModel, size: Size = Size(columns: 120, rows: 40), zone: DisplayTimeZone = .utc
  ) -> Grid {
    ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now, timeZone: zone)
  }

  static func article(_ id: String, _ iso: String, _ seconds: Double, quality: Int = 50) -> Article {
    var article = ReaderFixtures.article(
      id, title: "Story \(id)", provider: "P", domain: "p.example", date: ReaderFixtures.date(iso, seconds),
      url: "https://p.example/\(id)")
    article.item.quality = quality
    return article
  }

  @Test func theTimeZoneNamedByTZIsHonoured() {
    let tokyo = DisplayTimeZone(environment: ["TZ": "Asia/Tokyo"])
    #expect(tokyo.offset(at: ReaderFixtures.now) == 9 * 3600)
    #expect(tokyo.label(at: ReaderFixtures.now) == "UTC+9")
    #expect(DisplayTimeZone(environment: ["TZ": ":Asia/Kolkata"]).label(at: 0) == "UTC+5:30")
    #expect(DisplayTimeZone(environment: ["TZ": "UTC"]).offset(at: ReaderFixtures.now) == 0)
    #expect(DisplayTimeZone.utc.label(at: 0) == "UTC")
  }

  @Test func detailsAndDayHeadingsAreInTheGivenZone() {
    let size = Size(columns: 120, rows: 40)
    let state = ReaderFixtures.state(size: size)
    let utc = Self.render(state).framedText
    #expect(utc.contains("2021-03-13 23:10 UTC (12 hours ago)"))
    #expect(utc.contains("Saturday 13 March 2021"))
    let tokyo = Self.render(state, zone: DisplayTimeZone(environment: ["TZ": "Asia/Tokyo"])).framedText
    #expect(tokyo.contains("2021-03-14 08:10 UTC+9 (12 hours ago)"))
    #expect(tokyo.contains("Sunday 14 March 2021"))
    #expect(tokyo.contains("08:10 Biometric"))
  }

  @Test func theYearIsShownWhenTheListedArticlesSpanYears() {
    let size = Size(columns: 120, rows: 40)
    let oneYear = ArticleCatalog(articles: [
      Self.article("a", "2024-05-02T10:00:00Z", 1_714_644_000, quality: 90),
      Self.article("b", "2024-01-20T10:00:00Z", 1_705_744_800, quality: 10),
    ])
    var state = ReaderModel(catalog: oneYear, sort: .quality)
    state.apply(.resize(TerminalSize(columns: 120, rows: 40)), now: ReaderFixtures.now)
    // Row 2 is the timeline (40 rows have room for it); the articles follow.
    #expect(Self.render(state, size: size).rowText(3).hasPrefix("•05-02 P "))

    let twoYears = ArticleCatalog(articles: [
      Self.article("a", "2024-05-02T10:00:00Z", 1_714_644_000, quality: 90),
      Self.article("b", "2021-03-11T10:00:00Z", 1_615_456_800, quality: 10),
    ])
    state = ReaderModel(catalog: twoYears, sort: .quality)
    state.apply(.resize(TerminalSize(columns: 120, rows: 40)), now: ReaderFixtures.now)
    let grid = Self.render(state, size: size)
    #expect(grid.rowText(3).hasPrefix("•2024-05-02 P "))
    #expect(grid.rowText(4).hasPrefix("•2021-03-11 P "))
  }

  @Test func sortedByDateADayRowSeparatesDays() {
    let size = Size(columns: 120, rows: 40)
    let text = Self.render(ReaderFixtures.state(size: size)).framedText
    for heading in ["Saturday 13 March 2021", "Friday 12 March 2021", "Tuesday 9 March 2021", "No date"] {
      #expect(text.contains("─ \(heading) ─"), "\(heading)")
    }
    // Sorted otherwise, no heading.
    var state = ReaderFixtures.state(size: size)
    state.apply(.cycleSort, now: ReaderFixtures.now)
    state.apply(.cycleSort, now: ReaderFixtures.now)
    #expect(state.listing.sort == .quality)
    #expect(!Self.render(state, size: size).framedText.contains("March 2021 ─"))
  }

  @Test func theSelectionStaysOnScreenWithDayRowsBetween() {
    // One article a day for 60 days, at 40x12: the last one selected stays drawn, with its day above.
    let articles = (0..<60).map { day in
      Self.article("d\(day)", "day \(day)", 1_600_000_000 + Double(day) * 86_400)
    }
    let size = Size(columns: 40, rows: 12)
    var state = ReaderModel(catalog: ArticleCatalog(articles: articles))
    state.apply(.resize(TerminalSize(columns: 40, rows: 12)), now: ReaderFixtures.now)
    for movement in [Movement.last, .up, .pageUp, .down, .first, .pageDown] {
      state.apply(.move(movement), now: ReaderFixtures.now)
      let height = ReaderLayout(size: size).articles.content.rows
      let rows = ArticleRows(listing: state.listing, height: height, timeZone: .utc).rows
      #expect(rows.count <= height)
      let selection = state.listing.articleList.selection
      let position = try? #require(rows.firstIndex(of: .article(selection)), "\(movement)")
      if let position { #expect(position > 0 && rows[position - 1] != .article(selection - 1)) }
    }
  }
}
