import NewsCore
import ReaderState
import Testing

@Suite struct SearchTests {
  @Test func searchNarrowsAtEveryKeystrokeAndEnterKeepsIt() {
    var model = Fixtures.model()
    expectApply(&model, .startSearch) {
      $0.search.mode = .editing
      $0.search.snapshot = SearchSnapshot(
        queryText: "", query: .everything, queryError: nil, mode: .off, visible: [0, 1, 2, 3, 4],
        relatedOnly: [], articleList: $0.listing.articleList)
    }
    model.apply(.searchInsert("s"), now: 0)
    #expect(Fixtures.ids(model) == ["a", "c", "e"])
    model.apply(.searchInsert("t"), now: 0)
    // a is listed for its related item "Storm story", and marked so.
    #expect(Fixtures.ids(model) == ["a", "c"] && model.listing.relatedOnly == [0])
    model.apply(.searchInsert("o"), now: 0)
    #expect(Fixtures.ids(model) == ["a", "c"])
    #expect(model.search.kept.count == 3 && model.search.cursor == 3)
    expectApply(&model, .commitSearch, effects: [.recordSearch("sto")]) {
      $0.search.mode = .applied
      $0.search.snapshot = nil
      $0.search.kept = []
      $0.search.cursor = 0
      $0.search.history = ["sto"]
    }
    #expect(model.listing.queryText == "sto")
  }

  @Test(arguments: [
    ("cafe", ["a"]), ("CAFÉ", ["a"]), ("Cafe\u{301}", ["a"]), ("東京", ["b"]), ("経済", ["b"]),
    ("القاهرة", ["d"]), ("storm coast", ["c"]), ("coast storm", ["c"]), ("nhk", ["b"]),
    ("weather", ["c", "d"]),
    ("zzz", []),
  ])
  func searchMatchesAcrossScriptsCaseAndDiacritics(query: String, ids: [String]) {
    var model = Fixtures.model()
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert(query), now: 0)
    #expect(Fixtures.ids(model) == ids)
    #expect(model.listing.articleList.selectedIndex == (ids.isEmpty ? nil : 0))
  }

  @Test func escapeRestoresTheListAsItWas() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: 0)
    let before = model
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert("zzz"), now: 0)
    #expect(model.listing.visible.isEmpty && model.listing.selectedArticle == nil)
    model.apply(.cancelSearch, now: 0)
    #expect(model == before)
  }

  @Test func backspaceReusesTheShorterSearchResult() {
    var model = Fixtures.model()
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert("s"), now: 0)
    let afterS = model
    model.apply(.searchInsert("t"), now: 0)
    model.apply(.move(.down), now: 0)
    #expect(model.listing.selectedArticle?.id == ArticleID("c"))
    model.apply(.searchDeleteBackward, now: 0)
    #expect(model.listing.visible == afterS.listing.visible && model.listing.queryText == "s")
    // The result for "s" was kept from before "t", and "st" is kept now for typing it again.
    #expect(model.search.kept.map(\.expression) == [.all, .term(.word("s")), .term(.word("st"))])
    // The selection survives: c is still listed, now on the second row.
    #expect(model.listing.selectedArticle?.id == ArticleID("c") && model.listing.articleList.selection == 1)
  }

  @Test func escapeInNormalModeClearsAKeptSearch() {
    var model = Fixtures.model()
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert("storm"), now: 0)
    model.apply(.commitSearch, now: 0)
    expectApply(&model, .clearSearch) {
      $0.listing.queryText = ""
      $0.listing.query = .everything
      $0.search.mode = .off
      $0.listing.visible = [0, 1, 2, 3, 4]
      $0.listing.relatedOnly = []
      $0.listing.articleList = ListViewport(count: 5, selection: 0)
    }
    #expect(model.listing.selectedArticle?.id == ArticleID("a"))
  }
}

@Suite struct TopicTests {
  @Test func shortcutsAreTheMostFrequentTopics() {
    let model = Fixtures.model()
    #expect(model.listing.topicShortcuts == ["Economy", "Weather", "Egypt", "France", "Japan", "Politics"])
  }

  @Test func topicDigitsWriteTermsIntoTheQuery() {
    var model = Fixtures.model()
    expectApply(&model, .toggleTopicShortcut(1)) {
      $0.listing.queryText = "topic:\"Economy\""
      $0.listing.query = try! Query("topic:\"Economy\"")
      $0.search.mode = .applied
      $0.listing.visible = [0, 1]
      $0.listing.articleList.setCount(2)
    }
    #expect(model.listing.activeTopics == ["Economy"])
    // A second topic is a second term: articles must have both.
    model.apply(.toggleTopic("weather"), now: 0)
    #expect(model.listing.queryText == "topic:\"Economy\" topic:\"weather\"")
    #expect(Fixtures.ids(model).isEmpty)
    model.apply(.toggleTopic("WEATHER"), now: 0)
    #expect(model.listing.queryText == "topic:\"Economy\"" && Fixtures.ids(model) == ["a", "b"])
    expectApply(&model, .clearTopics) {
      $0.listing.queryText = ""
      $0.listing.query = .everything
      $0.search.mode = .off
      $0.listing.visible = [0, 1, 2, 3, 4]
      $0.listing.articleList.setCount(5)
    }
  }

