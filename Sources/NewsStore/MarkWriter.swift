import Dispatch
import Synchronization

/// Writes marks off the caller's thread: `queue` returns at once, a serial queue writes what has
/// accumulated in one transaction, at the latest a second after a failed attempt, and `finish` writes
/// the rest at exit.
///
/// Its lifecycle is visible to tests through ``phase``, ``writtenCount`` and ``pendingCount``: it is
/// `.running` from creation until ``finish()`` returns, then `.finished` and refuses new marks.
public final class MarkWriter: Sendable {
  /// Where the writer is in its life.
  public enum Phase: Sendable, Equatable {
    case running, finished
  }

  private struct State {
    var pending: [MarkChange] = []
    var writeScheduled = false
    var phase = Phase.running
    var written = 0
    var batches = 0
    var failing = false
  }

  private let store: StateStore
  private let state = Mutex(State())
  private let queue = DispatchQueue(label: "newsreader.mark-writer")
  private let retryDelay: Double
  private let onWritten: @Sendable ([MarkChange]) -> Void
  private let onFailure: @Sendable (String) -> Void

  /// - Parameters:
  ///   - onWritten: called on the writer's queue after each batch is committed (the stress test's
  ///     child reports these).
  ///   - onFailure: called once when writing starts to fail (disk full, file made read-only), with the
  ///     reason; called again only after a write has succeeded in between. Unwritten marks are kept and
  ///     retried every `retryDelay` seconds.
  public init(
    store: StateStore, retryDelay: Double = 1,
    onWritten: @escaping @Sendable ([MarkChange]) -> Void = { _ in },
    onFailure: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.store = store
    self.retryDelay = retryDelay
    self.onWritten = onWritten
    self.onFailure = onFailure
  }

  /// Queues one change; returns false (and drops it) once the writer has finished.
  @discardableResult
  public func queue(_ change: MarkChange) -> Bool {
    let schedule = state.withLock { state -> Bool? in
      guard state.phase == .running else { return nil }
      state.pending.append(change)
      if state.writeScheduled { return false }
      state.writeScheduled = true
      return true
    }
    guard let schedule else { return false }
    if schedule { queue.async { self.writePending() } }
    return true
  }

  /// Blocks until every change queued before the call has been written or has failed to be.
  public func flush() {
    queue.sync { writePending() }
  }

  /// Writes what is left and stops: later `queue` calls are refused. Returns the number of marks that
  /// could not be written (0 unless the file has become unwritable).
  @discardableResult
  public func finish() -> Int {
    flush()
    return state.withLock { state in
      state.phase = .finished
      return state.pending.count
    }
  }

  public var phase: Phase { state.withLock { $0.phase } }
  /// Marks committed so far.
  public var writtenCount: Int { state.withLock { $0.written } }
  /// Transactions committed so far.
  public var batchCount: Int { state.withLock { $0.batches } }
  /// Marks queued and not yet committed.
  public var pendingCount: Int { state.withLock { $0.pending.count } }

  /// Runs on `queue` only, so batches are written one at a time and in order.
  private func writePending() {
    let batch = state.withLock { state -> [MarkChange] in
      state.writeScheduled = false
      let batch = state.pending
      state.pending.removeAll(keepingCapacity: true)
      return batch
    }
    guard !batch.isEmpty else { return }
    do {
      try store.apply(batch)
      state.withLock { state in
        state.written += batch.count
        state.batches += 1
        state.failing = false
      }
      onWritten(batch)
    } catch {
      let (report, retry) = state.withLock { state -> (Bool, Bool) in
        // Put the batch back in front, in order, so nothing queued after it can overtake it.
        state.pending.insert(contentsOf: batch, at: 0)
        let report = !state.failing
        state.failing = true
        let retry = !state.writeScheduled && state.phase == .running
        if retry { state.writeScheduled = true }
        return (report, retry)
      }
      if report { onFailure(StateStore.reason(for: error, path: store.path)) }
      if retry { queue.asyncAfter(deadline: .now() + retryDelay) { self.writePending() } }
    }
  }
}
