import Foundation

/// The reading state of one article, as `is:` terms ask about it.
public struct ReadingStateFlags: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let read = ReadingStateFlags(rawValue: 1)
  public static let starred = ReadingStateFlags(rawValue: 2)
  /// Arrived since the user last looked (what "new" means is the store's to say).
  public static let new = ReadingStateFlags(rawValue: 4)
}

/// Where `is:` terms read an article's state: reading state lives outside NewsCore, so it is passed in.
public protocol ReadingStateLookup: Sendable {
  /// The state of `article`, which is `catalog.articles[index]`.
  func readingState(of article: Article, at index: Int) -> ReadingStateFlags
}

/// A `ReadingStateLookup` over a closure, for callers (and tests) that keep state in their own shape.
public struct ReadingStateClosure: ReadingStateLookup {
  private let body: @Sendable (Article, Int) -> ReadingStateFlags

  public init(_ body: @escaping @Sendable (Article, Int) -> ReadingStateFlags) { self.body = body }

  public func readingState(of article: Article, at index: Int) -> ReadingStateFlags { body(article, index) }
}

/// The state when nothing is stored: every article unread, none starred, none new.
public struct NoReadingState: ReadingStateLookup {
  public init() {}
  public func readingState(of article: Article, at index: Int) -> ReadingStateFlags { [] }
}

/// What a query needs besides the articles: the clock, the user's time zone and the reading state.
public struct QueryContext: Sendable {
  /// Seconds since 1970 that `newer:`, `older:`, `date:today` count from.
  public var now: Double
  /// Calendar dates (`date:2023-03-01`) start and end at midnight here.
  public var timeZone: TimeZone
  public var readingState: any ReadingStateLookup

  public init(now: Double, timeZone: TimeZone, readingState: any ReadingStateLookup = NoReadingState()) {
    self.now = now
    self.timeZone = timeZone
    self.readingState = readingState
  }

  /// The real clock and the user's time zone (`TZ` is honoured through `TimeZone.current`).
  public static func user(readingState: any ReadingStateLookup = NoReadingState()) -> QueryContext {
    QueryContext(now: Date().timeIntervalSince1970, timeZone: TimeZone.current, readingState: readingState)
  }

  /// Seconds since 1970 of local midnight starting `day` (days since 1970-01-01 in the local calendar).
  func startOfDay(_ day: Int) -> Double {
    let utc = Double(day) * 86_400
    // The offset at the local midnight, found from the offset near it (exact unless a change of offset
    // happens within hours of midnight, where the second lookup settles it).
    var offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utc))
    offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utc - Double(offset)))
    return utc - Double(offset)
  }

  /// The local calendar day (days since 1970-01-01) holding the instant `seconds`.
  func day(containing seconds: Double) -> Int {
    let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))
    return Int(((seconds + Double(offset)) / 86_400).rounded(.down))
  }

  /// The instants `[start, end)` that a `date:` range covers.
  func interval(_ range: QueryDateRange) -> (start: Double, end: Double) {
    let start = range.from.map { startOfDay(firstDay(of: $0)) } ?? -Double.infinity
    let end = range.to.map { startOfDay(dayAfter($0)) } ?? Double.infinity
    return (start, end)
  }

  private func firstDay(of period: QueryDay) -> Int {
    switch period {
    case .year(let year): DateParser.daysFromCivil(year: year, month: 1, day: 1)
    case .month(let year, let month): DateParser.daysFromCivil(year: year, month: month, day: 1)
    case .day(let year, let month, let day): DateParser.daysFromCivil(year: year, month: month, day: day)
    case .today: day(containing: now)
    case .yesterday: day(containing: now) - 1
    }
  }

  private func dayAfter(_ period: QueryDay) -> Int {
    switch period {
    case .year(let year): DateParser.daysFromCivil(year: year + 1, month: 1, day: 1)
    case .month(let year, let month):
      month == 12
        ? DateParser.daysFromCivil(year: year + 1, month: 1, day: 1)
        : DateParser.daysFromCivil(year: year, month: month + 1, day: 1)
    default: firstDay(of: period) + 1
    }
  }
}
