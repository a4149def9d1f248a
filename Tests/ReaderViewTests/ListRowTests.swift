import NewsCore
import ReaderState
import ScreenKit
import Testing

@testable import ReaderView

/// What a row of the article list shows.
@Suite struct ListRowTests {
  static func render(_ articles: [Article], size: Size = Size(columns: 120, rows: 40)) -> Grid {
    var state = ReaderModel(catalog: ArticleCatalog(articles: articles), sort: .title)
    state.apply(.resize(TerminalSize(columns: size.columns, rows: size.rows)), now: ReaderFixtures.now)
    return ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
  }

  static func article(_ title: String, provider: String, domain: String) -> Article {
    ReaderFixtures.article(
      title, title: title, provider: provider, domain: domain,
      date: ReaderFixtures.date("2021-03-11T10:00:00Z", 1_615_456_800), url: "https://\(domain)/\(title)")
  }

  @Test func aProviderNameSharedByDomainsShowsTheDomain() {
    let grid = Self.render([
      Self.article("A Malmö", provider: "Wikipedia", domain: "sv.wikipedia.org"),
      Self.article("B London", provider: "Wikipedia", domain: "en.wikipedia.org"),
      Self.article("C News", provider: "BBC", domain: "www.bbc.co.uk"),
    ])
    // Row 2 is the timeline (40 rows have room for it); the articles follow.
    #expect(grid.rowText(3).contains(" sv.wikipedia.org "))
    #expect(grid.rowText(4).contains(" en.wikipedia.org "))
    #expect(grid.rowText(5).contains(" BBC "))
    // The list's part of the row (the details pane is beside it).
    #expect(!grid.rowText(3).prefix(50).contains("Wikipedia"))
  }
}

@Suite struct SpaceTests {
  @Test func aBadgeNeverTouchesTheTitlesEllipsis() {
    var article = ReaderFixtures.articles[5]  // the long headline
    article.related = RelatedCoverage(
      (0..<29).map { NewsItem(title: "Item \($0)", webUrl: "https://x.example/\($0)") })
    let grid = ListRowTests.render([article])
    let row = grid.rowText(3)  // under the timeline
    #expect(row.contains("… +29 │"), "\(row)")
  }

  @Test func theRelatedPaneGrowsWithItsItemsWhenTheDetailsAreShort() throws {
    let items = (0..<20).map {
      NewsItem(title: "Coverage \($0)", webUrl: "https://x.example/\($0)", provider: Provider(name: "X"))
    }
    let article = ReaderFixtures.article(
      "short", title: "Short", provider: "P", domain: "p.example", date: nil, url: "https://p.example/s",
      related: items)
    let grid = ListRowTests.render([article])
    let text = grid.framedText
    for index in 0..<20 { #expect(text.contains("Coverage \(index)")) }
    let layout = ReaderLayout.fitted(
      to: {
        var state = ReaderModel(catalog: ArticleCatalog(articles: [article]))
        state.apply(.resize(TerminalSize(columns: 120, rows: 40)), now: 0)
        return state
      }(), size: Size(columns: 120, rows: 40), keyMap: .standard, timeZone: .utc)
    #expect(layout.related.content.rows >= 20)
    // Without items to show, the usual share.
    #expect(ReaderLayout(size: Size(columns: 120, rows: 40)).related.content.rows == 8)
  }

  @Test func theHeaderGivesThePathTheColumnsLeft() {
    let path = "/home/reader/news/archives/2021/some/deeply/nested/place/"
    var state = ReaderModel(catalog: ReaderFixtures.catalog)
    state.loading.sourceName = path
    state.apply(.resize(TerminalSize(columns: 120, rows: 40)), now: 0)
    let grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: Size(columns: 120, rows: 40),
      now: ReaderFixtures.now)
    #expect(grid.rowText(0).contains(path))
  }
}
