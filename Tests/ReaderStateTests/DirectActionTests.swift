import NewsCore
import ReaderState
import Testing

/// Actions the mouse, the loader and the program's effects send: direct focus and selection, progress,
/// status messages, and the help overlay's length.
@Suite struct DirectActionTests {
  @Test func selectingAnArticleRowFocusesTheListAndResetsRelated() {
    var model = Fixtures.model()
    expectApply(&model, .focusRight) { $0.focus = .details }
    expectApply(&model, .select(.articles, row: 2)) {
      $0.focus = .articles
      $0.articleList.select(2)
      $0.relatedList = ListViewport(count: $0.catalog.articles[$0.visible[2]].related.count, height: 5)
    }
    #expect(model.selectedArticle?.id == ArticleID(Fixtures.ids(model)[2]))
  }

  @Test func selectingOutsideTheListOnlyFocuses() {
    var model = Fixtures.model()
    expectApply(&model, .select(.articles, row: 99))
    expectApply(&model, .select(.articles, row: -1))
    expectApply(&model, .select(.related, row: 7)) {
      $0.focus = .related
      $0.detailsShowsRelated = true
    }
    #expect(model.relatedList.selection == 0)
  }

  @Test func selectingARelatedRowShowsThatItem() {
    var model = Fixtures.model()
    expectApply(&model, .select(.related, row: 1)) {
      $0.focus = .related
      $0.detailsShowsRelated = true
      $0.relatedList.select(1)
    }
    #expect(model.detailsItem?.title == "Storm story")
    expectApply(&model, .focus(.articles)) {
      $0.focus = .articles
      $0.detailsShowsRelated = false
      $0.details = ListViewport(height: $0.paneHeights.details)
    }
  }

  @Test func focusingThePaneAlreadyFocusedChangesNothing() {
    var model = Fixtures.model()
    expectApply(&model, .focus(.articles))
    expectApply(&model, .focus(.details)) { $0.focus = .details }
    expectApply(&model, .select(.details, row: 3))
  }

  @Test func progressIsKeptUntilTheRecordsArrive() {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    expectApply(&model, .reload, effects: [.reload]) { $0.isLoading = true }
    expectApply(&model, .loadProgress(filesRead: 10, filesTotal: 40)) {
      $0.loadProgress = LoadProgress(filesRead: 10, filesTotal: 40)
    }
    model.apply(.loaded(Fixtures.five(), []), now: 100)
    #expect(model.loadProgress == nil)
    #expect(!model.isLoading)
    #expect(model.visible.count == 5)
  }

  @Test func showStatusSetsAMessageThatExpires() {
    var model = Fixtures.model()
    expectApply(&model, .showStatus("Copied link (OSC 52 and xclip)", isError: false), now: 10) {
      $0.status = StatusMessage(text: "Copied link (OSC 52 and xclip)", isError: false, expires: 14)
    }
    expectApply(&model, .tick, now: 13.9)
    expectApply(&model, .tick, now: 14) { $0.status = nil }
  }

  @Test func helpScrollsThroughItsLinesWithoutASelection() {
    var model = Fixtures.model(rows: 12)
    expectApply(&model, .setOverlayRowCount(50))  // no overlay open: nothing to size
    model.apply(.showHelp, now: 100)
    let height = model.overlayList.height
    expectApply(&model, .setOverlayRowCount(50)) { $0.overlayList.setCount(50) }
    expectApply(&model, .move(.down)) { $0.overlayList.scroll(.down) }
    #expect(model.overlayList.offset == 1)
    expectApply(&model, .move(.last)) { $0.overlayList.scroll(.last) }
    #expect(model.overlayList.offset == 50 - height)
  }
}
