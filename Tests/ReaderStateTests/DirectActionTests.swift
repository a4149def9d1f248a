import NewsCore
import ReaderState
import Testing

/// Actions the mouse, the loader and the program's effects send: direct focus and selection, progress,
/// status messages, and the help overlay's length.
@Suite struct DirectActionTests {
  @Test func selectingAnArticleRowFocusesTheListAndResetsRelated() {
    var model = Fixtures.model()
    expectApply(&model, .focusRight) { $0.listing.focus = .details }
    expectApply(&model, .select(.articles, row: 2)) {
      $0.listing.focus = .articles
      $0.listing.articleList.select(2)
      $0.listing.relatedList = ListViewport(
        count: $0.listing.catalog.articles[$0.listing.visible[2]].related.count)
    }
    #expect(model.listing.selectedArticle?.id == ArticleID(Fixtures.ids(model)[2]))
  }

  @Test func selectingOutsideTheListOnlyFocuses() {
    var model = Fixtures.model()
    expectApply(&model, .select(.articles, row: 99))
    expectApply(&model, .select(.articles, row: -1))
    expectApply(&model, .select(.related, row: 7)) {
      $0.listing.focus = .related
      $0.listing.detailsShowsRelated = true
    }
    #expect(model.listing.relatedList.selection == 0)
  }

  @Test func selectingARelatedRowShowsThatItem() {
    var model = Fixtures.model()
    expectApply(&model, .select(.related, row: 1)) {
      $0.listing.focus = .related
      $0.listing.detailsShowsRelated = true
      $0.listing.relatedList.select(1)
    }
    #expect(model.listing.detailsItem?.title == "Storm story")
    expectApply(&model, .focus(.articles)) {
      $0.listing.focus = .articles
      $0.listing.detailsShowsRelated = false
      $0.listing.details = TextScroll()
    }
  }

  @Test func focusingThePaneAlreadyFocusedChangesNothing() {
    var model = Fixtures.model()
    expectApply(&model, .focus(.articles))
    expectApply(&model, .focus(.details)) { $0.listing.focus = .details }
    expectApply(&model, .select(.details, row: 3))
  }

  @Test func progressIsKeptUntilTheRecordsArrive() {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    expectApply(&model, .reload, effects: [.load(generation: 1)]) { _ = $0.loading.start() }
    expectApply(&model, .loadProgress(filesRead: 10, filesTotal: 40, generation: 1)) {
      $0.loading.progress = LoadProgress(filesRead: 10, filesTotal: 40)
    }
    model.apply(.loaded(Fixtures.five(), [], generation: 1), now: 100)
    #expect(model.loading.progress == nil)
    #expect(!model.loading.isLoading)
    #expect(model.listing.visible.count == 5)
  }

  @Test func showStatusSetsAMessageThatExpires() {
    var model = Fixtures.model()
    expectApply(&model, .showStatus("Copied link (OSC 52 and xclip)", isError: false), now: 10) {
      $0.status.message = StatusMessage(text: "Copied link (OSC 52 and xclip)", isError: false, expires: 14)
    }
    // The tick also starts timing how long the selected article is shown.
    expectApply(&model, .tick, now: 13.9) { _ = $0.reading.shownArticle("a", now: 13.9) }
    expectApply(&model, .tick, now: 14) { $0.status.message = nil }
  }

  /// The help's length comes from the geometry (50 lines in the tests'), never from an action.
  @Test func helpScrollsThroughItsLinesWithoutASelection() {
    var model = Fixtures.model(rows: 12)
    expectApply(&model, .showHelp) { $0.overlays.current = .help }
    let height = TestGeometry().paneHeights(of: model).overlay
    expectApply(&model, .move(.down)) { $0.overlays.help.scroll(.down, lines: 50, height: height) }
    #expect(model.overlays.help.offset == 1)
    expectApply(&model, .move(.last)) { $0.overlays.help.scroll(.last, lines: 50, height: height) }
    #expect(model.overlays.help.offset == 50 - height)
    #expect(model.overlays.list == ListViewport())
  }

}
