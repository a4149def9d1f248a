import Foundation
import NewsCore
import ReaderState
import Testing

/// The timeline part: counting per day, bars per day, week, month or year as the columns allow, and
/// choosing a period as a date window on the listing.
@Suite struct TimelineTests {
  static let day = 86_400.0

  /// Articles on the given days since 1970 (newest first in load order does not matter).
  static func model(days: [Double], rows: Int = 40) -> ReaderModel {
    ReaderModel(
      catalog: ArticleCatalog(
        articles: days.enumerated().map { Fixtures.article("a\($0.offset)", date: $0.element * day + 3_600) }),
      size: TerminalSize(columns: 120, rows: rows))
  }

  struct Bars: ReaderGeometry {
    var bars: Int
    func paneHeights(of state: ReaderModel) -> PaneHeights {
      PaneHeights(articles: 20, related: 5, details: 10, overlay: 20, timelineBars: bars)
    }
    func detailsLineCount(of state: ReaderModel, now: Double) -> Int { 0 }
    func helpLineCount(of state: ReaderModel) -> Int { 0 }
    func readingLineCount(of state: ReaderModel, now: Double) -> Int { 0 }
    func panesSideBySide(for size: TerminalSize) -> Bool { size.columns >= 100 }
  }

  @Test func countsPerDayFollowTheListing() {
    var model = Self.model(days: [10, 10, 12, 40])
    #expect(model.timeline.dayCounts.map(\.day) == [10, 12, 40])
    #expect(model.timeline.dayCounts.map(\.count) == [2, 1, 1])
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert("a3"), now: 0)
    #expect(model.timeline.dayCounts.map(\.count) == [1])
  }

  @Test func datesCenturiesApartAreCountedAsWell() {
    // A span far longer than the articles are many takes the sorting path instead of a dense array.
    let model = Self.model(days: [200_000, 0, 200_000])
    #expect(model.timeline.dayCounts == [DayCount(day: 0, count: 1), DayCount(day: 200_000, count: 2)])
    #expect(model.timeline.bars(columns: 10).period == .year)
  }

  @Test func theFinestPeriodThatFitsIsChosen() {
    let model = Self.model(days: [0, 1, 6, 40])  // 1970-01-01 (a Thursday) to 1970-02-10
    let byDay = model.timeline.bars(columns: 41)
    #expect(byDay.period == .day)
    #expect(byDay.bars.count == 41)
    #expect(byDay.bars.map(\.count).reduce(0, +) == 4)
    let byWeek = model.timeline.bars(columns: 10)
    #expect(byWeek.period == .week)
    // Weeks start on Monday: Thursday 1 Jan and Friday 2 Jan in one, Wednesday 7 Jan in the next.
    #expect(byWeek.bars.map(\.count) == [2, 1, 0, 0, 0, 0, 1])  // Tuesday 10 Feb in the seventh
    #expect(byWeek.bars[1].days == 4..<11)
    #expect(byWeek.bars[1].term == "date:1970-01-05..1970-01-11")
    let byMonth = model.timeline.bars(columns: 3)
    #expect(byMonth.period == .month)
    #expect(byMonth.bars.map(\.count) == [3, 1])
    #expect(byMonth.bars[1].days == 31..<59)
    #expect(byMonth.bars[1].term == "date:1970-02")
    // Not even years fit in one column over two years: the latest year.
    let long = Self.model(days: [0, 400])
    #expect(long.timeline.bars(columns: 1).period == .year)
    #expect(long.timeline.bars(columns: 1).bars.map(\.count) == [1])
  }

  @Test func choosingThePeriodOfTheSelectedArticleAndMovingIt() {
    var model = Self.model(days: [40, 12, 10, 10])  // a0 (day 40) selected: newest first
    let geometry = Bars(bars: 41)
    model.apply(.togglePeriodFilter, now: 0, geometry: geometry)
    // The period is a term of the query, readable and editable like any other.
    #expect(model.listing.queryText == "date:1970-02-10")
    #expect(Fixtures.ids(model) == ["a0"])
    #expect(model.status.message?.text == "Only 1970-02-10")
    // The timeline still counts every period of the filter.
    #expect(model.timeline.dayCounts.count == 3)
    model.apply(.shiftPeriod(-28), now: 0, geometry: geometry)
    #expect(Fixtures.ids(model) == ["a1"])
    model.apply(.shiftPeriod(-2), now: 0, geometry: geometry)
    #expect(Fixtures.ids(model) == ["a2", "a3"])
    #expect(model.listing.queryText == "date:1970-01-11")
    model.apply(.togglePeriodFilter, now: 0, geometry: geometry)
    #expect(model.listing.chosenPeriodTerm == nil)
    #expect(model.listing.queryText.isEmpty)
    #expect(model.listing.visible.count == 4)
  }

  @Test func anUndatedArticleHasNoPeriodToChoose() {
    var model = ReaderModel(catalog: ArticleCatalog(articles: [Fixtures.article("x")]))
    model.apply(.togglePeriodFilter, now: 0, geometry: Bars(bars: 10))
    #expect(model.listing.chosenPeriodTerm == nil)
    #expect(model.status.message?.isError == true)
    model.apply(.shiftPeriod(1), now: 0, geometry: Bars(bars: 10))
    #expect(model.status.message?.text == "No period chosen")
  }

  @Test func barsAreDaysOfTheUsersZoneAsDateTermsAre() throws {
    // 23:30 UTC on day 10 is already day 11 in Tokyo: counted there, and its term lists it there.
    let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
    var model = ReaderModel(
      catalog: ArticleCatalog(articles: [Fixtures.article("late", date: 10 * Self.day + 23.5 * 3_600)]),
      size: TerminalSize(columns: 120, rows: 40),
      environment: QueryEnvironment(now: 0, timeZone: tokyo))
    #expect(model.timeline.dayCounts.map(\.day) == [11])
    model.apply(.togglePeriodFilter, now: 0, geometry: Bars(bars: 41))
    #expect(model.listing.queryText == "date:1970-01-12")
    #expect(Fixtures.ids(model) == ["late"])
  }

  @Test func aPeriodTermEditedAwayIsNoLongerChosen() {
    var model = Self.model(days: [40, 12])
    model.apply(.togglePeriodFilter, now: 0, geometry: Bars(bars: 41))
    #expect(model.listing.chosenPeriodTerm == "date:1970-02-10")
    model.apply(.startSearch, now: 0)
    for _ in 0..<"date:1970-02-10".count { model.apply(.searchDeleteBackward, now: 0) }
    model.apply(.commitSearch, now: 0)
    #expect(model.listing.chosenPeriodTerm == nil)
    model.apply(.shiftPeriod(1), now: 0, geometry: Bars(bars: 41))
    #expect(model.status.message?.text == "No period chosen")
  }
}
