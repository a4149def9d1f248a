import NewsCore

/// The `date-format` setting's strftime-style language, kept to conversions that need no locale data
/// so every machine shows the same text: `%Y %y %m %d %e %H %I %M %S %p %b %a %j %z %Z %%`.
public struct DateFormat: Sendable, Hashable {
  /// The conversions known, with what each prints (for the manual).
  public static let conversions: [(letter: Character, meaning: String)] = [
    ("Y", "year, four digits"), ("y", "year, two digits"), ("m", "month, 01-12"),
    ("d", "day of the month, 01-31"), ("e", "day of the month, space-padded"), ("H", "hour, 00-23"),
    ("I", "hour, 01-12"), ("M", "minute, 00-59"), ("S", "second, 00-59"), ("p", "AM or PM"),
    ("b", "month name, abbreviated (Jan)"), ("a", "weekday name, abbreviated (Mon)"),
    ("j", "day of the year, 001-366"), ("z", "offset from UTC, +hhmm"), ("Z", "time zone abbreviation"),
    ("%", "a percent sign"),
  ]

  public var pattern: String

  public init(_ pattern: String) { self.pattern = pattern }

  /// Why `pattern` cannot be used (an unknown or unfinished conversion), or nil.
  public static func problem(in pattern: String) -> String? {
    let known = Set(conversions.map(\.letter))
    var iterator = pattern.makeIterator()
    while let character = iterator.next() {
      guard character == "%" else { continue }
      guard let letter = iterator.next() else { return "the date format ends with a lone %" }
      if !known.contains(letter) {
        return "unknown date conversion %\(letter); known: "
          + conversions.map { "%\($0.letter)" }.joined(separator: " ")
      }
    }
    return nil
  }

  /// Whether the pattern writes the zone (`%Z` or `%z`), so nothing need say it after the date.
  public var writesZone: Bool {
    var iterator = pattern.makeIterator()
    while let character = iterator.next() {
      if character == "%", let letter = iterator.next(), letter == "Z" || letter == "z" { return true }
    }
    return false
  }

  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
  private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

  /// `seconds` since the epoch shown at `offset` seconds east of UTC, `zoneName` for `%Z`.
  public func format(_ seconds: Double, offset: Int = 0, zoneName: String = "UTC") -> String {
    let local = seconds + Double(offset)
    let civil = DateParser.civil(local)
    let days = Int((local / 86_400).rounded(.down))
    var output = ""
    var iterator = pattern.makeIterator()
    func pad(_ value: Int, _ width: Int, _ fill: Character = "0") -> String {
      let digits = String(value)
      return String(repeating: fill, count: max(0, width - digits.count)) + digits
    }
    while let character = iterator.next() {
      guard character == "%", let letter = iterator.next() else {
        if character != "%" { output.append(character) }
        continue
      }
      switch letter {
      case "Y": output += String(civil.year)
      case "y": output += pad(((civil.year % 100) + 100) % 100, 2)
      case "m": output += pad(civil.month, 2)
      case "d": output += pad(civil.day, 2)
      case "e": output += pad(civil.day, 2, " ")
      case "H": output += pad(civil.hour, 2)
      case "I": output += pad((civil.hour + 11) % 12 + 1, 2)
      case "M": output += pad(civil.minute, 2)
      case "S": output += pad(civil.second, 2)
      case "p": output += civil.hour < 12 ? "AM" : "PM"
      case "b": output += Self.months[civil.month - 1]
      case "a": output += Self.weekdays[((days % 7) + 7) % 7]
      case "j": output += pad(Self.dayOfYear(civil), 3)
      case "z":
        let minutes = abs(offset) / 60
        output += (offset < 0 ? "-" : "+") + pad(minutes / 60, 2) + pad(minutes % 60, 2)
      case "Z": output += zoneName
      case "%": output += "%"
      default: output += "%\(letter)"
      }
    }
    return output
  }

  private static func dayOfYear(_ civil: DateParser.CivilTime) -> Int {
    let leap = (civil.year % 4 == 0 && civil.year % 100 != 0) || civil.year % 400 == 0
    let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    return before[civil.month - 1] + civil.day + (leap && civil.month > 2 ? 1 : 0)
  }
}
