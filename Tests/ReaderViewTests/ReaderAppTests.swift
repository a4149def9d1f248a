import NewsCore
import ReaderState
import ReaderView
import ScreenKit
import Testing

/// A screen that cannot start, to check the run loop still ends it.
private final class BrokenScreen: Screen {
  struct Unusable: Error {}
  var size = Size(columns: 80, rows: 24)
  var supportsClipboard = false
  var endCount = 0
  func begin() throws { throw Unusable() }
  func end() { endCount += 1 }
  func draw(_ grid: Grid) {}
  func invalidate() {}
  func nextEvent(timeout: Duration) -> Event? { nil }
  func writeClipboard(_ text: String) -> Bool { false }
}

@Suite struct ReaderAppTests {
  /// Effects the handler received, for checking what the run loop passed on.
  final class EffectLog {
    var effects: [Effect] = []
  }

  static func app(_ screen: HeadlessScreen, log: EffectLog = EffectLog()) -> ReaderApp {
    ReaderApp(
      screen: screen,
      model: ReaderModel(catalog: ReaderFixtures.catalog, diagnostics: ReaderFixtures.diagnostics),
      theme: .monochrome, now: { ReaderFixtures.now }, maxIdlePolls: 1,
      effects: { effect, _ in
        log.effects.append(effect)
        return []
      })
  }

  @Test func journeyCopiesTheSelectedArticlesURL() throws {
    let screen = HeadlessScreen(size: Size(columns: 120, rows: 40))
    screen.enqueue(keys: [.character("j"), .character("j"), .tab, .enter, .character("y")])
    let log = EffectLog()
    let app = Self.app(screen, log: log)
    #expect(try app.run() == 0)
    let url = ReaderFixtures.arabicURL  // third newest: clearview, cjk, arabic
    #expect(app.model.selectedArticle?.id == ArticleID("arabic"))
    #expect(app.model.focus == .details)
    #expect(screen.clipboardWrites == [url])
    #expect(log.effects == [.copyToClipboard(text: url, description: "link from originalUrl")])
    #expect(screen.endCount == 1 && !screen.isActive)
  }

  @Test func qQuitsWithStatusZeroAndEndsTheScreen() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24), events: [.key(.character("q"))])
    screen.enqueue(keys: [.character("j")])  // never read: the reader has quit
    #expect(try Self.app(screen).run() == 0)
    #expect(screen.pendingEvents == [.key(.character("j"))])
    #expect(screen.beginCount == 1 && screen.endCount == 1)
  }

  @Test func ctrlLRepaintsEveryCellOnTheNextFrame() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    screen.enqueue(keys: [.character("j"), .control("l")])
    let frames = { screen.drawnGrids.count }
    #expect(try Self.app(screen).run() == 0)
    #expect(screen.invalidateCount == 1)
    // A frame follows the Ctrl-L, so the repaint happens at once: first, after j, after Ctrl-L.
    #expect(frames() == 3)
  }

  @Test func qClosesAnOverlayBeforeQuitting() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    screen.enqueue(keys: [.character("?"), .character("q")])
    let app = Self.app(screen)
    #expect(try app.run() == 0)
    #expect(app.model.overlay == nil)
    #expect(screen.drawnGrids.count == 3)  // first frame, help, help closed; then idle
  }

  @Test func resizeKeepsTheSelectionAndRelayouts() throws {
    let screen = HeadlessScreen(size: Size(columns: 120, rows: 40))
    screen.enqueue(keys: [.character("j"), .character("j"), .character("j")])
    screen.enqueue(
      .resize(Size(columns: 80, rows: 24)), .resize(Size(columns: 30, rows: 8)),
      .resize(Size(columns: 200, rows: 60)))
    let app = Self.app(screen)
    #expect(try app.run() == 0)
    #expect(app.model.selectedArticle?.id == ArticleID("emoji"))
    #expect(app.model.paneHeights == ReaderLayout(size: Size(columns: 200, rows: 60)).paneHeights)
    let sizes = screen.drawnGrids.map(\.size)
    #expect(
      sizes.suffix(3) == [
        Size(columns: 80, rows: 24), Size(columns: 30, rows: 8), Size(columns: 200, rows: 60),
      ])
    #expect(screen.drawnGrids[screen.drawnGrids.count - 2].framedText.contains("Terminal too small"))
    #expect(screen.lastGrid!.framedText.contains("Fans react"))
  }

  @Test func interruptReturns130AndEndsTheScreen() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24), events: [.interrupt(signal: 2)])
    #expect(try Self.app(screen).run() == 130)
    #expect(screen.endCount == 1)
  }

  @Test func ctrlCQuitsEvenWithAnOverlayOpen() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    screen.enqueue(keys: [.character("!"), .control("c"), .character("j")])
    #expect(try Self.app(screen).run() == 0)
    #expect(screen.pendingEvents.count == 1)
  }

  @Test func aScreenThatCannotBeginIsStillEnded() {
    let screen = BrokenScreen()
    let app = ReaderApp(
      screen: screen, model: ReaderModel(catalog: ReaderFixtures.catalog), theme: .monochrome, now: { 0 },
      effects: { _, _ in [] })
    #expect(throws: BrokenScreen.Unusable.self) { try app.run() }
    #expect(screen.endCount == 1)
  }

  @Test func clickSelectsTheArticleRowAndFocusesItsPane() throws {
    let screen = HeadlessScreen(size: Size(columns: 120, rows: 40))
    let layout = ReaderLayout(size: screen.size)
    // Focus the details pane first, then click the fourth article row.
    screen.enqueue(.mouse(MouseEvent(.click(.left), row: layout.details.content.row + 1, column: 80)))
    screen.enqueue(.mouse(MouseEvent(.click(.left), row: layout.articles.content.row + 3, column: 10)))
    let app = Self.app(screen)
    #expect(try app.run() == 0)
    #expect(app.model.focus == .articles)
    #expect(app.model.selectedArticle?.id == ArticleID("emoji"))
  }

  @Test func wheelOverRelatedFocusesAndMovesIt() throws {
    let screen = HeadlessScreen(size: Size(columns: 120, rows: 40))
    let layout = ReaderLayout(size: screen.size)
    screen.enqueue(.mouse(MouseEvent(.wheelDown, row: layout.related.content.row, column: 80)))
    let app = Self.app(screen)
    #expect(try app.run() == 0)
    #expect(app.model.focus == .related)
    // Three related items: the wheel's 3 steps clamp at the last.
    #expect(app.model.relatedList.selection == 2)
    #expect(app.model.detailsItem?.title == "الذكاء الاصطناعي والصحافة")
  }

  @Test func searchTypedThroughKeysNarrowsTheList() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    screen.enqueue(keys: [
      .character("/"), .character("c"), .character("a"), .character("f"), .character("e"),
    ])
    let app = Self.app(screen)
    #expect(try app.run() == 0)
    #expect(app.model.searchMode == .editing)
    #expect(app.model.visible.map { app.model.catalog.articles[$0].id } == [ArticleID("combining")])
    #expect(screen.lastGrid!.rowText(22).contains("Search: cafe_"))
  }
}
