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
    #expect(model.relatedList.count == 2)
    expectApply(&model, .move(.down)) {
      $0.articleList.select(1)
      $0.relatedList = ListViewport(count: 0, height: 5)
    }
    #expect(model.selectedArticle?.id == ArticleID("b"))
  }

  @Test func noArticlesIsAValidStateForEveryMove() {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    for movement in Movement.allCases { expectApply(&model, .move(movement)) }
    #expect(model.selectedArticle == nil && model.detailsItem == nil)
    expectApply(&model, .copyLink) {
      $0.status = StatusMessage(text: "Nothing selected", isError: true, expires: 104)
    }
    expectApply(&model, .activate)
  }

  @Test func oneArticleStaysSelected() {
    var model = Fixtures.model(ArticleCatalog(articles: [Fixtures.article("only")]))
    expectApply(&model, .move(.down))
    expectApply(&model, .move(.last))
    #expect(model.selectedArticle?.id == ArticleID("only"))
  }

  @Test func focusCyclesAndRelatedFocusShowsTheRelatedItem() {
    var model = Fixtures.model()
    expectApply(&model, .focusNext) { $0.focus = .details }
    expectApply(&model, .focusNext) {
      $0.focus = .related
      $0.detailsShowsRelated = true
    }
    #expect(model.detailsItem?.title == "Coffee costs up")
    expectApply(&model, .move(.down)) { $0.relatedList.select(1) }
    #expect(model.detailsItem?.title == "Storm story")
    expectApply(&model, .focusNext) {
      $0.focus = .articles
      $0.detailsShowsRelated = false
    }
    expectApply(&model, .focusPrevious) {
      $0.focus = .related
      $0.detailsShowsRelated = true
    }
    expectApply(&model, .focusRight)
    expectApply(&model, .focusLeft) { $0.focus = .details }
  }

  @Test func detailsPaneScrollsWhenFocused() {
    var model = Fixtures.model()
    expectApply(&model, .setDetailsLineCount(40)) { $0.details.setCount(40) }
    expectApply(&model, .focusRight) { $0.focus = .details }
    expectApply(&model, .move(.pageDown)) { $0.details.scroll(.pageDown) }
    #expect(model.details.offset == 13)
    #expect(model.articleList.selection == 0)
  }

  @Test func enterOnAnArticleFocusesItsRelatedCoverage() {
    var model = Fixtures.model()
    expectApply(&model, .activate) {
      $0.focus = .related
      $0.detailsShowsRelated = true
    }
    #expect(model.detailsItem?.title == "Coffee costs up")
  }

  @Test func enterOnALinkedRelatedItemJumpsThereClearingFilters() {
    var model = Fixtures.model()
    model.apply(.toggleTopic("France"), now: 0)
    #expect(Fixtures.ids(model) == ["a"])
    model.apply(.focusPrevious, now: 0)
    model.apply(.move(.down), now: 0)
    #expect(model.linkedArticle(forRelatedRow: 1) == 2)
    expectApply(&model, .activate) {
      $0.filter = ArticleFilter()
      $0.visible = [0, 1, 2, 3, 4]
      $0.searchResult = [0, 1, 2, 3, 4]
      $0.articleList = ListViewport(count: 5, height: 20, selection: 2)
      $0.focus = .articles
      $0.detailsShowsRelated = false
      $0.relatedList = ListViewport(count: 0, height: 5)
    }
    #expect(model.selectedArticle?.id == ArticleID("c"))
  }

  @Test func enterOnAnUnlinkedRelatedItemSaysSo() {
    var model = Fixtures.model()
    model.apply(.focusPrevious, now: 0)
    expectApply(&model, .activate, now: 10) {
      $0.status = StatusMessage(
        text: "This related item is not among the loaded articles", isError: true, expires: 14)
    }
  }

  @Test func resizeResizesThePanes() {
    var model = Fixtures.model()
    let size = TerminalSize(columns: 200, rows: 60)
    expectApply(&model, .resize(size)) {
      $0.size = size
      $0.paneHeights = PaneHeights(articles: 56, related: 6, details: 48, overlay: 54)
      $0.articleList.setHeight(56)
      $0.relatedList.setHeight(6)
      $0.details.setHeight(48)
      $0.overlayList.setHeight(54)
    }
  }

  @Test func statusExpiresWithTime() {
    var model = Fixtures.model()
    model.apply(.cycleSort, now: 10)
    #expect(model.status == StatusMessage(text: "Sorted by oldest", expires: 14))
    expectApply(&model, .tick, now: 13.9)
    expectApply(&model, .tick, now: 14) { $0.status = nil }
  }
}