  @Test func aTypedTopicTermIsToggledOffByItsDigit() {
    var model = Fixtures.model()
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert("storm topic:economy"), now: 0)
    model.apply(.commitSearch, now: 0)
    #expect(model.listing.activeTopics == ["economy"])
    model.apply(.toggleTopicShortcut(1), now: 0)
    #expect(model.listing.queryText == "storm" && Fixtures.ids(model) == ["a", "c"])
  }

  @Test func aShortcutWithoutATopicSaysSo() {
    var model = Fixtures.model()
    expectApply(&model, .toggleTopicShortcut(9), now: 1) {
      $0.status.message = StatusMessage(text: "No topic numbered 9", isError: true, expires: 5)
    }
  }

  @Test func selectionSurvivesAFilterThatKeepsIt() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: 0)
    model.apply(.move(.down), now: 0)
    model.apply(.toggleTopic("Weather"), now: 0)
    #expect(Fixtures.ids(model) == ["c", "d"])
    #expect(model.listing.selectedArticle?.id == ArticleID("c"))
  }

  @Test func aFilterThatHidesTheSelectionSelectsTheNearest() {
    var model = Fixtures.model()
    model.apply(.move(.last), now: 0)
    model.apply(.toggleTopic("Weather"), now: 0)
    #expect(model.listing.selectedArticle?.id == ArticleID("d"))
  }

  @Test func aFilterMatchingNothingLeavesAnEmptyList() {
    var model = Fixtures.model()
    model.apply(.toggleTopic("No such topic"), now: 0)
    #expect(
      model.listing.visible.isEmpty && model.listing.selectedArticle == nil
        && model.listing.relatedItems.isEmpty)
    expectApply(&model, .move(.down))
  }

  @Test func pickerTogglesTheTopicUnderItsSelectionWithLiveCounts() {
    var model = Fixtures.model()
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert("storm"), now: 0)
    model.apply(.commitSearch, now: 0)
    expectApply(&model, .showTopicPicker) {
      $0.overlays.current = .topicPicker
      $0.overlays.list = ListViewport(count: 6)
      $0.overlays.topicCounts = [1, 1, 0, 1, 0, 0]
    }
    // Counted among the listed a and c: Economy and France are a's, Weather c's.
    #expect(model.topicPickerRows.map(\.count) == [1, 1, 0, 1, 0, 0])
    model.apply(.move(.down), now: 0)
    expectApply(&model, .togglePickerTopic) {
      $0.listing.queryText = "storm topic:\"Weather\""
      $0.listing.query = try! Query("storm topic:\"Weather\"")
      $0.listing.visible = [2]
      $0.listing.relatedOnly = []
      $0.listing.articleList = ListViewport(count: 1)
      $0.listing.relatedList = ListViewport(count: 0)
      $0.overlays.topicCounts = [0, 1, 0, 0, 0, 0]
    }
    #expect(model.topicPickerRows[1].isActive && model.topicPickerRows[1].shortcut == 2)
    expectApply(&model, .closeOverlay) {
      $0.overlays.current = nil
      $0.overlays.list = ListViewport()
      $0.overlays.topicCounts = []
    }
  }
}

@Suite struct SortAndReloadTests {
  @Test func sortCyclesAndKeepsTheSelection() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: 0)
    expectApply(&model, .cycleSort, now: 0) {
      $0.listing.sort = .oldest
      $0.listing.visible = [4, 3, 2, 1, 0]
      $0.listing.articleList.select(3)
      $0.status.message = StatusMessage(text: "Sorted by oldest", expires: 4)
    }
    model.apply(.cycleSort, now: 0)
    #expect(Fixtures.ids(model) == ["b", "e", "c", "a", "d"])
    #expect(model.listing.selectedArticle?.id == ArticleID("b"))
    for _ in 0..<4 { model.apply(.cycleSort, now: 0) }
    #expect(model.listing.sort == .newest && Fixtures.ids(model) == ["a", "b", "c", "d", "e"])
  }

  @Test func reloadKeepsTheSelectedArticleByID() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: 0)
    model.apply(.move(.down), now: 0)
    expectApply(&model, .reload, effects: [.load(generation: 1)]) { _ = $0.loading.start() }
    let shuffled = ArticleCatalog(articles: Fixtures.five().articles.reversed())
    let problem = Diagnostic(path: "x", line: 1, column: 1, severity: .error, message: "bad")
    model.apply(.loaded(shuffled, [problem], generation: 1), now: 0)
    #expect(model.listing.selectedArticle?.id == ArticleID("c"))
    #expect(model.loading.isLoading == false && model.loading.diagnosticCount == 1)
  }

  @Test func reloadSaysWhatChanged() {
    var model = Fixtures.model()
    var articles = Fixtures.five().articles.filter { $0.id != ArticleID("b") && $0.id != ArticleID("d") }
    articles[0].item.title = "Café prices rise again"
    articles += [Fixtures.article("f"), Fixtures.article("g"), Fixtures.article("h")]
    model.apply(.reload, now: 0)
    model.apply(.loaded(ArticleCatalog(articles: articles), [], generation: 1), now: 10)
    #expect(
      model.status.message
        == StatusMessage(text: "Reloaded: 3 new, 1 changed, 2 removed", isError: false, expires: 14))
    // Nothing different: it says so rather than nothing.
    model.apply(.reload, now: 20)
    model.apply(.loaded(ArticleCatalog(articles: articles), [], generation: 2), now: 20)
    #expect(model.status.message?.text == "Reloaded: no changes")
  }

  @Test func theFirstLoadIntoAnEmptyReaderSaysNothing() {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    model.apply(.reload, now: 0)
    model.apply(.loaded(Fixtures.five(), [], generation: 1), now: 0)
    #expect(model.status.message == nil)
  }

  @Test func reloadWithoutTheSelectedArticleKeepsTheRow() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: 0)
    let fewer = ArticleCatalog(articles: Fixtures.five().articles.filter { $0.id != ArticleID("b") })
    model.apply(.reload, now: 0)
    model.apply(.loaded(fewer, [], generation: 1), now: 0)
    #expect(model.listing.selectedArticle?.id == ArticleID("c"))
  }
}
