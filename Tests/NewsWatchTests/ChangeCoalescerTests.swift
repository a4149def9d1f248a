import NewsWatch
import Testing

@Suite struct ChangeCoalescerTests {
  @Test func nothingIsDueWithoutEvents() {
    var coalescer = ChangeCoalescer(quiet: 0.2, longest: 1)
    #expect(coalescer.deadline == nil)
    #expect(coalescer.secondsUntilDue(at: 5) == nil)
    let due = coalescer.takeDue(at: 100)
    #expect(!due)
  }

  @Test func aBurstBecomesOneSignalOnceQuiet() {
    var coalescer = ChangeCoalescer(quiet: 0.2, longest: 1)
    for time in [10.0, 10.05, 10.1, 10.15] { coalescer.note(at: time) }
    let early = coalescer.takeDue(at: 10.3)
    #expect(!early, "0.15 s after the last event: still waiting")
    #expect(coalescer.secondsUntilDue(at: 10.3)! > 0.049)
    let due = coalescer.takeDue(at: 10.35)
    #expect(due)
    let again = coalescer.takeDue(at: 10.4)
    #expect(!again, "signalled once")
    coalescer.note(at: 11)
    #expect(coalescer.deadline == 11.2, "the next event starts a new run")
  }

  @Test func aStreamThatNeverPausesIsSignalledAfterTheLongestWait() {
    var coalescer = ChangeCoalescer(quiet: 0.2, longest: 1)
    var signals: [Double] = []
    for step in 0..<20 {  // an event every 0.125 s (exact in binary) for 2.5 s
      let time = Double(step) * 0.125
      coalescer.note(at: time)
      if coalescer.takeDue(at: time) { signals.append(time) }
    }
    #expect(signals.count == 2, "one a second while events keep coming: \(signals)")
    #expect(abs(signals[0] - 1.0) < 0.001)
  }
}
