import Dispatch
import Synchronization

/// Lets a load's progress through at most once per interval, plus its first and last report.
///
/// The loading threads report every few hundred files; each report that reaches the reader is a frame drawn
/// on the run loop. At 100,000 records that was 200 frames in a cold load, taking the run loop's core from
/// the parse on a two-core machine, for a header whose count nobody reads ten times a second.
public final class ProgressPacer: Sendable {
  /// Nanoseconds between two reports let through.
  public let interval: UInt64
  private let clock: @Sendable () -> UInt64
  /// When the last report was let through, or nil before the first.
  private let last = Mutex<UInt64?>(nil)

  /// `clock` gives monotonic nanoseconds (the system's uptime clock unless a test gives its own).
  public init(intervalMilliseconds: Int = 100, clock: (@Sendable () -> UInt64)? = nil) {
    interval = UInt64(max(0, intervalMilliseconds)) * 1_000_000
    self.clock = clock ?? { DispatchTime.now().uptimeNanoseconds }
  }

  /// Whether the report of `read` of `total` files should be passed on: the first, the last (every file
  /// read) and any an interval after the last passed on.
  public func admits(read: Int, total: Int) -> Bool {
    let now = clock()
    return last.withLock { last in
      let due = last.map { now &- $0 >= interval } ?? true
      guard due || read >= total else { return false }
      last = now
      return true
    }
  }
}
