import Foundation
import NewsCore

/// The news volume of the current filter over time: articles per day, counted when the listing changes,
/// and grouped into bars per day, week, month or year, the finest whose bars fit.
///
/// Counting reads one cached day number per listed article (the dates are turned into days once per
/// catalog), so a keystroke stays cheap at 100,000 articles; drawing groups the distinct days only.
public struct Timeline: Sendable {
  /// Articles per day (days since 1970-01-01 in the query's time zone, so a bar is a day of the user's
  /// calendar as `date:` terms are), ascending by day, of the listing without its period term.
  public var dayCounts: [DayCount]
  /// Per topic of the catalog (its positions), articles of the search result in each of
  /// at most `topicSeriesBuckets` equal spans of the timeline (no shorter than a day), for the topic picker's sparklines; filled while the
  /// picker is open.
  public var topicSeries: [[Int]] = []
  /// Buckets of each topic's sparkline.
  public static let topicSeriesBuckets = 12
  /// Whether bars are drawn with `_.-=#` instead of block characters (the locale is not UTF-8).
  public var asciiOnly: Bool
  /// Day of each article of `countedCatalog`, `Int32.min` when undated.
  private var dayOfArticle: [Int32]
  private var countedCatalog: ArticleCatalog?
  /// The zone `dayOfArticle` was counted in.
  private var countedZone: TimeZone?

  public init(asciiOnly: Bool = false) {
    dayCounts = []
    self.asciiOnly = asciiOnly
    dayOfArticle = []
    countedCatalog = nil
  }

  /// Recounts over `listing`'s articles, its date window left out so every period stays visible.
  public mutating func refresh(_ listing: Listing) {
    let zone = listing.queryEnvironment.timeZone
    if countedCatalog !== listing.catalog || countedZone != zone {
      // From the catalog's date column: reading each article's date through the article copied the whole
      // record (70 ms at 100,000 on the run loop, when a warm start's listing arrived).
      let dates = listing.catalog.publishedSeconds
      let offsets = ZoneOffsets(zone, over: dates)
      dayOfArticle = dates.map { Timeline.day(ofSeconds: $0, offsets: offsets) }
      countedCatalog = listing.catalog
      countedZone = zone
    }
    let indices = listing.chosenPeriodTerm == nil ? listing.visible : listing.visibleIgnoringPeriod()
    // Counted into a dense array over the days' span (no sort: a keystroke at 100,000 articles would
    // spend milliseconds sorting), unless the dates are centuries apart, where sorting costs less.
    var low = Int32.max
    var high = Int32.min
    for index in indices where dayOfArticle[index] != Int32.min {
      low = min(low, dayOfArticle[index])
      high = max(high, dayOfArticle[index])
    }
    var counts: [DayCount] = []
    if low > high {
      counts = []
    } else if Int(high) - Int(low) < max(4 * indices.count, 4_096) {
      var dense = [Int](repeating: 0, count: Int(high) - Int(low) + 1)
      for index in indices where dayOfArticle[index] != Int32.min {
        dense[Int(dayOfArticle[index] - low)] += 1
      }
      for (offset, count) in dense.enumerated() where count > 0 {
        counts.append(DayCount(day: low + Int32(offset), count: count))
      }
    } else {
      var days: [Int32] = []
      days.reserveCapacity(indices.count)
      for index in indices where dayOfArticle[index] != Int32.min { days.append(dayOfArticle[index]) }
      days.sort()
      for day in days {
        if let last = counts.last, last.day == day {
          counts[counts.count - 1].count += 1
        } else {
          counts.append(DayCount(day: day, count: 1))
        }
      }
    }
    dayCounts = counts
  }

  /// Counts each topic's articles of `listing.visible` (what the picker counts) over the span of the
  /// timeline, in `topicSeriesBuckets` equal parts.
  /// Follows a change of the catalog counted: the kept articles' days are carried, the arrivals' found, so
  /// the next `refresh` counts without reading every article again.
  public mutating func carry(_ change: CatalogChange) {
    guard countedCatalog === change.base, let zone = countedZone,
      dayOfArticle.count == change.newIndices.count
    else { return }
    var days = [Int32](repeating: Int32.min, count: change.catalog.articles.count)
    for (old, new) in change.newIndices.enumerated() where new >= 0 { days[Int(new)] = dayOfArticle[old] }
    let dates = change.catalog.publishedSeconds
    let offsets = ZoneOffsets(zone, over: change.reread.map { dates[$0] })
    for index in change.reread { days[index] = Timeline.day(ofSeconds: dates[index], offsets: offsets) }
    dayOfArticle = days
    countedCatalog = change.catalog
  }

  /// The day of an article dated `seconds` since 1970 in the zone of `offsets`, `Int32.min` when undated
  /// (NaN).
  private static func day(ofSeconds seconds: Double, offsets: ZoneOffsets) -> Int32 {
    guard seconds.isFinite else { return Int32.min }
    return Timeline.clampedDay((seconds + Double(offsets.offset(at: seconds))) / 86_400)
  }

