/// A record's date: the instant it names when the text could be parsed, and always the text itself.
public struct NewsDate: Sendable, Hashable {
  /// The text when it is not exactly `DateParser.iso8601(secondsSince1970)`; nil when it is, so the
  /// commonest form (`2021-03-11T17:13:00Z`) costs no string per date (hundreds of thousands of them
  /// in a large directory, related items included).
  private(set) var storedText: String?
  /// Seconds since 1970-01-01T00:00:00Z, or nil when the text is not a date format we read; always in the
  /// years 0001–9999, so whatever is computed from it fits.
  public private(set) var secondsSince1970: Double?

  /// The sanitized text the record gave, kept so an unparseable date can still be shown.
  public var text: String {
    get { storedText ?? secondsSince1970.map(DateParser.iso8601) ?? "" }
    set { storedText = NewsDate.storage(for: newValue, seconds: secondsSince1970) }
  }

  /// A date from its text and the instant it names; an instant outside the years 0001–9999 is dropped.
  public init(text: String, secondsSince1970: Double?) {
    let seconds = secondsSince1970.flatMap { DateParser.isInRange($0) ? $0 : nil }
    self.secondsSince1970 = seconds
    self.storedText = NewsDate.storage(for: text, seconds: seconds)
  }

  /// A date rebuilt from its stored parts (by the load index), without comparing against the canonical text;
  /// the index checks that `secondsSince1970` is in range before it calls this.
  init(storedText: String?, secondsSince1970: Double?) {
    self.storedText = storedText
    self.secondsSince1970 = secondsSince1970
  }

  /// A date whose text is the canonical ISO 8601 form of `secondsSince1970` (which `DateParser.isCanonical`
  /// only confirms for the years 1000–9999; anything outside 0001–9999 is kept as its text alone).
  public init(canonicalSecondsSince1970 seconds: Double) {
    let inRange = DateParser.isInRange(seconds)
    self.secondsSince1970 = inRange ? seconds : nil
    self.storedText = inRange ? nil : String(seconds)
  }

  /// What to store for `text`: nothing when the canonical form gives it back exactly.
  private static func storage(for text: String, seconds: Double?) -> String? {
    guard let seconds, text.utf8.count == 20 || text.utf8.count == 24 else { return text }
    return DateParser.iso8601(seconds) == text ? nil : text
  }
}
