/// Folds a run of file events into one "changed" signal: due once events have been quiet for `quiet`
/// seconds, or `longest` seconds after the first of a run that never pauses (a long copy still shows up).
///
/// Pure: the caller passes the time of every call, so it is tested with made-up clocks.
public struct ChangeCoalescer: Sendable, Equatable {
  public let quiet: Double
  public let longest: Double
  /// When the run still waiting to be signalled began, and its latest event.
  public private(set) var firstEvent: Double?
  public private(set) var lastEvent: Double?

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
    return min(lastEvent + quiet, firstEvent + longest)
  }

  /// Seconds from `now` until the waiting run is due (0 when overdue), or nil when nothing waits.
  public func secondsUntilDue(at now: Double) -> Double? { deadline.map { max(0, $0 - now) } }

  /// True once, when the waiting run is due at `now`; the next event then starts a new run.
  public mutating func takeDue(at now: Double) -> Bool {
    guard let deadline, now >= deadline else { return false }
    firstEvent = nil
    lastEvent = nil
    return true
  }
}
