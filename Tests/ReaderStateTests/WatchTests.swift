import NewsCore
import Testing

@testable import ReaderState

/// Reloads the file watcher asks for: records merge in place, arrivals are counted until looked at.
@Suite struct WatchTests {
  /// A model over `many(100)` (n0 newest) that has finished its first load with watching on, then moved
  /// down `moves` rows.
  private func watchedModel(moves: Int) -> ReaderModel {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    model.watch.isEnabled = true
    model.apply(.reload, now: 0)
    let effects = model.apply(.loaded(Fixtures.many(100), [], generation: 1), now: 0).exceptGrouping
    #expect(effects == [.watch], "the watch starts after the first load")
    for _ in 0..<moves { model.apply(.move(.down), now: 0) }
    return model
  }

  private func screenRow(_ model: ReaderModel) -> Int {
    let height = TestGeometry().paneHeights(of: model).articles
    return model.listing.articleList.selection - model.listing.articleList.offset(height: height)
  }

  private func selectedID(_ model: ReaderModel) -> String? { model.listing.selectedArticle?.id.rawValue }

  /// The catalog of `many(100)` with `added` articles newer than all and without the ids in `removed`.
  private func changed(added: [String] = [], removed: Set<String> = []) -> ArticleCatalog {
    let old = Fixtures.many(100).articles.filter { !removed.contains($0.id.rawValue) }
    let new = added.enumerated().map { Fixtures.article($1, date: 1000 + Double($0)) }
    return ArticleCatalog(articles: old + new)
  }

  private func reloadByWatch(_ model: inout ReaderModel, to catalog: ArticleCatalog) {
    let effects = model.apply(.filesChanged(.all), now: 1)
    let generation = model.loading.generation
    #expect(effects == [.load(generation: generation)])
    #expect(model.watch.mergingGeneration == generation)
    #expect(model.apply(.loaded(catalog, [], generation: generation), now: 1).exceptGrouping == [])
  }

  @Test func newArticlesEnterWithoutMovingTheSelectionOnScreen() {
    var model = watchedModel(moves: 30)
    let row = screenRow(model)
    #expect(selectedID(model) == "n30")
    reloadByWatch(&model, to: changed(added: ["x", "y", "z"]))
    #expect(selectedID(model) == "n30", "the same article stays selected")
    #expect(model.listing.articleList.selection == 33, "the new ones sort above it")
    #expect(screenRow(model) == row, "at the same row of the screen")
    #expect(Array(Fixtures.ids(model).prefix(3)) == ["z", "y", "x"])
    #expect(model.watch.unseen == [ArticleID("x"), ArticleID("y"), ArticleID("z")])
  }

  /// Within the viewport's context rows of the top the context rule wins: the arrival shows above the
  /// selection, which moves down one row (the list was showing its top, and still does).
  @Test func atTheTopTheContextRowsShowTheArrival() {
    var model = watchedModel(moves: 0)
    reloadByWatch(&model, to: changed(added: ["x"]))
    #expect(selectedID(model) == "n0")
    #expect(screenRow(model) == 1)
    #expect(model.listing.articleList.offset(height: 20) == 0)
    var lower = watchedModel(moves: 2)
    reloadByWatch(&lower, to: changed(added: ["x", "y"]))
    #expect(selectedID(lower) == "n2")
    #expect(screenRow(lower) == 2, "from the context rows down, the row is kept")
  }

  @Test func aRemovedSelectionGoesToItsNeighbour() {
    var model = watchedModel(moves: 30)
    let row = screenRow(model)
    reloadByWatch(&model, to: changed(removed: ["n30", "n31"]))
    #expect(selectedID(model) == "n32", "the nearest survivor below")
    #expect(screenRow(model) == row)
    var last = watchedModel(moves: 99)
    reloadByWatch(&last, to: changed(removed: ["n99"]))
    #expect(selectedID(last) == "n98", "above when nothing is below")
  }

  @Test func theNewestArrivalIsOneKeyAwayAndCountsAsSeenOnceSelected() {
    var model = watchedModel(moves: 30)
    reloadByWatch(&model, to: changed(added: ["x", "y"]))
    model.apply(.goToNewestArrival, now: 2)
    #expect(selectedID(model) == "y", "the newest of the new")
    #expect(model.watch.unseen == [ArticleID("x")])
    model.apply(.move(.down), now: 2)
    #expect(model.watch.unseen.isEmpty, "x is selected now")
    model.apply(.goToNewestArrival, now: 3)
    #expect(model.status.message?.text == "No new articles")
  }

