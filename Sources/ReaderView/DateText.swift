/// Dates as the reader shows them, in UTC, computed without Foundation so a frame never touches a
/// formatter or the time zone database (and every machine renders the same goldens).
enum DateText {
  /// Year, month (1–12), day, hour and minute of an instant in UTC.
  static func civil(_ seconds: Double) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
    let total = Int(seconds.rounded(.down))
    var days = total / 86_400
    var remainder = total % 86_400
    if remainder < 0 {
      remainder += 86_400
      days -= 1
    }
    // Howard Hinnant's days-to-civil algorithm: exact for the proleptic Gregorian calendar.
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day, remainder / 3600, remainder % 3600 / 60)
  }

  /// `2021-03-11`
  static func day(_ seconds: Double) -> String {
    let date = civil(seconds)
    return "\(date.year)-\(twoDigits(date.month))-\(twoDigits(date.day))"
  }

  /// `03-11`, for narrow lists.
  static func shortDay(_ seconds: Double) -> String {
    let date = civil(seconds)
    return "\(twoDigits(date.month))-\(twoDigits(date.day))"
  }

  /// `2021-03-11 17:13 UTC`
  static func absolute(_ seconds: Double) -> String {
    let date = civil(seconds)
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
