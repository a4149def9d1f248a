import NewsCore
import ReaderState
import Testing

@Suite struct QueryEditingTests {
  /// A model with `text` typed into the query, the cursor at its end.
  static func typing(_ text: String) -> ReaderModel {
    var model = Fixtures.model()
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert(text), now: 0)
    return model
  }

  @Test func cursorMovesAndTypingGoesWhereItIs() {
    var model = Self.typing("stom")
    model.apply(.searchEdit(.moveLeft), now: 0)
    model.apply(.searchInsert("r"), now: 0)
    #expect(model.listing.queryText == "storm" && model.search.cursor == 4)
    model.apply(.searchEdit(.moveToStart), now: 0)
    model.apply(.searchEdit(.moveLeft), now: 0)
    #expect(model.search.cursor == 0)
    model.apply(.searchEdit(.deleteForward), now: 0)
    #expect(model.listing.queryText == "torm" && model.search.cursor == 0)
    model.apply(.searchEdit(.moveToEnd), now: 0)
    model.apply(.searchEdit(.moveRight), now: 0)
    #expect(model.search.cursor == 4)
    model.apply(.searchDeleteBackward, now: 0)
    #expect(model.listing.queryText == "tor" && model.search.cursor == 3)
  }

  @Test(arguments: [
    (SearchEdit.deleteWordBackward, "storm coast", 11, "storm ", 6),
    (.deleteWordBackward, "storm coast  ", 13, "storm ", 6),
    (.deleteWordBackward, "storm coast", 5, " coast", 0),
    (.deleteToStart, "storm coast", 6, "coast", 0),
    (.deleteToEnd, "storm coast", 5, "storm", 5),
  ])
  func readlineDeletions(edit: SearchEdit, text: String, cursor: Int, after: String, cursorAfter: Int) {
    var model = Self.typing(text)
    model.search.cursor = cursor
    model.apply(.searchEdit(edit), now: 0)
    #expect(model.listing.queryText == after && model.search.cursor == cursorAfter)
  }

  @Test func typingAfterAKeptTermStartsANewTerm() {
    var model = Fixtures.model()
    model.apply(.toggleTopic("Weather"), now: 0)
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert("storm"), now: 0)
    #expect(model.listing.queryText == "topic:\"Weather\" storm")
    model.apply(.commitSearch, now: 0)
    // An edit left with nothing typed keeps the text as it was, without the space it started with.
    model.apply(.startSearch, now: 0)
    #expect(model.listing.queryText == "topic:\"Weather\" storm ")
    model.apply(.commitSearch, now: 0)
    #expect(model.listing.queryText == "topic:\"Weather\" storm")
  }

  @Test func editsOutsideTypingDoNothing() {
    var model = Fixtures.model()
    expectApply(&model, .searchEdit(.deleteToStart))
    expectApply(&model, .searchEdit(.historyPrevious))
  }

  @Test func anUnreadableQueryKeepsTheListAndSaysWhere() {
    var model = Self.typing("storm")
    let listed = model.listing.visible
    model.apply(.searchInsert(" (coast"), now: 0)
    #expect(model.listing.queryError?.column == 7)
    #expect(model.listing.visible == listed && model.listing.query.text == "storm")
    // Enter does not keep what cannot be read: the edit goes on.
    expectApply(&model, .commitSearch)
    model.apply(.searchInsert(")"), now: 0)
    #expect(model.listing.queryError == nil && Fixtures.ids(model) == ["c"])
  }

  @Test func upAndDownWalkTheHistoryAndComeBackToTheDraft() {
    var model = Fixtures.model()
    model.apply(.searchHistoryLoaded(["cafe", "storm"]), now: 0)
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert("東"), now: 0)
    model.apply(.searchEdit(.historyPrevious), now: 0)
    #expect(model.listing.queryText == "storm" && model.search.cursor == 5)
    model.apply(.searchEdit(.historyPrevious), now: 0)
    model.apply(.searchEdit(.historyPrevious), now: 0)
    #expect(model.listing.queryText == "cafe" && Fixtures.ids(model) == ["a"])
    model.apply(.searchEdit(.historyNext), now: 0)
    model.apply(.searchEdit(.historyNext), now: 0)
    #expect(model.listing.queryText == "東" && model.search.historyPosition == nil)
    let effects = model.apply(.commitSearch, now: 0)
    #expect(effects == [.recordSearch("東")] && model.search.history == ["cafe", "storm", "東"])
  }

  @Test func theSameQueryTwiceIsRecordedOnce() {
    var model = Self.typing("storm")
    #expect(model.apply(.commitSearch, now: 0) == [.recordSearch("storm")])
    model.apply(.startSearch, now: 0)
    #expect(model.apply(.commitSearch, now: 0).isEmpty)
    #expect(model.apply(.requestSearchHistory, now: 0) == [.loadSearchHistory])
  }

  @Test func historyReadLateGoesBeforeWhatThisRunKept() {
    var search = SearchSession(history: ["new"])
    search.historyLoaded(["old1", "old2"])
    #expect(search.history == ["old1", "old2", "new"])
  }
}

@Suite struct QueryTextTests {
  @Test(arguments: [
    ("", "Power Apps", "topic:\"Power Apps\""),
    ("storm ", "AI", "storm topic:\"AI\""),
    ("storm topic:\"AI\"", "ai", "storm"),
    ("topic:ai storm", "AI", "storm"),
    ("(topic:\"AI\" or x) topic:AI", "AI", "(topic:\"AI\" or x)"),
    ("say \"hi\"", "a\"b", "say \"hi\" topic:\"a\\\"b\""),
  ])
  func togglingWritesOrRemovesTheTerm(text: String, topic: String, result: String) throws {
    let active = QueryText.requiredValues(.topic, in: try Query(text))
    #expect(QueryText.toggling(.topic, topic, in: text, active: active) == result)
  }

  @Test func aWrittenTermReadsBackAsTheSameValue() throws {
    let term = QueryText.term(.provider, "Neue \"Zeitung\" \\ Süd")
    #expect(QueryText.requiredValues(.provider, in: try Query(term)) == ["Neue \"Zeitung\" \\ Süd"])
  }

  @Test func onlyTopLevelPositiveTermsWithoutWildcardsAreRequired() throws {
    #expect(QueryText.requiredValues(.topic, in: try Query("-topic:a topic:b* (topic:c or x)")).isEmpty)
    #expect(QueryText.requiredValues(.topic, in: try Query("x topic:b y")) == ["b"])
  }
}