  @Test func aRemovedArrivalIsNoLongerCounted() {
    var model = watchedModel(moves: 5)
    reloadByWatch(&model, to: changed(added: ["x", "y"]))
    reloadByWatch(&model, to: changed(added: ["y"]))
    #expect(model.watch.unseen == [ArticleID("y")])
  }

  @Test func aChangeDuringALoadLoadsOnceMoreAfterIt() {
    var model = watchedModel(moves: 0)
    model.apply(.reload, now: 1)
    #expect(model.apply(.filesChanged(.all), now: 1) == [], "waits for the load running")
    let effects = model.apply(.loaded(changed(added: ["x"]), [], generation: 2), now: 1).exceptGrouping
    #expect(effects == [.load(generation: 3)])
    #expect(model.watch.mergingGeneration == 3)
    #expect(model.watch.unseen.isEmpty, "a reload with r is not counted as arrivals")
  }

  @Test func withoutWatchingNoWatchStarts() {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    model.apply(.reload, now: 0)
    #expect(model.apply(.loaded(Fixtures.many(3), [], generation: 1), now: 0).exceptGrouping == [])
  }

  // MARK: Changes of some files, merged at their cost

  /// The watcher names `files` (each a path giving the articles listed); the model asks for a load of only
  /// those, and merges its change of the catalog.
  private func mergeChanges(_ model: inout ReaderModel, _ files: [ChangedFile]) {
    let changes = FileChanges(files: Set(files.map(\.path)))
    let effects = model.apply(.filesChanged(changes), now: 1)
    let generation = model.loading.generation
    #expect(effects == [.loadChanges(generation: generation, changes, order: model.listing.sort)])
    let change = model.listing.catalog.applying(files, prepare: model.listing.sort)
    #expect(model.apply(.changesLoaded(change, [], generation: generation), now: 1).exceptGrouping == [])
  }

  /// The rows a listing of the whole catalog would show with the model's query and sort.
  private func listedAfresh(_ model: ReaderModel) -> [String] {
    let fresh = Listing(
      catalog: model.listing.catalog, query: model.listing.queryText, sort: model.listing.sort,
      environment: model.listing.queryEnvironment)
    return fresh.visible.map { fresh.catalog.articles[$0].id.rawValue }
  }

  @Test func newFilesEnterInSortOrderWithoutMovingTheSelectionOnScreen() {
    var model = watchedModel(moves: 30)
    let row = screenRow(model)
    mergeChanges(
      &model,
      [
        ChangedFile(path: "x", articles: [Fixtures.article("x", date: 1000)]),
        ChangedFile(path: "y", articles: [Fixtures.article("y", date: 50.5)]),
      ])
    #expect(selectedID(model) == "n30")
    #expect(model.listing.articleList.selection == 31, "x sorts above it, y below")
    #expect(screenRow(model) == row)
    #expect(Fixtures.ids(model) == listedAfresh(model), "the same rows as sorting everything")
    #expect(Array(Fixtures.ids(model)[50...52]) == ["n49", "y", "n50"])
    #expect(model.watch.unseen == [ArticleID("x"), ArticleID("y")])
    #expect(model.status.message?.text == "Reloaded: 2 new")
  }

  @Test func aFileReadAgainKeepsItsArticleInPlace() {
    var model = watchedModel(moves: 5)
    mergeChanges(
      &model, [ChangedFile(path: "n5", articles: [Fixtures.article("n5", title: "Edited", date: 95)])])
    #expect(selectedID(model) == "n5")
    #expect(model.listing.selectedArticle?.item.title == "Edited")
    #expect(model.listing.catalog.articles.count == 100)
    #expect(model.watch.unseen.isEmpty, "a changed record is not an arrival")
    #expect(model.status.message?.text == "Reloaded: 1 changed")
    // Its date moved: it moves with it, and stays selected.
    mergeChanges(&model, [ChangedFile(path: "n5", articles: [Fixtures.article("n5", date: 10.5)])])
    #expect(selectedID(model) == "n5")
    #expect(Fixtures.ids(model) == listedAfresh(model))
  }

