import NewsCore
import Testing

@testable import ReaderState

/// A first load listing the records parsed so far (`.loadedPart`) while it runs: the list fills in, the
/// selection and its row on screen stay on the same article as more arrive, and the load's own `.loaded`
/// finishes it without a reload's summary.
@Suite struct LoadedPartTests {
  /// Articles `p<i>` for `i` in `ids`, dated `i` (the higher, the newer: the list shows them first).
  private func part(_ ids: some Sequence<Int>) -> ArticleCatalog {
    ArticleCatalog(articles: ids.map { Fixtures.article("p\($0)", date: Double($0)) })
  }

  private func selectedID(_ model: ReaderModel) -> String? { model.listing.selectedArticle?.id.rawValue }

  private func screenRow(_ model: ReaderModel) -> Int {
    let height = TestGeometry().paneHeights(of: model).articles
    return model.listing.articleList.selection - model.listing.articleList.offset(height: height)
  }

  /// A model whose first load (generation 1) has started and listed nothing yet.
  private func loadingModel() -> ReaderModel {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    model.apply(.reload, now: 0)
    #expect(model.loading.isLoading)
    return model
  }

  @Test func aPartIsListedWhileTheLoadRuns() {
    var model = loadingModel()
    let effects = model.apply(.loadedPart(part(0..<64), generation: 1), now: 0)
    #expect(effects.isEmpty, "nothing is grouped, watched or recorded for a part")
    #expect(model.listing.catalog.articles.count == 64)
    #expect(model.listing.visible.count == 64)
    #expect(model.loading.isLoading, "the load is still running")
    #expect(model.loading.listedPart == 1)
    #expect(selectedID(model) == "p63", "the newest known so far is selected")
  }

  @Test func theSelectionStaysOnItsArticleAsMoreArriveAndWhenTheLoadEnds() {
    var model = loadingModel()
    // The first part holds the even ids; each later one adds articles newer and older than the selection.
    model.apply(.loadedPart(part(stride(from: 0, to: 200, by: 2)), generation: 1), now: 0)
    for _ in 0..<12 { model.apply(.move(.down), now: 0) }
    let selected = selectedID(model)
    let row = screenRow(model)
    #expect(selected == "p174")
    model.apply(.loadedPart(part(0..<200), generation: 1), now: 0)
    #expect(selectedID(model) == selected, "the same article stays selected")
    #expect(screenRow(model) == row, "at the same row of the screen")
    #expect(model.listing.articleList.selection == 25, "the articles newer than it sort above it")

    let everything = part(0..<400)
    model.apply(.loaded(everything, [], generation: 1), now: 0)
    #expect(!model.loading.isLoading)
    #expect(model.loading.listedPart == nil)
    #expect(model.listing.catalog === everything)
    #expect(selectedID(model) == selected)
    #expect(screenRow(model) == row)
    #expect(model.status.message == nil, "the first load says no 'Reloaded:' summary")
  }

  @Test func aPartOfAStaleLoadOrAfterTheLoadIsDropped() {
    var model = loadingModel()
    model.apply(.loadedPart(part(0..<10), generation: 2), now: 0)
    #expect(model.listing.catalog.articles.isEmpty, "not the load awaited")
    let whole = part(0..<20)
    model.apply(.loaded(whole, [], generation: 1), now: 0)
    model.apply(.loadedPart(part(0..<5), generation: 1), now: 0)
    #expect(model.listing.catalog === whole, "a finished load's records are not replaced by a part")
  }

  /// A reload keeps the records it shows until its own load is complete: its parts are not listed.
  @Test func aReloadKeepsItsRecordsUntilItsLoadIsComplete() {
    var model = loadingModel()
    let first = part(0..<20)
    model.apply(.loaded(first, [], generation: 1), now: 0)
    model.apply(.reload, now: 1)
    model.apply(.loadedPart(part(100..<110), generation: 2), now: 1)
    #expect(model.listing.catalog === first)
    model.apply(.loaded(part(0..<30), [], generation: 2), now: 1)
    #expect(model.status.message?.text == "Reloaded: 10 new", "a reload still says what it changed")
  }

  /// A first load superseded while its part is listed: the next load's parts replace that part.
  @Test func aSupersededLoadsPartGivesWayToTheNextLoadsParts() {
    var model = loadingModel()
    model.apply(.loadedPart(part(0..<10), generation: 1), now: 0)
    model.apply(.reload, now: 1)
    model.apply(.loadedPart(part(0..<15), generation: 2), now: 1)
    #expect(model.listing.catalog.articles.count == 15)
    model.apply(.loaded(part(0..<20), [], generation: 2), now: 1)
    #expect(model.status.message == nil, "no summary against a part")
    #expect(model.listing.catalog.articles.count == 20)
  }

  /// A warm start's listing (`.loadedListing`): every record listed at once while the records decode, said
  /// until the load's `.loaded` brings them whole, the selection staying on its article; a superseded
  /// load's listing is dropped.
  @Test func aListingListsEveryRecordUntilTheRecordsArrive() {
    var model = loadingModel()
    let effects = model.apply(.loadedListing(part(0..<300), generation: 1), now: 0)
    #expect(effects.isEmpty, "nothing is grouped, watched or recorded for a listing")
    #expect(model.listing.visible.count == 300)
    #expect(model.loading.isLoading)
    #expect(model.loading.listsListingOnly)
    #expect(model.loading.listedPart == 1)
    for _ in 0..<7 { model.apply(.move(.down), now: 0) }
    let selected = selectedID(model)
    #expect(selected == "p292")

    let everything = part(0..<300)
    model.apply(.loaded(everything, [], generation: 1), now: 0)
    #expect(!model.loading.listsListingOnly)
    #expect(model.listing.catalog === everything)
    #expect(selectedID(model) == selected)
    #expect(model.status.message == nil, "the first load needs no reload summary")

    model.apply(.reload, now: 1)
    model.apply(.loadedListing(part(0..<5), generation: 1), now: 1)
    #expect(!model.loading.listsListingOnly, "a superseded load's listing is dropped")
    #expect(model.listing.catalog === everything)
  }
}
