import NewsCore
import ReaderConfig

/// Dates as the reader shows them, in the time zone handed to the renderer; calendar arithmetic is done
/// without a formatter, so a frame costs one offset lookup per date.
enum DateText {
  /// The wall-clock date and time of `seconds` in `zone`.
  static func civil(_ seconds: Double, in zone: DisplayTimeZone) -> DateParser.CivilTime {
    DateParser.civil(seconds + Double(zone.offset(at: seconds)))
  }

  /// `2021-03-11`
  static func day(_ seconds: Double, in zone: DisplayTimeZone) -> String {
    let date = civil(seconds, in: zone)
    return "\(date.year)-\(twoDigits(date.month))-\(twoDigits(date.day))"
  }

  /// `03-11`, for narrow lists whose dates all fall in one year.
  static func shortDay(_ seconds: Double, in zone: DisplayTimeZone) -> String {
    let date = civil(seconds, in: zone)
    return "\(twoDigits(date.month))-\(twoDigits(date.day))"
  }

  /// `2021-03-11 17:13 UTC` (or `UTC+1` and so on in another zone), or as the zone's date format writes it,
  /// followed by the zone's label unless the format writes the zone.
  static func absolute(_ seconds: Double, in zone: DisplayTimeZone) -> String {
    if let format = zone.dateFormat {
      let label = zone.label(at: seconds)
      let text = format.format(seconds, offset: zone.offset(at: seconds), zoneName: label)
      return format.writesZone ? text : text + " " + label
    }
    let date = civil(seconds, in: zone)
    return day(seconds, in: zone) + " \(twoDigits(date.hour)):\(twoDigits(date.minute)) "
      + zone.label(at: seconds)
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