  @Test func aFileGoneHandsTheSelectionToItsNeighbour() {
    var model = watchedModel(moves: 30)
    let row = screenRow(model)
    mergeChanges(
      &model,
      [
        ChangedFile(path: "n30", articles: [], exists: false),
        ChangedFile(path: "n31", articles: [], exists: false),
      ])
    #expect(selectedID(model) == "n32")
    #expect(screenRow(model) == row)
    #expect(model.listing.catalog.articles.count == 98)
    #expect(Fixtures.ids(model) == listedAfresh(model))
    #expect(model.status.message?.text == "Reloaded: 2 removed")
  }

  @Test func aTopicFilterSeesOnlyTheArrivalsItMatches() {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    model.watch.isEnabled = true
    model.apply(.reload, now: 0)
    let articles = (0..<20).map {
      Fixtures.article("a\($0)", date: Double($0), topics: $0 % 2 == 0 ? ["even"] : [])
    }
    model.apply(.loaded(ArticleCatalog(articles: articles), [], generation: 1), now: 0)
    model.apply(.toggleTopic("even"), now: 0)
    mergeChanges(
      &model,
      [
        ChangedFile(path: "b1", articles: [Fixtures.article("b1", date: 7.5, topics: ["even"])]),
        ChangedFile(path: "b2", articles: [Fixtures.article("b2", date: 8.5)]),
      ])
    #expect(Fixtures.ids(model).contains("b1"))
    #expect(!Fixtures.ids(model).contains("b2"))
    #expect(Fixtures.ids(model) == listedAfresh(model))
    model.apply(.clearTopics, now: 0)
    #expect(Fixtures.ids(model).contains("b2"), "the search result has every arrival")
  }

  @Test func aRecordWhoseIDIsTakenGetsTheSuffixAFullLoadGives() {
    var model = watchedModel(moves: 0)
    var twin = Fixtures.article("n3", date: 500)
    twin.source = RecordSource(path: "twin", relativePath: "twin", documentIndex: 0, line: 1)
    mergeChanges(&model, [ChangedFile(path: "twin", articles: [twin])])
    let ids = model.listing.catalog.articles.map(\.id.rawValue)
    #expect(Set(ids).count == ids.count, "ids stay unique")
    #expect(ids.last?.hasPrefix("n3-") == true)
  }

  @Test func changesDuringALoadAreGatheredForTheNextOne() {
    var model = watchedModel(moves: 0)
    model.apply(.reload, now: 1)
    #expect(model.apply(.filesChanged(FileChanges(files: ["a"])), now: 1) == [])
    #expect(model.apply(.filesChanged(FileChanges(directories: ["d"])), now: 1) == [])
    let effects = model.apply(.loaded(Fixtures.many(100), [], generation: 2), now: 1).exceptGrouping
    #expect(
      effects == [.loadChanges(generation: 3, FileChanges(files: ["a"], directories: ["d"]), order: .newest)])
    #expect(model.apply(.filesChanged(.all), now: 1) == [])
    #expect(model.watch.pendingChanges == .all)
  }

  @Test func aChangeMadeFromAnotherCatalogIsMergedWhole() {
    var model = watchedModel(moves: 30)
    let elsewhere = Fixtures.many(100).applying(
      [ChangedFile(path: "x", articles: [Fixtures.article("x", date: 1000)])], prepare: .newest)
    model.apply(.filesChanged(FileChanges(files: ["x"])), now: 1)
    model.apply(.changesLoaded(elsewhere, [], generation: model.loading.generation), now: 1)
    #expect(selectedID(model) == "n30")
    #expect(Fixtures.ids(model) == listedAfresh(model))
    #expect(model.watch.unseen == [ArticleID("x")])
  }

  @Test func anAnnouncedChangeIsAwaitedUntilItsRecordsArrive() {
    var model = watchedModel(moves: 0)
    #expect(!model.awaitsBackgroundAction, "idle: the run loop waits its full tick")
    #expect(model.apply(.filesChanging, now: 1) == [])
    #expect(model.awaitsBackgroundAction)
    let changes = FileChanges(files: ["x"])
    model.apply(.filesChanged(changes), now: 1)
    #expect(model.awaitsBackgroundAction, "the load of the change runs")
    let change = model.listing.catalog.applying(
      [ChangedFile(path: "x", articles: [Fixtures.article("x", date: 1000)])], prepare: .newest)
    model.apply(.changesLoaded(change, [], generation: model.loading.generation), now: 1)
    #expect(!model.awaitsBackgroundAction)
  }
}

extension [Effect] {
  /// Without the stories' background grouping every load asks for (StoryViewTests cover it).
  var exceptGrouping: [Effect] {
    filter {
      if case .groupStories = $0 { return false }
      return true
    }
  }
}
