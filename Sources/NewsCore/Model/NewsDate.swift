/// A record's date: the instant it names when the text could be parsed, and always the text itself.
public struct NewsDate: Sendable, Hashable {
  /// The text when it is not exactly `DateParser.iso8601(secondsSince1970)`; nil when it is, so the
  /// commonest form (`2021-03-11T17:13:00Z`) costs no string per date (hundreds of thousands of them
  /// in a large directory, related items included).
  private var storedText: String?
  /// Seconds since 1970-01-01T00:00:00Z, or nil when the text is not a date format we read.
  public private(set) var secondsSince1970: Double?

  /// The sanitized text the record gave, kept so an unparseable date can still be shown.
  public var text: String {
    get { storedText ?? secondsSince1970.map(DateParser.iso8601) ?? "" }
    set { storedText = NewsDate.storage(for: newValue, seconds: secondsSince1970) }
  }

  public init(text: String, secondsSince1970: Double?) {
    self.secondsSince1970 = secondsSince1970
    self.storedText = NewsDate.storage(for: text, seconds: secondsSince1970)
  }

  /// A date whose text is the canonical ISO 8601 form of `secondsSince1970`.
  public init(canonicalSecondsSince1970 seconds: Double) {
    self.secondsSince1970 = seconds
    self.storedText = nil
  }

  /// What to store for `text`: nothing when the canonical form gives it back exactly.
  private static func storage(for text: String, seconds: Double?) -> String? {
    guard let seconds, text.utf8.count == 20 || text.utf8.count == 24 else { return text }
    return DateParser.iso8601(seconds) == text ? nil : text
  }
}
