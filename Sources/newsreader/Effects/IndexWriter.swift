import NewsCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Writes the load index after watched changes, off the run loop, one write at a time and only once the
/// changes have paused for `quiet` seconds: at 100,000 records a write encodes and syncs the whole index
/// (about a second of a core), and writing after every change of a busy directory spent both cores on
/// indexes nobody reads until the next start.
final class IndexWriter: Sendable {
  let file: LoadIndexFile
  let quiet: Double
  private let state = Mutex<State>(State())

  private struct State {
    /// The latest index not yet written.
    var pending: LoadIndex?
    /// When `pending` was given, on the monotonic clock.
    var givenAt: Double = 0
    /// A writing thread is running (it writes whatever is pending until nothing is).
    var hasThread = false
    /// A write is under way (by the thread, or by `finish`).
    var isWriting = false
  }

  init(file: LoadIndexFile, quiet: Double = 2) {
    self.file = file
    self.quiet = quiet
  }

  /// Writes `index` once nothing newer has been given for `quiet` seconds; `report` gets a failure's
  /// message.
  func schedule(_ index: LoadIndex, report: @escaping @Sendable (String) -> Void) {
    let now = Self.monotonicSeconds()
    let starts = state.withLock { state -> Bool in
      state.pending = index
      state.givenAt = now
      guard !state.hasThread else { return false }
      state.hasThread = true
      return true
    }
    guard starts else { return }
    DetachedThread.detach { self.writeWhenQuiet(report: report) }
  }

  /// Writes what is still pending now (the reader is ending), waiting for a write under way first.
  func finish() {
    while true {
      enum Step {
        case write(LoadIndex)
        case done
        case wait
      }
      let step = state.withLock { state -> Step in
        guard !state.isWriting else { return .wait }
        guard let pending = state.pending else { return .done }
        state.pending = nil
        state.isWriting = true
        return .write(pending)
      }
      switch step {
      case .wait: usleep(20_000)
      case .done: return
      case .write(let index):
        try? file.write(index)
        state.withLock { $0.isWriting = false }
        return
      }
    }
  }

  private func writeWhenQuiet(report: @Sendable (String) -> Void) {
    while true {
      let wait = state.withLock { quiet - (Self.monotonicSeconds() - $0.givenAt) }
      if wait > 0 {
        usleep(UInt32(min(wait, 1) * 1_000_000))
        continue
      }
      let next = state.withLock { state -> LoadIndex?? in
        guard !state.isWriting else { return .some(nil) }  // `finish` is writing: look again later
        guard let next = state.pending else {
          state.hasThread = false
          return nil  // nothing more: the thread ends
        }
        state.pending = nil
        state.isWriting = true
        return .some(next)
      }
      guard let next else { return }
      guard let next else {
        usleep(20_000)
        continue
      }
      do throws(IndexWriteFailure) {
        try file.write(next)
      } catch {
        report(error.description)
      }
      state.withLock { $0.isWriting = false }
    }
  }

  /// Seconds on the monotonic clock.
  static func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
