import Synchronization
import Testing

@testable import NewsCore

/// A load's progress reaches the reader at most once per interval, plus its first and last report.
@Suite struct ProgressPacerTests {
  /// A clock the test moves by hand, in milliseconds.
  final class ManualClock: Sendable {
    let milliseconds = Mutex<UInt64>(0)
    func advance(_ by: UInt64) { milliseconds.withLock { $0 += by } }
    var now: UInt64 { milliseconds.withLock { $0 } * 1_000_000 }
  }

  @Test func theFirstReportPassesAndThenOnePerInterval() {
    let clock = ManualClock()
    let pacer = ProgressPacer(intervalMilliseconds: 100, clock: { clock.now })
    #expect(pacer.admits(read: 0, total: 1_000))
    clock.advance(40)
    #expect(!pacer.admits(read: 512, total: 1_000))
    clock.advance(59)
    #expect(!pacer.admits(read: 600, total: 1_000))
    clock.advance(1)
    #expect(pacer.admits(read: 700, total: 1_000))
    // The interval counts from the last report let through, not from the last one offered.
    clock.advance(99)
    #expect(!pacer.admits(read: 800, total: 1_000))
    clock.advance(1)
    #expect(pacer.admits(read: 900, total: 1_000))
  }

  @Test func theLastReportAlwaysPasses() {
    let clock = ManualClock()
    let pacer = ProgressPacer(intervalMilliseconds: 100, clock: { clock.now })
    #expect(pacer.admits(read: 0, total: 10))
    clock.advance(1)
    #expect(pacer.admits(read: 10, total: 10))
  }

  @Test func aZeroIntervalLetsEveryReportThrough() {
    let clock = ManualClock()
    let pacer = ProgressPacer(intervalMilliseconds: 0, clock: { clock.now })
    #expect((0..<5).allSatisfy { pacer.admits(read: $0, total: 10) })
  }

  @Test func theSystemClockPacesAsWell() {
    let pacer = ProgressPacer(intervalMilliseconds: 60_000)
    #expect(pacer.admits(read: 1, total: 100))
    #expect(!pacer.admits(read: 2, total: 100))
  }
}
