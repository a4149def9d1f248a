import Foundation
import Synchronization
import ReaderState
import ScreenKit

/// The interactive reader over any `Screen`: draws the state, reads events, maps keys through the key map,
/// applies actions and hands every effect to the effect runner.
public final class ReaderApp {
  public private(set) var model: ReaderModel
  public let screen: Screen
  public let theme: Theme
  public let keyMap: KeyMap
  /// Where dates are shown in (the `TZ` of the program's environment, handed in).
  public let timeZone: DisplayTimeZone
  /// Actions from other threads (load progress, loaded records, clipboard results), applied in the loop.
  public let inbox: ActionInbox
  /// Where effects are carried out, with the lifecycle of the long-lived ones.
  public let effects: EffectRunner
  /// Pane heights and text lengths for paging, from the same layout the frame is drawn with.
  private let geometry: LayoutGeometry
  private let now: () -> Double
  /// The unread and starred marks drawn.
  private let glyphs: ReadingGlyphs
  private let pollTimeout: Duration
  private let maxIdlePolls: Int?
  /// Rows the mouse wheel moves per notch.
  private let wheelStep = 3
  /// The first keys of a sequence (`g` of `g g`) waiting for the rest.
  public private(set) var pendingKeys = PendingKeys()
  /// What one frame of this screen keeps for the next (wrapped details, story rows).
  private let frameCache = FrameCache()

  /// - Parameters:
  ///   - keyMap: the keys; every key named on screen is named from it.
  ///   - timeZone: where dates are shown in.
  ///   - now: the clock, seconds since 1970 (tests pass a fixed one).
  ///   - pollTimeout: how long to wait for an event before a `.tick` (so status messages expire).
  ///   - maxIdlePolls: stop with status 0 after this many polls in a row without an event; nil (the
  ///     default) waits forever. Scripted screens use it so a test cannot hang.
  ///   - inbox: where other threads post actions (a load finishing, a clipboard program's result).
  ///   - effects: the program's one switch over effects (clipboard, browser, loads, repaints).
  public init(
    screen: Screen, model: ReaderModel, theme: Theme, keyMap: KeyMap,
    timeZone: DisplayTimeZone = .utc, now: @escaping () -> Double,
    pollTimeout: Duration = .milliseconds(100), maxIdlePolls: Int? = nil, inbox: ActionInbox = ActionInbox(),
    glyphs: ReadingGlyphs = .unicode, effects: @escaping EffectHandler
  ) {
    self.glyphs = glyphs
    self.inbox = inbox
    self.screen = screen
    self.model = model
    self.theme = theme
    self.keyMap = keyMap
    self.timeZone = timeZone
    self.geometry = LayoutGeometry(keyMap: keyMap, timeZone: timeZone)
    self.now = now
    self.pollTimeout = pollTimeout
    self.maxIdlePolls = maxIdlePolls
    self.effects = EffectRunner(handler: effects)
  }

