import ReaderState
import ReaderView
import ScreenKit
import Testing

@Suite struct ReaderLayoutTests {
  @Test func wideLayoutPutsTheListLeftAndDetailsOverRelated() {
    let layout = ReaderLayout(size: Size(columns: 120, rows: 40))
    #expect(layout.mode == .wide)
    #expect(layout.header == Rect(row: 0, column: 0, columns: 120, rows: 1))
    #expect(layout.statusBar.row == 38)
    #expect(layout.messageBar.row == 39)
    // From 30 rows the timeline takes the list's first row.
    #expect(layout.timeline == Rect(row: 2, column: 0, columns: 54, rows: 1))
    #expect(layout.articles.content == Rect(row: 3, column: 0, columns: 54, rows: 35))
    #expect(layout.separator.column == 54)
    #expect(layout.details.content == Rect(row: 2, column: 55, columns: 65, rows: 27))
    #expect(layout.related.title.row == 29)
    #expect(layout.related.content == Rect(row: 30, column: 55, columns: 65, rows: 8))
    #expect(
      layout.paneHeights
        == PaneHeights(articles: 35, related: 8, details: 27, overlay: 35, timelineBars: 43))
  }

  @Test func tallTerminalsGiveRelatedCoverageMoreRows() {
    #expect(ReaderLayout(size: Size(columns: 100, rows: 30)).related.content.rows == 8)
    #expect(ReaderLayout(size: Size(columns: 120, rows: 40)).related.content.rows == 8)
    let tall = ReaderLayout(size: Size(columns: 200, rows: 60))
    #expect(tall.related.content.rows == 18)
    #expect(tall.details.content.rows == 37)
    #expect(ReaderLayout(size: Size(columns: 100, rows: 10)).related.content.rows == 2)
  }

  @Test func narrowLayoutShowsTheFocusedPaneUnderTabs() {
    let layout = ReaderLayout(size: Size(columns: 80, rows: 24), focus: .related)
    #expect(layout.mode == .tabs)
    #expect(layout.tabBar == Rect(row: 1, column: 0, columns: 80, rows: 1))
    #expect(layout.shows(.related) && !layout.shows(.articles) && !layout.shows(.details))
    #expect(layout.paneHeights.articles == 9)
    #expect(layout.paneHeights.related == 9)
    #expect(layout.paneHeights.details == 20)
    // The articles and related tabs preview the details under their list; a click there lands in the
    // details pane. The details tab has the whole content area.
    #expect(layout.articles.content == Rect(row: 2, column: 0, columns: 80, rows: 9))
    #expect(layout.related.content == Rect(row: 2, column: 0, columns: 80, rows: 9))
    #expect(layout.details.content == Rect(row: 2, column: 0, columns: 80, rows: 20))
    #expect(layout.preview.content == Rect(row: 12, column: 0, columns: 80, rows: 10))
    #expect(layout.showsPreview)
    #expect(layout.pane(atRow: 12, column: 5)! == (.details, 0))
    #expect(layout.pane(atRow: 10, column: 5)! == (.related, 8))
    let onArticles = ReaderLayout(size: Size(columns: 80, rows: 24), focus: .articles)
    #expect(onArticles.showsPreview)
    #expect(onArticles.pane(atRow: 12, column: 5)! == (.details, 0))
    let onDetails = ReaderLayout(size: Size(columns: 80, rows: 24), focus: .details)
    #expect(!onDetails.showsPreview)
    #expect(onDetails.pane(atRow: 12, column: 5)! == (.details, 10))
    // Too short for a preview: each tab's list has every content row.
    let short = ReaderLayout(size: Size(columns: 40, rows: 12), focus: .related)
    #expect(short.preview.content.isEmpty && !short.showsPreview)
    #expect(short.related.content == Rect(row: 2, column: 0, columns: 40, rows: 8))
  }

  @Test func belowTheMinimumNothingIsLaidOut() {
    #expect(ReaderLayout(size: Size(columns: 39, rows: 24)).mode == .tooSmall)
    #expect(ReaderLayout(size: Size(columns: 80, rows: 9)).mode == .tooSmall)
    #expect(ReaderLayout(size: Size(columns: 40, rows: 10)).mode == .tabs)
    #expect(ReaderLayout(size: Size(columns: 20, rows: 5)).pane(atRow: 2, column: 2) == nil)
  }

  @Test func hitTestingFindsThePaneAndTheContentRow() {
    let wide = ReaderLayout(size: Size(columns: 120, rows: 40))
    #expect(wide.pane(atRow: 5, column: 10)! == (.articles, 2))
    #expect(wide.pane(atRow: 1, column: 10)! == (.articles, -1))
    #expect(wide.pane(atRow: 3, column: 80)! == (.details, 1))
    #expect(wide.pane(atRow: 31, column: 80)! == (.related, 1))
    #expect(wide.pane(atRow: 0, column: 10) == nil)
    #expect(wide.pane(atRow: 10, column: 54) == nil)
    #expect(wide.pane(atRow: 39, column: 10) == nil)

    let tabs = ReaderLayout(size: Size(columns: 80, rows: 24), focus: .articles)
    #expect(tabs.pane(atRow: 4, column: 3)! == (.articles, 2))
    let relatedTab = tabs.tabs[2].columns.lowerBound
    #expect(tabs.pane(atRow: 1, column: relatedTab)! == (.related, -1))
  }
}
