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
    #expect(coalescer.deadline == 11, "a lone event after a quiet spell is due at once")
    let lone = coalescer.takeDue(at: 11)
    #expect(lone)
    coalescer.note(at: 11.125)
    #expect(coalescer.deadline == 11.325, "one following it within the quiet time waits")
  }

  @Test func aLoneEventIsDueAtOnceAndABurstAfterItIsCoalesced() {
    var coalescer = ChangeCoalescer(quiet: 0.2, longest: 1)
    coalescer.note(at: 5)
    #expect(coalescer.secondsUntilDue(at: 5) == 0, "the first event ever")
    let first = coalescer.takeDue(at: 5)
    #expect(first)
    var signals: [Double] = []
    for time in [5.05, 5.1, 5.15, 5.2] {
      coalescer.note(at: time)
      if coalescer.takeDue(at: time) { signals.append(time) }
    }
    #expect(signals.isEmpty, "the burst right after it waits for a pause")
    let burst = coalescer.takeDue(at: 5.4)
    #expect(burst)
    // Two events in one read are one run, due at once when they follow a pause.
    coalescer.note(at: 9)
    coalescer.note(at: 9)
    let together = coalescer.takeDue(at: 9)
    #expect(together)
  }

  @Test func aStreamThatNeverPausesIsSignalledAfterTheLongestWait() {
    var coalescer = ChangeCoalescer(quiet: 0.2, longest: 1)
    var signals: [Double] = []
    for step in 0..<20 {  // an event every 0.125 s (exact in binary) for 2.5 s
      let time = Double(step) * 0.125
      coalescer.note(at: time)
      if coalescer.takeDue(at: time) { signals.append(time) }
    }
    // The first event is lone (nothing before it); then one a second while events keep coming.
    #expect(signals.count == 3, "\(signals)")
    #expect(signals[0] == 0)
    #expect(abs(signals[1] - 1.125) < 0.001)
  }
}
