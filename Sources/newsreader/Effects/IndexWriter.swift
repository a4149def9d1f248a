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
    var isWriting = false
  }

  init(file: LoadIndexFile, quiet: Double = 2) {
    self.file = file
    self.quiet = quiet
  }

  /// Writes `index` once nothing newer has been given for `quiet` seconds; `report` gets a failure's
  /// message.
  func schedule(_ index: LoadIndex, report: @escaping @Sendable (String) -> Void) {
    let now = Self.seconds()
    let starts = state.withLock { state -> Bool in
      state.pending = index
      state.givenAt = now
      guard !state.isWriting else { return false }
      state.isWriting = true
      return true
    }
    guard starts else { return }
    DetachedThread.detach { self.writeWhenQuiet(report: report) }
  }

  /// Writes what is still pending now (the reader is ending), waiting for a write under way first.
  func finish() {
    while true {
      let next = state.withLock { state -> LoadIndex? in
        guard !state.isWriting else { return nil }
        defer { state.pending = nil }
        return state.pending
      }
      if let next {
        try? file.write(next)
        return
      }
      guard state.withLock({ $0.isWriting }) else { return }
      usleep(20_000)
    }
  }

  private func writeWhenQuiet(report: @Sendable (String) -> Void) {
    while true {
      let wait = state.withLock { quiet - (Self.seconds() - $0.givenAt) }
      if wait > 0 {
        usleep(UInt32(min(wait, 1) * 1_000_000))
        continue
      }
      let next = state.withLock { state -> LoadIndex? in
        let next = state.pending
        state.pending = nil
        if next == nil { state.isWriting = false }
        return next
      }
      guard let next else { return }
      do throws(IndexWriteFailure) {
        try file.write(next)
      } catch {
        report(error.description)
      }
    }
  }

  private static func seconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
