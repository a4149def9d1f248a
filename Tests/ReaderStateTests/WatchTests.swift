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
    let effects = model.apply(.filesChanged, now: 1)
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
    #expect(model.apply(.filesChanged, now: 1) == [], "waits for the load running")
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
