import Foundation

/// The export format: one JSON object per line, `{"id":…,"url":…,"readAt":…,"starredAt":…,"firstSeenAt":…}`,
/// times in ISO 8601 UTC with milliseconds, fields without a value left out (only `id` is required).
public enum MarkLines {
  /// One mark as one line of JSON (without the newline), keys always in the order above.
  public static func line(_ mark: ArticleMark) -> String {
    var text = "{\"id\":" + quoted(mark.id)
    if let url = mark.url { text += ",\"url\":" + quoted(url) }
    for (key, time) in [
      ("readAt", mark.readAt), ("starredAt", mark.starredAt), ("firstSeenAt", mark.firstSeenAt),
    ] {
      if let time { text += ",\"\(key)\":\"" + iso8601(time) + "\"" }
    }
    return text + "}"
  }

  /// A line of an import file that could not be read, with its 1-based line number.
  public struct BadLine: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { "line \(line): \(reason)" }
  }

  /// Every mark of `text`, and every line that is not one; blank lines are skipped.
  public static func parse(_ text: String) -> (marks: [ArticleMark], bad: [BadLine]) {
    var marks: [ArticleMark] = []
    var bad: [BadLine] = []
    var number = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      let line = line.hasSuffix("\r") ? line.dropLast() : line
      guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
      switch mark(String(line)) {
      case .success(let mark): marks.append(mark)
      case .failure(let failure): bad.append(BadLine(line: number, reason: failure.reason))
      }
    }
    return (marks, bad)
  }

  private struct Failure: Error {
    var reason: String
  }

  private static func mark(_ line: String) -> Result<ArticleMark, Failure> {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)),
      let fields = object as? [String: Any]
    else { return .failure(Failure(reason: "not a JSON object")) }
    guard let id = fields["id"] as? String, !id.isEmpty else {
      return .failure(Failure(reason: "no \"id\" string"))
    }
    var mark = ArticleMark(id: id)
    if let url = fields["url"] {
      guard let url = url as? String else { return .failure(Failure(reason: "\"url\" is not a string")) }
      mark.url = url
    }
    for key in ["readAt", "starredAt", "firstSeenAt"] {
      guard let value = fields[key], !(value is NSNull) else { continue }
      guard let text = value as? String, let seconds = seconds(fromISO8601: text) else {
        return .failure(Failure(reason: "\"\(key)\" is not an ISO 8601 time such as 2026-01-31T12:00:00Z"))
      }
      switch key {
      case "readAt": mark.readAt = seconds
      case "starredAt": mark.starredAt = seconds
      default: mark.firstSeenAt = seconds
      }
    }
    return .success(mark)
  }

  /// `2026-01-31T12:00:00.250Z`: computed by hand (Howard Hinnant's days-to-civil), because a
  /// formatter per line made exporting 100,000 marks take seconds.
  public static func iso8601(_ seconds: Double) -> String {
    let milliseconds = Milliseconds.from(seconds) ?? 0
    let (days, inDay) = floorDivide(milliseconds, 86_400_000)
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ value: Int64, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(inDay / 3_600_000, 2) + ":"
      + pad(inDay / 60_000 % 60, 2) + ":" + pad(inDay / 1000 % 60, 2) + "." + pad(inDay % 1000, 3) + "Z"
  }

  private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let quotient = value / divisor
    let remainder = value % divisor
    return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
  }

  /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (RFC 3339, `t`/space allowed
  /// for `T`), or nil. Parsed by hand: a formatter per field made importing 100,000 lines take most of
  /// a minute.
  public static func seconds(fromISO8601 text: String) -> Double? {
    let bytes = Array(text.utf8)
    var position = 0
    func number(_ digits: Int) -> Int? {
      guard position + digits <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[position..<position + digits] {
        guard (48...57).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      position += digits
      return value
    }
    func expect(_ allowed: String) -> Bool {
      guard position < bytes.count, allowed.utf8.contains(bytes[position]) else { return false }
      position += 1
      return true
    }
    guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
      expect("Tt "), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
      let second = number(2), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
      second < 61
    else { return nil }
    var fraction = 0.0
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      var scale = 0.1
      let start = position
      while position < bytes.count, (48...57).contains(bytes[position]) {
        fraction += Double(bytes[position] - 48) * scale
        scale /= 10
        position += 1
      }
      guard position > start else { return nil }
    }
    var offset = 0
    if expect("Zz") {
      offset = 0
    } else if position < bytes.count,
      bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
    {
      let sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
      position += 1
      guard let hours = number(2), expect(":"), let minutes = number(2), hours < 24, minutes < 60 else {
        return nil
      }
      offset = sign * (hours * 3600 + minutes * 60)
    } else {
      return nil
    }
    guard position == bytes.count else { return nil }
    // Howard Hinnant's days-from-civil.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
  }

  static func quoted(_ string: String) -> String {
    var text = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    return text + "\""
  }
}
