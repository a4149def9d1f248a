import NewsCore
import ReaderState
import Testing

/// Each part of the model on its own, without the rest of the reader around it.
@Suite struct StatusLineTests {
  @Test func aMessageLastsItsDurationThenGoes() {
    var line = StatusLine()
    line.show("Sorted by heat", now: 10)
    #expect(line.message == StatusMessage(text: "Sorted by heat", expires: 10 + StatusLine.duration))
    line.expire(now: 13.9)
    #expect(line.message != nil)
    line.expire(now: 14)
    #expect(line.message == nil)
  }
}

@Suite struct LoadingStateTests {
  @Test func eachLoadHasANewerGenerationAndOnlyTheCurrentOneCounts() {
    var loading = LoadingState()
    #expect(!loading.isCurrent(0))  // nothing is awaited before a load starts
    #expect(loading.start() == 1)
    #expect(loading.start() == 2)
    #expect(loading.isLoading && loading.isCurrent(2) && !loading.isCurrent(1))
    let problem = Diagnostic(path: "p", line: 1, column: 1, severity: .error, message: "m")
    loading.finish(diagnostics: [problem])
    #expect(!loading.isLoading && !loading.isCurrent(2))
    #expect(loading.diagnosticCount == 1 && loading.errorCount == 1)
  }

  /// `r` while a load runs: the first load's progress and records arrive late and change nothing.
  @Test func aSupersededLoadsResultsAreDropped() {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    model.apply(.reload, now: 0)
    expectApply(&model, .reload, effects: [.load(generation: 2)]) { _ = $0.loading.start() }
    expectApply(&model, .loadProgress(filesRead: 5, filesTotal: 5, generation: 1))
    expectApply(&model, .loaded(Fixtures.five(), [], generation: 1))
    #expect(model.listing.visible.isEmpty && model.loading.isLoading)
    model.apply(.loaded(Fixtures.five(), [], generation: 2), now: 100)
    #expect(model.listing.visible.count == 5 && !model.loading.isLoading)
    expectApply(&model, .loaded(ArticleCatalog(articles: []), [], generation: 2))  // nothing awaited now
  }
}

@Suite struct OverlayStateTests {
  @Test func helpScrollsItsTextAndListsMoveTheirSelection() {
    var overlays = OverlayState()
    overlays.open(.help, rows: 0)
    overlays.move(.pageDown, height: 10, helpLines: 25)
    #expect(overlays.help.offset == 10 && overlays.list.selection == 0)
    overlays.open(.diagnostics, rows: 30)
    #expect(overlays.help == TextScroll())
    overlays.move(.pageDown, height: 10, helpLines: 0)
    #expect(overlays.list.selection == 10)
    overlays.close()
    #expect(overlays == OverlayState())
  }

  @Test func topicCountsAreKeptOnlyWhileThePickerIsOpen() {
    var listing = Listing(catalog: Fixtures.five())
    var overlays = OverlayState()
    overlays.refreshTopicCounts(listing)
    #expect(overlays.topicCounts.isEmpty)
    overlays.open(.topicPicker, rows: 0)
    listing.setQuery("storm")
    overlays.refreshTopicCounts(listing)
    #expect(overlays.topicCounts == [1, 1, 0, 1, 0, 0] && overlays.list.count == 6)
  }
}

@Suite struct SearchSessionTests {
  @Test func typingNarrowsTheListingAndEscPutsItBack() {
    var listing = Listing(catalog: Fixtures.five())
    let before = listing
    var search = SearchSession()
    search.start(from: listing)
    search.insert("st", into: &listing)
    #expect(listing.visible == [0, 2] && search.mode == .editing && search.kept.count == 1)
    let cancelled = search.cancel(in: &listing)
    #expect(cancelled && listing == before && search == SearchSession())
    let again = search.cancel(in: &listing)
    #expect(!again)  // nothing being typed
  }

  @Test func newRecordsEndTheEditingButKeepTheText() {
    var listing = Listing(catalog: Fixtures.five())
    var search = SearchSession()
    search.start(from: listing)
    search.insert("storm", into: &listing)
    listing.replaceCatalog(Fixtures.five())
    search.catalogReplaced(listing)
    #expect(search == SearchSession(mode: .applied) && listing.queryText == "storm")
  }
}

@Suite struct ListingTests {
  @Test func enterOnALinkedRelatedItemJumpsAndSaysWhetherFiltersWereCleared() {
    var listing = Listing(catalog: Fixtures.five(), query: "topic:Economy")
    listing.setFocus(.related)
    listing.select(1, in: .related)  // "Storm story" links to article c, which the topic hides
    let jumped = listing.activate()
    #expect(jumped == .jumped(clearedFilters: true))
    #expect(listing.selectedArticle?.id == ArticleID("c") && listing.queryText.isEmpty)
    listing.setFocus(.related)
    let again = listing.activate()
    #expect(again == .done)  // c has no related coverage: Enter there does nothing
  }

  @Test func movingUsesTheHeightsItIsGiven() {
    var listing = Listing(catalog: Fixtures.many(50))
    let heights = PaneHeights(articles: 10, related: 3, details: 5, overlay: 8)
    listing.move(.pageDown, heights: heights, detailsLines: 0)
    #expect(listing.articleList.selection == 10)
    listing.setFocus(.details)
    listing.move(.last, heights: heights, detailsLines: 12)
    #expect(listing.details.offset == 7 && listing.articleList.selection == 10)
  }
}
