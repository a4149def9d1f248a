/// Reads the date formats records use, by hand: no Foundation formatter in the loading path.
///
/// Accepted: ISO 8601 / YAML timestamps with or without fractions and offsets (`2021-03-11T17:13:00Z`,
/// `2021-03-11T17:13:00.250+02:00`, `2021-03-11 17:13:00 +02:00`), a date alone (`2021-03-11`, midnight UTC)
/// and Unix seconds (`1615482780`). A time without an offset is UTC. Only instants in the years 0001–9999
/// are dates: every value a record gives is range-checked here, so no caller converts an instant that
/// does not fit (an `Int64` of a huge `Double` traps).
public enum DateParser {
  /// What a date's text is: an instant, an instant outside the years 0001–9999, or no format we read.
  public enum Reading: Sendable, Hashable {
    case instant(Double)
    case outOfRange
    case unknown
  }

  /// 0001-01-01T00:00:00Z, the first instant a date may name.
  public static let earliestSeconds: Double = -62_135_596_800
  /// 10000-01-01T00:00:00Z, just past the last instant a date may name.
  public static let endSeconds: Double = 253_402_300_800

  /// Whether `seconds` is an instant in the years 0001–9999 (NaN and infinities are not).
  public static func isInRange(_ seconds: Double) -> Bool {
    seconds >= earliestSeconds && seconds < endSeconds
  }

  /// Seconds since 1970 for the UTF-8 `bytes`, or nil when they are not a date format we read or name an
  /// instant outside the years 0001–9999.
  public static func secondsSince1970(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    if case .instant(let seconds) = read(bytes) { return seconds }
    return nil
  }

  /// The UTF-8 `bytes` as a date: the instant, or why there is none.
  public static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading {
    guard let seconds = parse(bytes) else { return .unknown }
    return isInRange(seconds) ? .instant(seconds) : .outOfRange
  }