  public mutating func refreshTopicSeries(_ listing: Listing) {
    guard countedCatalog === listing.catalog, let first = dayCounts.first?.day, let last = dayCounts.last?.day
    else {
      topicSeries = []
      return
    }
    let span = Int(last) - Int(first) + 1
    // No bucket shorter than a day: five days of news are five bars, not twelve with gaps.
    let buckets = min(Timeline.topicSeriesBuckets, span)
    let days = dayOfArticle
    topicSeries = listing.catalog.topicSeries(among: listing.visible, buckets: buckets) { index in
      let day = days[index]
      guard day != Int32.min, day >= first, day <= last else { return nil }
      return (Int(day) - Int(first)) * buckets / span
    }
  }

  /// The bars for `columns` columns: the finest period whose span of bars fits, or the latest `columns`
  /// years when not even years fit.
  public func bars(columns: Int) -> (period: TimelinePeriod, bars: [TimelineBar]) {
    guard columns > 0, let first = dayCounts.first?.day, let last = dayCounts.last?.day else {
      return (.day, [])
    }
    let period =
      TimelinePeriod.allCases.first { $0.number(of: last) - $0.number(of: first) + 1 <= columns } ?? .year
    let low = max(period.number(of: first), period.number(of: last) - columns + 1)
    let high = period.number(of: last)
    var bars = (low...high).map { number in
      TimelineBar(
        period: period, days: period.firstDay(of: number)..<period.firstDay(of: number + 1), count: 0)
    }
    for entry in dayCounts {
      let position = period.number(of: entry.day) - low
      if position >= 0 { bars[position].count += entry.count }
    }
    return (period, bars)
  }

  /// The bar holding the instant `seconds` when drawn in `columns` columns.
  public func bar(containing seconds: Double, columns: Int) -> TimelineBar? {
    let day = self.day(of: seconds)
    return bars(columns: columns).bars.first { $0.days.contains(day) }
  }

  /// The day (since 1970-01-01 in the zone the timeline counts in) of the instant `seconds`.
  public func day(of seconds: Double) -> Int {
    let offset = (countedZone ?? TimeZone(secondsFromGMT: 0)!).secondsFromGMT(
      for: Date(timeIntervalSince1970: seconds))
    return Int(Timeline.clampedDay((seconds + Double(offset)) / 86_400))
  }

  /// A day number within what `Int32` holds (dates are range-checked to years 1-9999 on load).
  static func clampedDay(_ days: Double) -> Int32 {
    Int32(max(Double(Int32.min + 1), min(Double(Int32.max), days.rounded(.down))))
  }
}

extension Timeline: Equatable {
  /// The counts are derived from the listing, which `apply` recounts after every change of it: comparing
  /// them again would make every hand-built expected model in the tests recount too.
  public static func == (lhs: Timeline, rhs: Timeline) -> Bool { lhs.asciiOnly == rhs.asciiOnly }
}

/// Articles on one day.
public struct DayCount: Sendable, Hashable {
  /// Days since 1970-01-01 UTC.
  public var day: Int32
  public var count: Int

  public init(day: Int32, count: Int) {
    self.day = day
    self.count = count
  }
}

/// One bar of the timeline: a period and the articles in it.
public struct TimelineBar: Sendable, Hashable {
  /// How long the bar is.
  public var period: TimelinePeriod
  /// Its days (since 1970-01-01 in the user's zone), half-open.
  public var days: Range<Int>
  public var count: Int

  /// The query term listing this bar's period: `date:2021-03-13`, `date:2021-03-08..2021-03-14`,
  /// `date:2021-03`, `date:2021`.
  public var term: String {
    let first = Timeline.isoDay(days.lowerBound)
    switch period {
    case .day: return "date:" + first
    case .week: return "date:" + first + ".." + Timeline.isoDay(days.upperBound - 1)
    case .month: return "date:" + first.prefix(7)
    case .year: return "date:" + first.prefix(4)
    }
  }

  /// What the status bar says the period is: `2021-03-13`, `the week of 2021-03-08`, `2021-03`, `2021`.
  public var name: String {
    let first = Timeline.isoDay(days.lowerBound)
    switch period {
    case .day: return first
    case .week: return "the week of " + first
    case .month: return String(first.prefix(7))
    case .year: return String(first.prefix(4))
    }
  }
}

/// How long one bar of the timeline is, finest first.
public enum TimelinePeriod: String, Sendable, CaseIterable {
  case day, week, month, year

