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

  /// The tasks of the long-lived effects the handler was given.
  final class TaskLog {
    var tasks: [EffectTask] = []
  }

  static func app(_ screen: HeadlessScreen, log: EffectLog = EffectLog()) -> ReaderApp {
    ReaderApp(
      screen: screen,
      model: ReaderModel(catalog: ReaderFixtures.catalog, diagnostics: ReaderFixtures.diagnostics),
      theme: .monochrome, keyMap: .standard, now: { ReaderFixtures.now }, maxIdlePolls: 1,
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
    #expect(app.model.listing.selectedArticle?.id == ArticleID("arabic"))
    #expect(app.model.listing.focus == .details)
    // The terminal's clipboard is the program's effect to write (EffectProgramTests); the loop hands it on.
    #expect(log.effects.first == .copyToClipboard(text: url, description: "link from originalUrl"))
    // A link copied is a link read: the mark goes to the program to save.
    guard case .writeMarks(let writes) = log.effects.dropFirst().first else {
      Issue.record("no marks written: \(log.effects)")
      return
    }
    #expect(writes.first?.id == "arabic" && writes.first?.kind == .read && log.effects.count == 2)
    #expect(screen.endCount == 1 && !screen.isActive)
  }

  /// The run loop's idle tick carries out what the tick asks: the selected article, shown 1.5 s, is read
  /// (with its story) and the marks go to the program.
  @Test func theIdleTickReadsTheShownArticleAndHandsOnTheMarks() throws {
    let screen = HeadlessScreen(size: Size(columns: 120, rows: 40))
    let log = EffectLog()
    let clock = Clock()
    let app = ReaderApp(
      screen: screen,
      model: ReaderModel(catalog: ReaderFixtures.catalog, diagnostics: ReaderFixtures.diagnostics),
      theme: .monochrome, keyMap: .standard, now: { clock.advance() }, maxIdlePolls: 10,
      effects: { effect, _ in
        log.effects.append(effect)
        return []
      })
    #expect(try app.run() == 0)
    let selected = try #require(app.model.listing.selectedArticle?.id.rawValue)
    guard case .writeMarks(let writes) = log.effects.first else {
      Issue.record("no marks written: \(log.effects)")
      return
    }
    #expect(writes.first?.id == selected && writes.first?.kind == .read)
    #expect(app.model.reading.isRead(0) && log.effects.count == 1)
  }

  /// A clock that moves 0.25 s each time it is read.
  final class Clock: @unchecked Sendable {
    private var time = ReaderFixtures.now
    func advance() -> Double {
      time += 0.25
      return time
    }
  }

  /// `r` during a load supersedes it: the older run is cancelled, its late records are dropped, and only
  /// the newer load's records are taken; every step is in the runner's events.
  @Test func aNewerLoadCancelsTheOlderAndItsLateResultIsDropped() throws {
    let screen = HeadlessScreen(size: Size(columns: 120, rows: 40))
    let tasks = TaskLog()
    let app = ReaderApp(
      screen: screen, model: ReaderModel(catalog: ArticleCatalog(articles: [])), theme: .monochrome,
      keyMap: .standard, now: { ReaderFixtures.now },
      effects: { _, context in
        if let task = context.task { tasks.tasks.append(task) }
        return []
      })
    let first = EffectID(kind: .load, generation: 1)
    let second = EffectID(kind: .load, generation: 2)
    app.perform(.reload)
    app.perform(.reload)
    #expect(app.effects.events == [.started(first), .cancelled(first), .started(second)])
    #expect(tasks.tasks.map(\.isCancelled) == [true, false])
    #expect(app.effects.running == [second])

    let stale = ArticleCatalog(articles: Array(ReaderFixtures.articles.prefix(1)))
    app.perform(.loadProgress(filesRead: 1, filesTotal: 1, generation: 1))
    app.perform(.loaded(stale, [], generation: 1))
    tasks.tasks[0].finish()
    #expect(app.model.loading.isLoading && app.model.loading.progress == nil)
    #expect(app.model.listing.catalog.articles.isEmpty)

    app.perform(.loaded(ReaderFixtures.catalog, [], generation: 2))
    tasks.tasks[1].finish()
    tasks.tasks[1].finish()  // a second finish changes nothing
    #expect(!app.model.loading.isLoading)
    #expect(app.model.listing.catalog.articles.count == ReaderFixtures.articles.count)
    #expect(
      app.effects.events == [
        .started(first), .cancelled(first), .started(second), .finished(first), .finished(second),
      ])
    #expect(app.effects.running.isEmpty)
  }

  @Test func qQuitsWithStatusZeroAndEndsTheScreen() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24), events: [.key(.character("q"))])
    screen.enqueue(keys: [.character("j")])  // never read: the reader has quit
    #expect(try Self.app(screen).run() == 0)
    #expect(screen.pendingEvents == [.key(.character("j"))])
    #expect(screen.beginCount == 1 && screen.endCount == 1)
  }

  @Test func ctrlLIsARedrawEffectFollowedByAFrame() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    screen.enqueue(keys: [.character("j"), .control("l")])
    let frames = { screen.drawnGrids.count }
    let log = EffectLog()
    #expect(try Self.app(screen, log: log).run() == 0)
    #expect(log.effects == [.redraw])
    // A frame follows the Ctrl-L, so the repaint happens at once: first, after j, after Ctrl-L.
    #expect(frames() == 3)
  }

  @Test func qClosesAnOverlayBeforeQuitting() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    screen.enqueue(keys: [.character("?"), .character("q")])
    let app = Self.app(screen)
    #expect(try app.run() == 0)
    #expect(app.model.overlays.current == nil)
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
    #expect(app.model.listing.selectedArticle?.id == ArticleID("emoji"))
    #expect(app.model.size == TerminalSize(columns: 200, rows: 60))
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

  @Test func reloadRequestedBySignalReloadsAsTheKeyDoes() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24), events: [.reloadRequested])
    let log = EffectLog()
    #expect(try Self.app(screen, log: log).run() == 0)
    #expect(log.effects == [.load(generation: 1)])
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
      screen: screen, model: ReaderModel(catalog: ReaderFixtures.catalog), theme: .monochrome,
      keyMap: .standard, now: { 0 },
      effects: { _, _ in [] })
    #expect(throws: BrokenScreen.Unusable.self) { try app.run() }
    #expect(screen.endCount == 1)
  }

  @Test func anUnboundKeySaysSoForAMoment() throws {
    let screen = HeadlessScreen(size: Size(columns: 120, rows: 40))
    screen.enqueue(keys: [.character("x")])
    let app = Self.app(screen)
    #expect(try app.run() == 0)
    let grid = try #require(screen.lastGrid)
    #expect(grid.rowText(39).hasPrefix(" x: no action here · ? help"))
    #expect(app.model.status.message?.expires == ReaderFixtures.now + StatusLine.duration)
  }

  @Test func clickSelectsTheArticleRowAndFocusesItsPane() throws {
    let screen = HeadlessScreen(size: Size(columns: 120, rows: 40))
    let layout = ReaderLayout(size: screen.size)
    // Focus the details pane first, then click the fourth article, on the seventh row: the rows are a day,
    // two articles, a day, one article, a day, then the article clicked.
    screen.enqueue(.mouse(MouseEvent(.click(.left), row: layout.details.content.row + 1, column: 80)))
    screen.enqueue(.mouse(MouseEvent(.click(.left), row: layout.articles.content.row + 5, column: 10)))
    screen.enqueue(.mouse(MouseEvent(.click(.left), row: layout.articles.content.row + 6, column: 10)))
    let app = Self.app(screen)
    #expect(try app.run() == 0)
    #expect(app.model.listing.focus == .articles)
    #expect(app.model.listing.selectedArticle?.id == ArticleID("emoji"))
  }

  @Test func wheelOverRelatedFocusesAndMovesIt() throws {
    let screen = HeadlessScreen(size: Size(columns: 120, rows: 40))
    let layout = ReaderLayout(size: screen.size)
    screen.enqueue(.mouse(MouseEvent(.wheelDown, row: layout.related.content.row, column: 80)))
    let app = Self.app(screen)
    #expect(try app.run() == 0)
    #expect(app.model.listing.focus == .related)
    // Three related items: the wheel's 3 steps clamp at the last.
    #expect(app.model.listing.relatedList.selection == 2)
    #expect(app.model.listing.detailsItem?.title == "الذكاء الاصطناعي والصحافة")
  }

  @Test func searchTypedThroughKeysNarrowsTheList() throws {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    screen.enqueue(keys: [
      .character("/"), .character("c"), .character("a"), .character("f"), .character("e"),
    ])
    let app = Self.app(screen)
    #expect(try app.run() == 0)
    #expect(app.model.search.mode == .editing)
    #expect(
      app.model.listing.visible.map { app.model.listing.catalog.articles[$0].id } == [ArticleID("combining")])
    #expect(screen.lastGrid!.rowText(22).contains("Query: cafe   1 match"))
  }
}
