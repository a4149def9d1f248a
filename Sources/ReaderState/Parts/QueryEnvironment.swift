import Foundation
import NewsCore

/// What a query is evaluated with besides the articles, compared by clock and zone only: the reading state
/// is a lookup that changes under it (a new lookup arrives with a new `generation`).
public struct QueryEnvironment: Sendable, Equatable {
  public var now: Double
  public var timeZone: TimeZone
  public var readingState: any ReadingStateLookup
  /// Bumped whenever `readingState` is replaced, so two environments with different lookups differ.
  public var generation: Int

  public init(
    now: Double = 0, timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!,
    readingState: any ReadingStateLookup = NoReadingState(), generation: Int = 0
  ) {
    self.now = now
    self.timeZone = timeZone
    self.readingState = readingState
    self.generation = generation
  }

  /// This environment with `lookup` for the reading state (a new generation).
  public func with(readingState lookup: any ReadingStateLookup) -> QueryEnvironment {
    QueryEnvironment(now: now, timeZone: timeZone, readingState: lookup, generation: generation + 1)
  }

  public var context: QueryContext { QueryContext(now: now, timeZone: timeZone, readingState: readingState) }

  public static func == (lhs: QueryEnvironment, rhs: QueryEnvironment) -> Bool {
    lhs.now == rhs.now && lhs.timeZone == rhs.timeZone && lhs.generation == rhs.generation
  }
}
