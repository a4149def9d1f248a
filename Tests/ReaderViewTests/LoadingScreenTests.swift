import NewsCore
import ReaderState
import ReaderView
import ScreenKit
import Testing

/// The screen drawn before the records arrive, and what it becomes when they do.
@Suite struct LoadingScreenTests {
  let size = Size(columns: 100, rows: 20)

  func loadingState() -> ReaderModel {
    var state = ReaderModel(catalog: ArticleCatalog(articles: []))
    state.loading.sourceName = "seeds"
    state.apply(.reload, now: ReaderFixtures.now)
    state.apply(.resize(TerminalSize(columns: size.columns, rows: size.rows)), now: ReaderFixtures.now)
    return state
  }

  @Test func headerNamesTheSourceAndShowsProgress() {
    var state = loadingState()
    var grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    #expect(grid.rowText(0).hasPrefix(" newsreader  seeds · loading…"))
    #expect(grid.framedText.contains("Loading records…"))

    state.apply(.loadProgress(filesRead: 1_200, filesTotal: 10_000, generation: 1), now: ReaderFixtures.now)
    grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    #expect(grid.rowText(0).hasPrefix(" newsreader  seeds · loading 1,200/10,000 files…"))
  }

  @Test func loadedRecordsReplaceTheProgress() {
    var state = loadingState()
    state.apply(.loadProgress(filesRead: 3, filesTotal: 9, generation: 1), now: ReaderFixtures.now)
    state.apply(.loaded(ReaderFixtures.catalog, [], generation: 1), now: ReaderFixtures.now)
    #expect(!state.loading.isLoading)
    #expect(state.loading.progress == nil)
    let grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    let count = ReaderFixtures.articles.count
    #expect(grid.rowText(0).hasPrefix(" newsreader  seeds · \(count) articles · \(count) shown"))
    #expect(!grid.framedText.contains("oading"))
  }

  /// While a warm start lists its listing's rows, the header counts every record and says the details are
  /// being read, as do the details and related panes; the records' arrival ends it.
  @Test func aListedListingSaysItsDetailsAreBeingRead() {
    var state = loadingState()
    state.apply(.loadedListing(ReaderFixtures.catalog, generation: 1), now: ReaderFixtures.now)
    var grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    let count = ReaderFixtures.articles.count
    #expect(grid.rowText(0).hasPrefix(" newsreader  seeds · \(count) articles · \(count) shown"))
    #expect(grid.rowText(0).contains("reading details…"))
    #expect(!grid.rowText(0).contains("loading"))
    #expect(grid.framedText.contains("Reading the rest of the record…"))
    // The listing's one link is not said to be the original's: it is whichever the record would open.
    let tall = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: Size(columns: 160, rows: 50),
      now: ReaderFixtures.now)
    #expect(tall.framedText.contains("Link:"))
    #expect(!tall.framedText.contains("Original:"))

    state.apply(.loaded(ReaderFixtures.catalog, [], generation: 1), now: ReaderFixtures.now)
    grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    #expect(!grid.framedText.contains("reading details"))
    #expect(!grid.framedText.contains("Reading the rest"))
  }
}
