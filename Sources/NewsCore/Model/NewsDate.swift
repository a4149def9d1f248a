/// A record's date: the instant it names when the text could be parsed, and always the text itself.
public struct NewsDate: Sendable, Hashable {
  /// The sanitized text the record gave, kept so an unparseable date can still be shown.
  public var text: String
  /// Seconds since 1970-01-01T00:00:00Z, or nil when the text is not a date format we read.
  public var secondsSince1970: Double?

  public init(text: String, secondsSince1970: Double?) {
    self.text = text
    self.secondsSince1970 = secondsSince1970
  }
}
