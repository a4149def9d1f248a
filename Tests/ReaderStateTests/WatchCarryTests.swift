import NewsCore
import Testing

@testable import ReaderState

/// What the run loop carries through a watched change instead of reading every article again (the reading
/// flags and counts, the timeline's days, the provider names shown by domain) must equal what reading every
/// article of the changed catalog gives.
@Suite struct WatchCarryTests {
  /// A watched model over `many(100)` with marks (read, starred, both) and new ids, some of them for
  /// articles not loaded yet.
  private func markedModel() -> ReaderModel {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    model.watch.isEnabled = true
    model.apply(.reload, now: 0)
    let base = ArticleCatalog(
      articles: Fixtures.many(100).articles.enumerated().map { index, article in
        var article = article
        article.item.provider = Provider(
          name: index % 3 == 0 ? "Wire" : "Desk", domain: "d\(index % 4).example")
        return article
      })
    model.apply(.loaded(base, [], generation: 1), now: 0)
    model.apply(
      .marksLoaded(
        ReadingMarks([
          ReadingMark(id: "n1", readAt: 5), ReadingMark(id: "n2", starredAt: 6),
          ReadingMark(id: "n3", readAt: 5, starredAt: 6), ReadingMark(id: "n50", readAt: 7),
          ReadingMark(id: "x", readAt: 8), ReadingMark(id: "y", starredAt: 9),
        ])), now: 0)
    model.apply(.newSinceLastRun(["n1", "n4", "n60", "x", "z"]), now: 0)
    for _ in 0..<10 { model.apply(.move(.down), now: 0) }
    return model
  }

  private func merge(_ model: inout ReaderModel, _ files: [ChangedFile]) {
    model.apply(.filesChanged(FileChanges(files: Set(files.map(\.path)))), now: 1)
    let change = model.listing.catalog.applying(files, prepare: model.listing.sort)
    model.apply(.changesLoaded(change, [], generation: model.loading.generation), now: 1)
    #expect(model.listing.catalog === change.catalog)
  }

  private func expectCarriedAsAfresh(_ model: ReaderModel, _ what: Comment) {
    var fresh = model.reading
    fresh.attach(model.listing.catalog)
    #expect(model.reading == fresh, what)
    var timeline = Timeline()
    timeline.refresh(model.listing)
    #expect(model.timeline.dayCounts == timeline.dayCounts, what)
    #expect(
      model.listing.sharedProviderNames
        == ArticleCatalog(articles: model.listing.catalog.articles).providerNamesSharedByDomains, what)
  }

  @Test func readingFlagsTimelineAndSharedProvidersFollowAChange() {
    var model = markedModel()
    #expect(model.reading.unreadCount == 97 && model.reading.starredCount == 2 && model.reading.newCount == 3)
    // n1 (read, new) goes, n2 (starred) is read again, x (read, new) and y (starred) arrive, and a provider
    // name is given with a second domain.
    var n2 = model.listing.catalog.articles.first { $0.id.rawValue == "n2" }!
    n2.item.title = "n2 again"
    var x = Fixtures.article("x", date: 1000)
    x.item.provider = Provider(name: "Only", domain: "one.example")
    var y = Fixtures.article("y", date: 0.5)
    y.item.provider = Provider(name: "Only", domain: "two.example")
    merge(
      &model,
      [
        ChangedFile(path: "n1", articles: [], exists: false), ChangedFile(path: "n2", articles: [n2]),
        ChangedFile(path: "x", articles: [x]), ChangedFile(path: "y", articles: [y]),
      ])
    expectCarriedAsAfresh(model, "after adds, a removal and an article read again")
    #expect(model.reading.isRead(model.listing.catalog.articles.firstIndex { $0.id.rawValue == "x" }!))
    #expect(model.listing.sharedProviderNames.contains("Only"))
    // y goes again: "Only" has one domain left.
    merge(&model, [ChangedFile(path: "y", articles: [], exists: false)])
    expectCarriedAsAfresh(model, "after the second domain went")
    #expect(!model.listing.sharedProviderNames.contains("Only"))
  }
}
