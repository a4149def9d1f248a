import NewsCore

/// Dates as the reader shows them, in UTC, computed without Foundation so a frame never touches a
/// formatter or the time zone database (and every machine renders the same goldens).
enum DateText {
  /// `2021-03-11`
  static func day(_ seconds: Double) -> String {
    let date = DateParser.civil(seconds)
    return "\(date.year)-\(twoDigits(date.month))-\(twoDigits(date.day))"
  }

  /// `03-11`, for narrow lists.
  static func shortDay(_ seconds: Double) -> String {
    let date = DateParser.civil(seconds)
    return "\(twoDigits(date.month))-\(twoDigits(date.day))"
  }

  /// `2021-03-11 17:13 UTC`
  static func absolute(_ seconds: Double) -> String {
    let date = DateParser.civil(seconds)
    return day(seconds) + " \(twoDigits(date.hour)):\(twoDigits(date.minute)) UTC"
  }

  /// `3 days ago`, `in 2 hours`, `just now`.
  static func relative(_ seconds: Double, now: Double) -> String {
    let delta = now - seconds
    let magnitude = abs(delta)
    guard magnitude >= 60 else { return "just now" }
    let (count, unit): (Int, String)
    switch magnitude {
    case ..<3600: (count, unit) = (Int(magnitude / 60), "minute")
    case ..<(48 * 3600): (count, unit) = (Int(magnitude / 3600), "hour")
    case ..<(60 * 86_400): (count, unit) = (Int(magnitude / 86_400), "day")
    case ..<(730 * 86_400): (count, unit) = (Int(magnitude / (30 * 86_400)), "month")
    default: (count, unit) = (Int(magnitude / (365 * 86_400)), "year")
    }
    let phrase = "\(count) \(unit)\(count == 1 ? "" : "s")"
    return delta > 0 ? phrase + " ago" : "in " + phrase
  }

  /// `1,413`
  static func grouped(_ number: Int) -> String {
    let digits = String(abs(number))
    var result = ""
    for (position, digit) in digits.enumerated() {
      if position > 0 && (digits.count - position) % 3 == 0 { result += "," }
      result.append(digit)
    }
    return number < 0 ? "-" + result : result
  }

  private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