  /// The instant the bytes name, in range or not (never NaN: every step adds finite parts or overflows
  /// to an infinity, which the range check refuses).
  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var cursor = Cursor(bytes: bytes)
    cursor.skipSpaces()
    if let seconds = unixSeconds(&cursor) { return seconds }
    guard let year = cursor.digits(exactly: 4), cursor.take(UInt8(ascii: "-")),
      let month = cursor.digits(exactly: 2), cursor.take(UInt8(ascii: "-")),
      let day = cursor.digits(exactly: 2),
      (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
    else { return nil }
    var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
    cursor.skipSpaces()
    if cursor.atEnd { return seconds }
    _ = cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: "t"))
    cursor.skipSpaces()
    // 24:00 and a leap second :60 are refused: the reader cannot show them as they were written.
    guard let hour = cursor.digits(minimum: 1, maximum: 2), cursor.take(UInt8(ascii: ":")),
      let minute = cursor.digits(exactly: 2), hour <= 23, minute <= 59
    else { return nil }
    var second = 0
    if cursor.take(UInt8(ascii: ":")) {
      guard let value = cursor.digits(exactly: 2), value <= 59 else { return nil }
      second = value
    }
    var fraction = 0.0
    if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
      var scale = 0.1
      var any = false
      while let digit = cursor.digit() {
        fraction += Double(digit) * scale
        scale /= 10
        any = true
      }
      guard any else { return nil }
    }
    seconds += Double(hour * 3600 + minute * 60 + second) + fraction
    cursor.skipSpaces()
    if cursor.atEnd || cursor.take(UInt8(ascii: "Z")) || cursor.take(UInt8(ascii: "z")) {
      return cursor.atEnd ? seconds : nil
    }
    let sign: Double
    if cursor.take(UInt8(ascii: "+")) {
      sign = 1
    } else if cursor.take(UInt8(ascii: "-")) {
      sign = -1
    } else {
      return nil
    }
    guard let offsetHours = cursor.digits(minimum: 1, maximum: 2), offsetHours <= 23 else { return nil }
    var offsetMinutes = 0
    if !cursor.atEnd {
      _ = cursor.take(UInt8(ascii: ":"))
      guard let value = cursor.digits(exactly: 2), value <= 59 else { return nil }
      offsetMinutes = value
    }
    guard cursor.atEnd else { return nil }
    return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
  }

  /// Convenience for tests and callers holding a String.
  public static func secondsSince1970(_ text: String) -> Double? {
    if case .instant(let seconds) = read(text) { return seconds }
    return nil
  }

  /// `read` for a String.
  public static func read(_ text: String) -> Reading {
    var text = text
    return text.withUTF8 { read(UnsafeBufferPointer(start: $0.baseAddress, count: $0.count)) }
  }

  /// The calendar fields of an instant in UTC: year, month (1–12), day, hour, minute, second.
  public struct CivilTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
  }

  /// `seconds` since 1970 as calendar fields in UTC, without Foundation (no formatter, no time zone data).
  ///
  /// An instant outside the years 0001–9999 (or NaN) is first clamped into them: dates from records never
  /// are (the parser refuses them), and converting such a `Double` to an integer would trap.
  public static func civil(_ seconds: Double) -> CivilTime {
    let total = Int64(clamped(seconds).rounded(.down))
    var days = total / 86_400
    var rest = total % 86_400
    if rest < 0 {
      rest += 86_400
      days -= 1
    }
    let (year, month, day) = civilFromDays(days)
    return CivilTime(
      year: Int(year), month: Int(month), day: Int(day), hour: Int(rest / 3600), minute: Int(rest / 60 % 60),
      second: Int(rest % 60))
  }

  /// Whether `bytes` are exactly `iso8601(seconds)` in its commonest form, `YYYY-MM-DDTHH:MM:SSZ`,
  /// checked without building a string (the loader asks this of every date).
  public static func isCanonical(_ bytes: UnsafeBufferPointer<UInt8>, seconds: Double) -> Bool {
    guard bytes.count == 20, seconds == seconds.rounded(.down) else { return false }
    let time = civil(seconds)
    guard (1000...9999).contains(time.year) else { return false }
    func matches(_ value: Int, at start: Int, digits: Int) -> Bool {
      var rest = value
      for offset in stride(from: digits - 1, through: 0, by: -1) {
        guard bytes[start + offset] == UInt8(ascii: "0") + UInt8(rest % 10) else { return false }
        rest /= 10
      }
      return true
    }
    return bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-") && bytes[10] == UInt8(ascii: "T")
      && bytes[13] == UInt8(ascii: ":") && bytes[16] == UInt8(ascii: ":") && bytes[19] == UInt8(ascii: "Z")
      && matches(time.year, at: 0, digits: 4) && matches(time.month, at: 5, digits: 2)
      && matches(time.day, at: 8, digits: 2) && matches(time.hour, at: 11, digits: 2)
      && matches(time.minute, at: 14, digits: 2) && matches(time.second, at: 17, digits: 2)
  }

  /// The instant as ISO 8601 in UTC (`2021-03-11T17:13:00Z`, milliseconds only when there are any).
  public static func iso8601(_ seconds: Double) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: iso8601MaximumBytes) { buffer in
      let count = writeISO8601(seconds, to: buffer.baseAddress!)
      return String(decoding: UnsafeBufferPointer(start: buffer.baseAddress, count: count), as: UTF8.self)
    }
  }

  /// The most bytes `writeISO8601` writes: `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  public static let iso8601MaximumBytes = 24

  /// Writes the bytes of `iso8601(seconds)` at `target` (room for `iso8601MaximumBytes`) and returns how
  /// many: what `list` prints for each of 100,000 dates, without the eight strings a formatted one made.
  public static func writeISO8601(_ seconds: Double, to target: UnsafeMutablePointer<UInt8>) -> Int {
    let seconds = clamped(seconds)
    let millis = Int(((seconds - seconds.rounded(.down)) * 1000).rounded())
    let time = civil(seconds)
    var count = 0
    // The year is within 0001-9999 (clamped), so every field has a fixed width.
    func put(_ value: Int, digits: Int) {
      var rest = value
      for offset in stride(from: digits - 1, through: 0, by: -1) {
        target[count + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      }
      count += digits
    }
    func put(_ byte: Unicode.Scalar) {
      target[count] = UInt8(ascii: byte)
      count += 1
    }
    put(time.year, digits: 4)
    put("-")
    put(time.month, digits: 2)
    put("-")
    put(time.day, digits: 2)
    put("T")
    put(time.hour, digits: 2)
    put(":")
    put(time.minute, digits: 2)
    put(":")
    put(time.second, digits: 2)
    if millis > 0 && millis < 1000 {
      put(".")
      put(millis, digits: 3)
    }
    put("Z")
    return count
  }

  /// `seconds` within the years 0001–9999 (NaN becomes the earliest instant).
  static func clamped(_ seconds: Double) -> Double {
    guard !isInRange(seconds) else { return seconds }
    return seconds >= endSeconds ? endSeconds - 1 : earliestSeconds
  }

  private static func unixSeconds(_ cursor: inout Cursor) -> Double? {
    var probe = cursor
    let negative = probe.take(UInt8(ascii: "-"))
    var value = 0.0
    var count = 0
    while let digit = probe.digit() {
      value = value * 10 + Double(digit)
      count += 1
    }
    guard count > 0, count != 4 || probe.atEnd else { return nil }
    if probe.take(UInt8(ascii: ".")) {
      var scale = 0.1
      while let digit = probe.digit() {
        value += Double(digit) * scale
        scale /= 10
      }
    }
    probe.skipSpaces()
    guard probe.atEnd else { return nil }
    return negative ? -value : value
  }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// A read position over date bytes.
  private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index >= bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    mutating func skipSpaces() {
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    mutating func digit() -> Int? {
      guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
      index += 1
      return Int(bytes[index - 1] - 0x30)
    }

    mutating func digits(exactly count: Int) -> Int? { digits(minimum: count, maximum: count) }

    mutating func digits(minimum: Int, maximum: Int) -> Int? {
      var value = 0
      var count = 0
      while count < maximum, let digit = digit() {
        value = value * 10 + digit
        count += 1
      }
      return count >= minimum ? value : nil
    }
  }
}
