import NewsCore
import ReaderState

/// The rows the article list draws, decided in one place so drawing and mouse clicks agree: the listed
/// articles from the viewport's offset and, when sorted by date, a row naming the day above each day's
/// first article on screen ("Tuesday 11 March 2021").
struct ArticleRows {
  /// One screen row of the article list.
  enum Row: Equatable {
    /// The day heading of the articles below it.
    case day(String)
    /// Row `index` of the listing's visible articles.
    case article(Int)
  }

  let rows: [Row]

  /// Whether `sort` groups the list by day.
  static func groupsByDay(_ sort: SortOrder) -> Bool { sort == .newest || sort == .oldest }

  /// The rows of `listing` in `height` rows, with days in `timeZone`; the selection stays on screen with
  /// its context however many day rows come between.
  init(listing: Listing, height: Int, timeZone: DisplayTimeZone) {
    let viewport = listing.articleList
    guard ArticleRows.groupsByDay(listing.sort), viewport.count > 0 else {
      rows = viewport.visibleRows(height: height).map { .article($0) }
      return
    }
    let height = max(1, height)
    func day(_ row: Int) -> Int? {
      guard let seconds = listing.visibleArticle(at: row).publishedDateTime?.secondsSince1970 else {
        return nil
      }
      return DayName.dayNumber(seconds, in: timeZone)
    }
    func build(from start: Int) -> [Row] {
      var result: [Row] = []
      var previous: Int?? = .none
      var row = start
      while result.count < height, row < viewport.count {
        let current = day(row)
        if previous != .some(current) {
          result.append(.day(current.map(DayName.heading) ?? "No date"))
          previous = .some(current)
          if result.count == height { break }
        }
        result.append(.article(row))
        row += 1
      }
      return result
    }
    let selection = viewport.selection
    let margin = min(viewport.context, (height - 1) / 2)
    var built = build(from: viewport.offset(height: height))
    let last = min(viewport.count - 1, selection + margin)
    if !built.contains(.article(last)) {
      // Scroll on as little as brings the selection and its context back, counting the day rows.
      var start = last
      var needed = 2  // the last article and the heading above the first shown
      var dayBelow = day(last)
      while start > 0 {
        let above = day(start - 1)
        let cost = 1 + (above == dayBelow ? 0 : 1)
        guard needed + cost <= height else { break }
        needed += cost
        start -= 1
        dayBelow = above
      }
      built = build(from: start)
    }
    rows = built
  }
}

/// Day numbers and headings in a time zone, without a formatter.
enum DayName {
  static let weekdays = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// Days since 1970-01-01 of the wall-clock date of `seconds` in `zone`.
  static func dayNumber(_ seconds: Double, in zone: DisplayTimeZone) -> Int {
    let local = seconds + Double(zone.offset(at: seconds))
    guard local.isFinite else { return 0 }
    return Int((min(max(local, -1e15), 1e15) / 86_400).rounded(.down))
  }

  /// "Tuesday 11 March 2021" for day number `day`.
  static func heading(_ day: Int) -> String {
    let date = DateParser.civil(Double(day) * 86_400)
    let weekday = weekdays[((day % 7) + 7) % 7]
    return "\(weekday) \(date.day) \(months[date.month - 1]) \(date.year)"
  }
}
