import Synchronization
import ReaderState
import ScreenKit

/// Performs the effects the state asks for outside the terminal; returns actions to apply next (for example
/// `.loaded(…)` after a reload), usually none.
///
/// Who does what: for `.copyToClipboard` the run loop has already written the text to the terminal's
/// clipboard (OSC 52, `Screen.writeClipboard`) before calling the handler, which only adds an external
/// clipboard program when there is one. `.openURL` and `.reload` are the handler's alone. `.quit` and
/// `.redraw` never reach it.
public typealias EffectHandler = (_ effect: Effect, _ state: ReaderModel) -> [Action]

/// The interactive reader over any `Screen`: draws the state, reads events, maps keys through the key map,
/// applies actions and hands effects to the program.
public final class ReaderApp {
  public private(set) var model: ReaderModel
  public let screen: Screen
  public let theme: Theme
  public let keyMap: KeyMap
  /// Actions from other threads (load progress, loaded records, clipboard results), applied in the loop.
  public let inbox: ActionInbox
  private let now: () -> Double
  private let performEffect: EffectHandler
  private let pollTimeout: Duration
  private let maxIdlePolls: Int?
  /// Rows the mouse wheel moves per notch.
  private let wheelStep = 3

  /// - Parameters:
  ///   - now: the clock, seconds since 1970 (tests pass a fixed one).
  ///   - pollTimeout: how long to wait for an event before a `.tick` (so status messages expire).
  ///   - maxIdlePolls: stop with status 0 after this many polls in a row without an event; nil (the
  ///     default) waits forever. Scripted screens use it so a test cannot hang.
  ///   - inbox: where other threads post actions (a load finishing, a clipboard program's result).
  ///   - effects: performs clipboard programs, the browser and reloads.
  public init(
    screen: Screen, model: ReaderModel, theme: Theme, keyMap: KeyMap = .standard, now: @escaping () -> Double,
    pollTimeout: Duration = .milliseconds(100), maxIdlePolls: Int? = nil, inbox: ActionInbox = ActionInbox(),
    effects: @escaping EffectHandler
  ) {
    self.inbox = inbox
    self.screen = screen
    self.model = model
    self.theme = theme
    self.keyMap = keyMap
    self.now = now
    self.pollTimeout = pollTimeout
    self.maxIdlePolls = maxIdlePolls
    self.performEffect = effects
  }

  /// Runs until quit or an interrupt and returns the exit status: 0 on quit, 128 + signal on an interrupt.
  /// The screen is ended on every way out; a screen that cannot begin throws its error.
  public func run() throws -> Int32 {
    defer { screen.end() }
    try screen.begin()
    resize(to: screen.size)
    draw()
    var idlePolls = 0
    while true {
      let posted = inbox.drain()
      if !posted.isEmpty {
        for action in posted where perform(action) { return 0 }
        draw()
      }
      guard let event = screen.nextEvent(timeout: pollTimeout) else {
        idlePolls += 1
        if let maxIdlePolls, idlePolls >= maxIdlePolls { return 0 }
        let hadStatus = model.status != nil
        model.apply(.tick, now: now())
        if hadStatus && model.status == nil { draw() }
        continue
      }
      idlePolls = 0
      switch event {
      case .key(let key):
        if let action = keyMap.action(for: key, in: model), perform(action) { return 0 }
      case .mouse(let mouse):
        if handle(mouse) { return 0 }
      case .resize(let size):
        resize(to: size)
      case .interrupt(let signal):
        return Event.exitStatus(forSignal: signal)
      case .reloadRequested:
        if perform(.reload) { return 0 }
      }
      draw()
    }
  }

  /// Applies `action` and carries out its effects; true when the reader must quit.
  @discardableResult
  public func perform(_ action: Action) -> Bool {
    var pending = [action]
    while !pending.isEmpty {
      let next = pending.removeFirst()
      for effect in model.apply(next, now: now()) {
        switch effect {
        case .quit:
          return true
        case .redraw:
          screen.invalidate()  // the frame drawn after every event then repaints every cell
        case .copyToClipboard(let text, _):
          screen.writeClipboard(text)
          pending += performEffect(effect, model)
        case .openURL, .reload:
          pending += performEffect(effect, model)
        }
      }
    }
    syncDetailsLineCount()
    syncHelpRowCount()
    return false
  }

  /// Renders the state and shows it.
  public func draw() {
    screen.draw(ReaderRenderer.render(model, theme: theme, size: screen.size, now: now()))
  }

  private func resize(to size: Size) {
    model.apply(.resize(TerminalSize(columns: size.columns, rows: size.rows)), now: now())
    model.apply(.setPaneHeights(ReaderLayout(size: size, focus: model.focus).paneHeights), now: now())
    syncDetailsLineCount()
  }

  /// Tells the state how long the help text is, so it scrolls to its end and no further.
  private func syncHelpRowCount() {
    guard model.overlay == .help else { return }
    let rows = HelpText.lines(keyMap: keyMap).count
    if rows != model.overlayList.count { model.apply(.setOverlayRowCount(rows), now: now()) }
  }

  /// Tells the state how many lines the details text wraps to, so its scrolling stops at the end.
  private func syncDetailsLineCount() {
    let lines = ReaderRenderer.detailsLineCount(model, size: screen.size)
    if lines != model.details.count { model.apply(.setDetailsLineCount(lines), now: now()) }
  }

  /// A click focuses the pane under it (and selects the row clicked in a list); the wheel focuses the pane
  /// under the pointer and moves through it. While an overlay is open the wheel moves its list.
  private func handle(_ mouse: MouseEvent) -> Bool {
    if model.overlay != nil {
      switch mouse.kind {
      case .wheelUp: return repeatMove(.up)
      case .wheelDown: return repeatMove(.down)
      case .click: return false
      }
    }
    let layout = ReaderLayout(size: screen.size, focus: model.focus)
    guard let hit = layout.pane(atRow: mouse.row, column: mouse.column) else { return false }
    switch mouse.kind {
    case .wheelUp:
      return perform(.focus(hit.pane)) || repeatMove(.up)
    case .wheelDown:
      return perform(.focus(hit.pane)) || repeatMove(.down)
    case .click:
      guard hit.row >= 0, hit.pane != .details else { return perform(.focus(hit.pane)) }
      let viewport = hit.pane == .articles ? model.articleList : model.relatedList
      return perform(.select(hit.pane, row: viewport.offset + hit.row))
    }
  }

  private func repeatMove(_ movement: Movement) -> Bool {
    for _ in 0..<wheelStep where perform(.move(movement)) { return true }
    return false
  }
}

/// A thread-safe queue of actions that the run loop applies between events.
public final class ActionInbox: Sendable {
  private let pending = Mutex<[Action]>([])

  public init() {}

  /// Queues `action`; the run loop picks it up within one poll timeout.
  public func post(_ action: Action) {
    pending.withLock { $0.append(action) }
  }

  /// Everything queued so far, oldest first, leaving the queue empty.
  func drain() -> [Action] {
    pending.withLock { queue in
      defer { queue = [] }
      return queue
    }
  }
}
