import ReaderState
import ScreenKit
import Synchronization

/// What an effect may use: the screen (for the terminal's clipboard and repaints), the inbox (to post
/// actions from other threads), and, for a long-lived effect, its task.
public struct EffectContext {
  public let screen: Screen
  public let inbox: ActionInbox
  /// The run of a long-lived effect (`Effect.id` not nil): check `isCancelled`, call `finish()` at the end.
  public let task: EffectTask?

  public init(screen: Screen, inbox: ActionInbox, task: EffectTask? = nil) {
    self.screen = screen
    self.inbox = inbox
    self.task = task
  }
}

/// The program's one place for effects: a switch with one case per `Effect`, returning actions to apply
/// at once (usually none; results from other threads are posted to the inbox).
public typealias EffectHandler = (_ effect: Effect, _ context: EffectContext) -> [Action]

/// A step in the life of a long-lived effect, recorded so tests (and a curious user) can see it.
public enum EffectEvent: Sendable, Hashable, CustomStringConvertible {
  case started(EffectID)
  /// A newer run of the same kind superseded it (its results are dropped by the state anyway).
  case cancelled(EffectID)
  /// It ended (after a cancel too).
  case finished(EffectID)

  public var description: String {
    switch self {
    case .started(let id): "started \(id)"
    case .cancelled(let id): "cancelled \(id)"
    case .finished(let id): "finished \(id)"
    }
  }
}

/// One run of a long-lived effect: it may be cancelled from the run loop and says when it has finished.
public final class EffectTask: Sendable {
  public let id: EffectID
  private let cancelled = Atomic<Bool>(false)
  private let finished = Atomic<Bool>(false)
  private let onFinish: @Sendable (EffectID) -> Void

  init(id: EffectID, onFinish: @escaping @Sendable (EffectID) -> Void) {
    self.id = id
    self.onFinish = onFinish
  }

  /// Whether a newer run superseded this one: stop early and post nothing more.
  public var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

  func cancel() { cancelled.store(true, ordering: .releasing) }

  /// Marks the run as ended; from any thread, once (later calls do nothing).
  public func finish() {
    guard !finished.exchange(true, ordering: .acquiringAndReleasing) else { return }
    onFinish(id)
  }
}

/// Runs effects through the program's handler and keeps the lifecycle of the long-lived ones: starting one
/// cancels the runs of its kind still going (TCA's `cancelInFlight`), and every start, cancel and finish is
/// recorded in `events`.
public final class EffectRunner: Sendable {
  private struct Book {
    var running: [EffectID: EffectTask] = [:]
    var events: [EffectEvent] = []
  }

  /// The book behind a lock, in a class so a task finishing on another thread can reach it.
  private final class Ledger: Sendable {
    let book = Mutex(Book())
  }

  private let ledger = Ledger()
  private let handler: @Sendable (Effect, EffectContext) -> [Action]

  public init(handler: @escaping EffectHandler) {
    // The handler is only ever called on the run loop's thread; the box makes that explicit to the compiler.
    let unchecked = UncheckedHandler(handler)
    self.handler = { unchecked.call($0, $1) }
  }

  /// Every lifecycle step so far, oldest first.
  public var events: [EffectEvent] { ledger.book.withLock { $0.events } }

  /// The long-lived effects running now.
  public var running: Set<EffectID> { ledger.book.withLock { Set($0.running.keys) } }

  /// Cancels every long-lived effect still running (the reader is ending): each stops at its next check.
  public func cancelAll() {
    let running = ledger.book.withLock { book -> [EffectTask] in
      let tasks = book.running.values.sorted { $0.id.description < $1.id.description }
      for task in tasks { book.events.append(.cancelled(task.id)) }
      book.running = [:]
      return tasks
    }
    for task in running { task.cancel() }
  }

  /// Carries out `effect` and returns the actions its handler gives back.
  public func run(_ effect: Effect, screen: Screen, inbox: ActionInbox) -> [Action] {
    guard let id = effect.id else {
      return handler(effect, EffectContext(screen: screen, inbox: inbox, task: nil))
    }
    let task = EffectTask(id: id) { [ledger] finished in
      ledger.book.withLock { book in
        book.running[finished] = nil
        book.events.append(.finished(finished))
      }
    }
    let superseded = ledger.book.withLock { book -> [EffectTask] in
      let older = book.running.values.filter { $0.id.kind == id.kind }
        .sorted { $0.id.generation < $1.id.generation }
      for old in older {
        book.running[old.id] = nil
        book.events.append(.cancelled(old.id))
      }
      book.running[id] = task
      book.events.append(.started(id))
      return older
    }
    for old in superseded { old.cancel() }
    return handler(effect, EffectContext(screen: screen, inbox: inbox, task: task))
  }
}

/// A handler called from one thread only, carried inside a `Sendable` runner.
private final class UncheckedHandler: @unchecked Sendable {
  let call: EffectHandler
  init(_ call: @escaping EffectHandler) { self.call = call }
}