  /// Runs until quit or an interrupt and returns the exit status: 0 on quit, 128 + signal on an interrupt.
  /// The screen is ended on every way out; a screen that cannot begin throws its error.
  public func run() throws -> Int32 {
    defer {
      inbox.close()  // nothing waits any more for a frame that will not be drawn
      effects.cancelAll()  // the watcher, a load still running: nothing outlives the reader
      screen.end()
    }
    try screen.begin()
    resize(to: screen.size)
    draw()
    var idlePolls = 0
    while true {
      let posted = inbox.drain()
      if !posted.isEmpty {
        for action in posted where perform(action) { return 0 }
        draw()
        inbox.markShown()
      }
      // Actions posted from other threads are taken between waits: wait briefly while one is due.
      let timeout = model.awaitsBackgroundAction ? min(pollTimeout, .milliseconds(10)) : pollTimeout
      guard let event = screen.nextEvent(timeout: timeout) else {
        idlePolls += 1
        if let maxIdlePolls, idlePolls >= maxIdlePolls { return 0 }
        let wasPending = pendingKeys.label != nil
        let waited = pendingKeys.expire(at: now(), keyMap: keyMap, state: model)
        if !waited.isEmpty {
          if performAll(waited) { return 0 }
          draw()
          continue
        }
        // The status bar showed the keys that waited: they gave up, so it must stop showing them.
        if wasPending, pendingKeys.label == nil { draw() }
        let hadStatus = model.status.message != nil
        let produced = model.apply(.tick, now: now(), geometry: geometry)
        for effect in produced {
          for action in effects.run(effect, screen: screen, inbox: inbox) where perform(action) { return 0 }
        }
        // A mark the tick made (the shown article read) or an expired message changes the screen.
        if (hadStatus && model.status.message == nil) || produced.contains(where: \.changesScreen) { draw() }
        continue
      }
      idlePolls = 0
      switch event {
      case .key(let key):
        let wasPending = pendingKeys.label != nil
        let actions = pendingKeys.press(key, at: now(), keyMap: keyMap, state: model)
        // A key bound to nothing says so for a moment, so a mistyped key is not mistaken for a hung reader.
        if actions.isEmpty, !wasPending, pendingKeys.label == nil {
          if perform(.showStatus(keyMap.unboundMessage(for: key, in: model), isError: false)) { return 0 }
        } else if performAll(actions) {
          return 0
        }
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

  /// Applies `action` and carries out its effects, then the actions they give back; true when the reader
  /// must quit.
  @discardableResult
  public func perform(_ action: Action) -> Bool {
    var pending = [action]
    while !pending.isEmpty {
      let next = pending.removeFirst()
      let produced = model.apply(next, now: now(), geometry: geometry)
      if model.hasQuit { return true }
      for effect in produced { pending += effects.run(effect, screen: screen, inbox: inbox) }
    }
    return false
  }

  /// Performs `actions` in order (a key bound to a list), stopping at a quit; true when the reader must quit.
  private func performAll(_ actions: [Action]) -> Bool {
    for action in actions where perform(action) { return true }
    return false
  }

  /// Renders the state and shows it.
  public func draw() {
    screen.draw(
      ReaderRenderer.render(
        model, theme: theme, keyMap: keyMap, size: screen.size, now: now(), timeZone: timeZone,
        glyphs: glyphs, pendingKeys: pendingKeys.label, cache: frameCache))
  }

  private func resize(to size: Size) {
    model.apply(.resize(TerminalSize(size)), now: now(), geometry: geometry)
  }

  /// A click focuses the pane under it (and selects the row clicked in a list); the wheel focuses the pane
  /// under the pointer and moves through it. While an overlay is open the wheel moves its list.
  private func handle(_ mouse: MouseEvent) -> Bool {
    if model.overlays.current != nil {
      switch mouse.kind {
      case .wheelUp: return repeatMove(.up)
      case .wheelDown: return repeatMove(.down)
      case .click: return false
      }
    }
    let layout = ReaderLayout.fitted(to: model, size: screen.size, keyMap: keyMap, timeZone: timeZone)
    guard let hit = layout.pane(atRow: mouse.row, column: mouse.column) else { return false }
    switch mouse.kind {
    case .wheelUp:
      return perform(.focus(hit.pane)) || repeatMove(.up)
    case .wheelDown:
      return perform(.focus(hit.pane)) || repeatMove(.down)
    case .click:
      guard hit.row >= 0, hit.pane != .details else { return perform(.focus(hit.pane)) }
      let height = layout.frame(of: hit.pane).content.rows
      if hit.pane == .articles {
        // The rows as drawn, day headings included: a click on a heading only focuses.
        let rows = ArticleRows(listing: model.listing, height: height, timeZone: timeZone).rows
        guard hit.row < rows.count, case .article(let row) = rows[hit.row] else {
          return perform(.focus(.articles))
        }
        return perform(.select(.articles, row: row))
      }
      // The row drawn first is the viewport's offset as the renderer clamps it for the pane's height.
      let first = model.listing.relatedList.offset(height: height)
      return perform(.select(hit.pane, row: first + hit.row))
    }
  }

  private func repeatMove(_ movement: Movement) -> Bool {
    for _ in 0..<wheelStep where perform(.move(movement)) { return true }
    return false
  }
}

/// A thread-safe queue of actions that the run loop applies between events.
public final class ActionInbox: @unchecked Sendable {
  /// Guards the queue and the counts; signalled when the run loop has shown what it took.
  private let condition = NSCondition()
  private var pending: [Action] = []
  /// Actions posted so far, taken by the run loop so far, and taken and shown on screen so far.
  private var posted = 0
  private var taken = 0
  private var shown = 0
  private var isClosed = false

  public init() {}

  /// Queues `action`; the run loop picks it up within one poll timeout. Returns its number, for
  /// `waitUntilShown`.
  @discardableResult
  public func post(_ action: Action) -> Int {
    condition.lock()
    defer { condition.unlock() }
    pending.append(action)
    posted += 1
    return posted
  }

  /// Everything queued so far, oldest first, leaving the queue empty.
  public func drain() -> [Action] {
    condition.lock()
    defer { condition.unlock() }
    let queue = pending
    pending = []
    taken = posted
    return queue
  }

  /// The run loop has applied what it drained last and drawn the screen.
  public func markShown() {
    condition.lock()
    shown = taken
    condition.broadcast()
    condition.unlock()
  }

  /// Waits (at most `timeout` seconds) until action number `ticket` has been applied and drawn: work that
  /// can wait, such as a search index, leaves the cores to the run loop while a large load is listed.
  /// True when it was shown in time.
  @discardableResult
  public func waitUntilShown(_ ticket: Int, timeout: Double) -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while shown < ticket && !isClosed {
      if !condition.wait(until: deadline) { return shown >= ticket }
    }
    return shown >= ticket
  }

  /// The run loop has ended: whoever waits until something is shown stops waiting.
  public func close() {
    condition.lock()
    isClosed = true
    condition.broadcast()
    condition.unlock()
  }
}
