import NewsCore
import ReaderState
import Testing

/// Applies `action` to `model` and checks the state equals `model` changed by `change`, and the effects.
func expectApply(
  _ model: inout ReaderModel, _ action: Action, now: Double = 100, effects: [Effect] = [],
  sourceLocation: SourceLocation = #_sourceLocation, _ change: (inout ReaderModel) -> Void = { _ in }
) {
  var expected = model
  change(&expected)
  let produced = model.apply(action, now: now)
  #expect(produced == effects, sourceLocation: sourceLocation)
  #expect(model == expected, sourceLocation: sourceLocation)
}

@Suite struct NavigationTests {
  @Test func moveDownSelectsTheNextArticleAndResetsRelated() {
    var model = Fixtures.model()
    #expect(model.listing.relatedList.count == 2)
    expectApply(&model, .move(.down)) {
      $0.listing.articleList.select(1)
      $0.listing.relatedList = ListViewport(count: 0)
    }
    #expect(model.listing.selectedArticle?.id == ArticleID("b"))
  }

  @Test func noArticlesIsAValidStateForEveryMove() {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    for movement in Movement.allCases { expectApply(&model, .move(movement)) }
    #expect(model.listing.selectedArticle == nil && model.listing.detailsItem == nil)
    expectApply(&model, .copyLink) {
      $0.status.message = StatusMessage(text: "Nothing selected", isError: true, expires: 104)
    }
    expectApply(&model, .activate)
  }

  @Test func oneArticleStaysSelected() {
    var model = Fixtures.model(ArticleCatalog(articles: [Fixtures.article("only")]))
    expectApply(&model, .move(.down))
    expectApply(&model, .move(.last))
    #expect(model.listing.selectedArticle?.id == ArticleID("only"))
  }

  @Test func focusCyclesAndRelatedFocusShowsTheRelatedItem() {
    var model = Fixtures.model()
    expectApply(&model, .focusNext) { $0.listing.focus = .details }
    expectApply(&model, .focusNext) {
      $0.listing.focus = .related
      $0.listing.detailsShowsRelated = true
    }
    #expect(model.listing.detailsItem?.title == "Coffee costs up")
    expectApply(&model, .move(.down)) { $0.listing.relatedList.select(1) }
    #expect(model.listing.detailsItem?.title == "Storm story")
    expectApply(&model, .focusNext) {
      $0.listing.focus = .articles
      $0.listing.detailsShowsRelated = false
    }
    expectApply(&model, .focusPrevious) {
      $0.listing.focus = .related
      $0.listing.detailsShowsRelated = true
    }
    // Side by side the related pane is under the details pane: right goes nowhere, left to the list.
    expectApply(&model, .focusRight)
    expectApply(&model, .focusLeft) {
      $0.listing.focus = .articles
      $0.listing.detailsShowsRelated = false
    }
    expectApply(&model, .focusRight) { $0.listing.focus = .details }
    expectApply(&model, .focusLeft) { $0.listing.focus = .articles }
  }

  @Test func leftAndRightFollowTheTabsWhenPanesAreTabs() {
    var model = Fixtures.model()
    model.apply(.resize(TerminalSize(columns: 80, rows: 24)), now: 0)
    expectApply(&model, .focusRight) { $0.listing.focus = .details }
    expectApply(&model, .focusRight) {
      $0.listing.focus = .related
      $0.listing.detailsShowsRelated = true
    }
    expectApply(&model, .focusRight)
    expectApply(&model, .focusLeft) { $0.listing.focus = .details }
    expectApply(&model, .focusLeft) {
      $0.listing.focus = .articles
      $0.listing.detailsShowsRelated = false
    }
  }

  @Test func detailsPaneScrollsWhenFocused() {
    var model = Fixtures.model()
    expectApply(&model, .focusRight) { $0.listing.focus = .details }
    // The text is 40 lines in the tests' geometry and the pane 13 rows: a page, then the end stops at 27.
    expectApply(&model, .move(.pageDown)) { $0.listing.details.scroll(.pageDown, lines: 40, height: 13) }
    #expect(model.listing.details.offset == 13)
    model.apply(.move(.last), now: 0)
    model.apply(.move(.down), now: 0)
    #expect(model.listing.details.offset == 27)
    #expect(model.listing.articleList.selection == 0)
  }

  @Test func enterOnAnArticleFocusesItsRelatedCoverage() {
    var model = Fixtures.model()
    expectApply(&model, .activate) {
      $0.listing.focus = .related
      $0.listing.detailsShowsRelated = true
    }
    #expect(model.listing.detailsItem?.title == "Coffee costs up")
  }

  @Test func enterOnALinkedRelatedItemJumpsThereClearingFilters() {
    var model = Fixtures.model()
    model.apply(.toggleTopic("France"), now: 0)
    #expect(Fixtures.ids(model) == ["a"])
    model.apply(.focusPrevious, now: 0)
    model.apply(.move(.down), now: 0)
    #expect(model.listing.linkedArticle(forRelatedRow: 1) == 2)
    let before = JumpHistory.Entry(listing: model.listing, search: model.search)
    expectApply(&model, .activate) {
      $0.history.record(before)
      $0.listing.queryText = ""
      $0.listing.query = .everything
      $0.search.mode = .off
      $0.listing.visible = [0, 1, 2, 3, 4]
      $0.listing.articleList = ListViewport(count: 5, selection: 2)
      $0.listing.focus = .articles
      $0.listing.detailsShowsRelated = false
      $0.listing.relatedList = ListViewport(count: 0)
    }
    #expect(model.listing.selectedArticle?.id == ArticleID("c"))
  }

  @Test func enterOnAnUnlinkedRelatedItemSaysSo() {
    var model = Fixtures.model()
    model.apply(.focusPrevious, now: 0)
    expectApply(&model, .activate, now: 10) {
      $0.status.message = StatusMessage(
        text: "This related item is not among the loaded articles", isError: true, expires: 14)
    }
  }

  /// The state keeps only the size: the rows a page moves are asked of the geometry when moving.
  @Test func resizeKeepsTheSizeAndPagesByTheNewHeight() {
    var model = Fixtures.model(Fixtures.many(100))
    let size = TerminalSize(columns: 200, rows: 60)
    expectApply(&model, .resize(size)) { $0.size = size }
    expectApply(&model, .move(.pageDown)) { $0.listing.articleList.move(.pageDown, height: 56) }
    #expect(model.listing.articleList.selection == 56)
  }

  @Test func statusExpiresWithTime() {
    var model = Fixtures.model()
    model.apply(.cycleSort, now: 10)
    #expect(model.status.message == StatusMessage(text: "Sorted by oldest", expires: 14))
    // The tick also starts timing how long the selected article is shown.
    expectApply(&model, .tick, now: 13.9) { _ = $0.reading.shownArticle("a", now: 13.9) }
    expectApply(&model, .tick, now: 14) { $0.status.message = nil }
  }
}