  /// The number of the period holding `day` (days since 1970): consecutive periods have consecutive numbers.
  func number(of day: Int32) -> Int {
    let day = Int(day)
    switch self {
    case .day: return day
    // Weeks start on Monday; 1970-01-01 was a Thursday.
    case .week: return (day + 3).floorDivided(by: 7)
    case .month:
      let civil = Timeline.civil(fromDays: day)
      return civil.year * 12 + civil.month - 1
    case .year: return Timeline.civil(fromDays: day).year
    }
  }

  /// The first day (since 1970) of period `number`.
  func firstDay(of number: Int) -> Int {
    let day: Int
    switch self {
    case .day: day = number
    case .week: day = number * 7 - 3
    case .month:
      day = Timeline.days(
        year: number.floorDivided(by: 12), month: number - 12 * number.floorDivided(by: 12) + 1)
    case .year: day = Timeline.days(year: number, month: 1)
    }
    return day
  }
}

extension Timeline {
  /// `YYYY-MM-DD` of `days` since 1970-01-01.
  static func isoDay(_ days: Int) -> String {
    let (year, month) = civil(fromDays: days)
    let day = days - Timeline.days(year: year, month: month) + 1
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let yearText = String(year)
    return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + two(month) + "-"
      + two(day)
  }

  /// Year and month of `days` since 1970-01-01 (H. Hinnant's civil-from-days).
  static func civil(fromDays days: Int) -> (year: Int, month: Int) {
    let z = days + 719_468
    let era = z.floorDivided(by: 146_097)
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month)
  }

  /// Days since 1970-01-01 of the first of `month` in `year`.
  static func days(year: Int, month: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = y.floorDivided(by: 400)
    let yearOfEra = y - era * 400
    let shifted = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shifted + 2) / 5
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}

extension Int {
  fileprivate func floorDivided(by divisor: Int) -> Int {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}

extension Listing {
  /// The period term the timeline wrote, when the query still has it.
  public var chosenPeriodTerm: String? {
    guard let periodTerm, QueryText.containsToken(periodTerm, in: queryText) else { return nil }
    return periodTerm
  }

  /// The listed articles as they would be without the chosen period's term (so the timeline keeps every
  /// period of the filter); the query evaluated once more only while a period is chosen.
  func visibleIgnoringPeriod() -> [Int] {
    guard let term = chosenPeriodTerm,
      let without = try? Query(QueryText.removingToken(term, from: queryText))
    else { return visible }
    let result = catalog.select(without, context: queryEnvironment.context, order: sort)
    return listed(result)
  }

  /// Writes `term` (a bar's `date:` term) into the query in place of the chosen one, or takes the chosen
  /// one out when `term` is nil.
  public mutating func choosePeriod(_ term: String?) {
    var text = queryText
    if let chosen = chosenPeriodTerm { text = QueryText.removingToken(chosen, from: text) }
    if let term {
      while text.last == " " { text.removeLast() }
      text = text.isEmpty ? term : text + " " + term
    }
    periodTerm = term
    setQuery(text)
  }
}

/// A time zone's offsets from UTC over the span of some instants, asked of the zone once at each of its
/// transitions there (a few a year) rather than once per instant: the offset of each of 100,000 articles is
/// then a search among a few numbers.
struct ZoneOffsets {
  private let zone: TimeZone
  private let low: Double
  private let high: Double
  /// The instants in `low...high` at which the offset changes, ascending; `offsets[i]` is the offset before
  /// `transitions[i]` (and from `transitions[i - 1]`), the last one after the last transition.
  private var transitions: [Double] = []
  private var offsets: [Int] = []
  /// A zone found changing more often than this within the span is asked at each instant instead.
  static let transitionLimit = 4_096

  init(_ zone: TimeZone, over dates: some Sequence<Double>) {
    self.zone = zone
    var low = Double.infinity
    var high = -Double.infinity
    for date in dates where date.isFinite {
      low = min(low, date)
      high = max(high, date)
    }
    (self.low, self.high) = (low, high)
    guard low <= high else { return }
    var instant = Date(timeIntervalSince1970: low)
    offsets = [zone.secondsFromGMT(for: instant)]
    while let next = zone.nextDaylightSavingTimeTransition(after: instant),
      next.timeIntervalSince1970 <= high,
      next > instant
    {
      guard transitions.count < Self.transitionLimit else {
        (transitions, offsets) = ([], [])
        return
      }
      transitions.append(next.timeIntervalSince1970)
      offsets.append(zone.secondsFromGMT(for: next))
      instant = next
    }
  }

  /// The zone's offset from UTC, in seconds, at `seconds` since 1970.
  func offset(at seconds: Double) -> Int {
    guard !offsets.isEmpty, seconds >= low, seconds <= high else {
      return zone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))
    }
    // The number of transitions at or before `seconds`: the offset in force then.
    var (lower, upper) = (0, transitions.count)
    while lower < upper {
      let middle = (lower + upper) / 2
      if transitions[middle] <= seconds { lower = middle + 1 } else { upper = middle }
    }
    return offsets[lower]
  }
}
