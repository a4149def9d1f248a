/// Folds a run of file events into one "changed" signal: due once events have been quiet for `quiet`
/// seconds, or `longest` seconds after the first of a run that never pauses (a long copy still shows up).
/// A lone event, one coming after events had been quiet for `quiet` seconds, is due at once: news that
/// arrives one file at a time is shown without the wait, and what follows it within `quiet` is coalesced.
///
/// Pure: the caller passes the time of every call, so it is tested with made-up clocks.
public struct ChangeCoalescer: Sendable, Equatable {
  public let quiet: Double
  public let longest: Double
  /// When the run still waiting to be signalled began, and its latest event.
  public private(set) var firstEvent: Double?
  public private(set) var lastEvent: Double?
  /// The last event of the run signalled before, nil before the first.
  public private(set) var previousEvent: Double?

  public init(quiet: Double = 0.2, longest: Double = 1) {
    self.quiet = quiet
    self.longest = max(quiet, longest)
  }

  /// An event arrived at `now`.
  public mutating func note(at now: Double) {
    if firstEvent == nil { firstEvent = now }
    lastEvent = now
  }

  /// When the waiting run becomes due, or nil when nothing waits.
  public var deadline: Double? {
    guard let firstEvent, let lastEvent else { return nil }
    if lastEvent == firstEvent, previousEvent.map({ firstEvent - $0 >= quiet }) ?? true { return firstEvent }
    return min(lastEvent + quiet, firstEvent + longest)
  }

  /// Seconds from `now` until the waiting run is due (0 when overdue), or nil when nothing waits.
  public func secondsUntilDue(at now: Double) -> Double? { deadline.map { max(0, $0 - now) } }

  /// True once, when the waiting run is due at `now`; the next event then starts a new run.
  public mutating func takeDue(at now: Double) -> Bool {
    guard let deadline, now >= deadline else { return false }
    previousEvent = lastEvent
    firstEvent = nil
    lastEvent = nil
    return true
  }
}
