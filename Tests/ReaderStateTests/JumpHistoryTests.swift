import NewsCore
import ReaderState
import Testing

/// Going back after a jump, forward again, and `q` as "go back" (issue 14, items 7 and 8).
@Suite struct JumpHistoryTests {
  /// A kept search for "prices", with the related list of article a focused on its second
  /// item (which is article c, not listed under the search): Enter jumps and clears the search.
  static func searchedThenJumped() -> (jumped: ReaderModel, before: ReaderModel) {
    var model = Fixtures.model()
    model.apply(.startSearch, now: 0)
    for character in "prices" { model.apply(.searchInsert(String(character)), now: 0) }
    model.apply(.commitSearch, now: 0)
    #expect(Fixtures.ids(model) == ["a"])
    model.apply(.activate, now: 0)
    model.apply(.move(.down), now: 0)
    #expect(model.listing.focus == .related)
    let before = model
    model.apply(.activate, now: 0)
    #expect(model.listing.selectedArticle?.id == ArticleID("c"))
    #expect(model.listing.queryText.isEmpty)
    return (model, before)
  }

  @Test func backRestoresSearchSelectionAndFocusAndForwardReturns() {
    var (model, before) = Self.searchedThenJumped()
    let jumped = model
    model.apply(.goBack, now: 0)
    #expect(model.listing == before.listing)
    #expect(model.search == before.search)
    #expect(model.search.mode == .applied)
    #expect(model.listing.focus == .related)
    #expect(model.history.canGoForward && !model.history.canGoBack)
    model.apply(.goForward, now: 0)
    #expect(model.listing == jumped.listing)
    #expect(model.search == jumped.search)
    #expect(model.history.canGoBack && !model.history.canGoForward)
  }

  @Test func backWithNowhereToGoSaysSo() {
    var model = Fixtures.model()
    expectApply(&model, .goBack, now: 10) {
      $0.status.message = StatusMessage(text: "Nothing to go back to", isError: true, expires: 14)
    }
    expectApply(&model, .goForward, now: 10) {
      $0.status.message = StatusMessage(text: "Nothing to go forward to", isError: true, expires: 14)
    }
  }

  @Test func qClosesAnOverlayThenGoesBackThenQuits() {
    var (model, before) = Self.searchedThenJumped()
    model.apply(.showHelp, now: 0)
    model.apply(.quit, now: 0)
    #expect(model.overlays.current == nil && !model.hasQuit)
    model.apply(.quit, now: 0)
    #expect(model.listing == before.listing && !model.hasQuit)
    model.apply(.quit, now: 0)
    #expect(model.hasQuit)
  }

  @Test func forceQuitQuitsWhateverTheHistory() {
    var (model, _) = Self.searchedThenJumped()
    model.apply(.forceQuit, now: 0)
    #expect(model.hasQuit)
  }

  @Test func newRecordsClearTheHistory() {
    var (model, _) = Self.searchedThenJumped()
    let generation = model.loading.start()
    model.apply(.loaded(Fixtures.five(), [], generation: generation), now: 0)
    #expect(!model.history.canGoBack)
  }

  @Test func theHistoryIsBounded() {
    var history = JumpHistory()
    let entry = JumpHistory.Entry(listing: Fixtures.model().listing, search: SearchSession())
    for _ in 0..<(JumpHistory.limit + 5) { history.record(entry) }
    #expect(history.back.count == JumpHistory.limit)
  }
}
