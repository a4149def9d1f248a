import Foundation
import ReaderConfig

/// The time zone dates are shown in, handed to the renderer as a value so no frame reads a global setting
/// and every test renders the same screen whatever the machine's zone.
public struct DisplayTimeZone: Sendable, Hashable {
  public let zone: TimeZone
  /// How absolute dates are written (the `date-format` setting); nil for the built-in `2021-03-11 17:13`.
  /// The zone's label follows unless the format writes the zone itself (`%Z` or `%z`).
  public var dateFormat: DateFormat?

  public init(_ zone: TimeZone, dateFormat: DateFormat? = nil) {
    self.zone = zone
    self.dateFormat = dateFormat
  }

  /// The zone the `time-zone` setting chooses: a named zone overrides `TZ`; `system` is `TZ`, else the
  /// system's zone.
  public init(choice: TimeZoneChoice, environment: [String: String]) {
    switch choice {
    case .system:
      self.init(environment: environment)
    case .named(let name):
      // The setting's values were checked against the zone database when the config was read.
      self.init(environment: ["TZ": name])
    }
  }

  /// This zone with absolute dates written in `pattern` (strftime-style, see `DateFormat`).
  public func with(dateFormat pattern: String) -> DisplayTimeZone {
    DisplayTimeZone(zone, dateFormat: DateFormat(pattern))
  }

  /// Coordinated Universal Time, what the goldens and `list` use.
  public static let utc = DisplayTimeZone(TimeZone(secondsFromGMT: 0)!)

  /// The zone `TZ` names (a tz database name, optionally after `:`, as POSIX allows), else the system's.
  public init(environment: [String: String]) {
    var name = environment["TZ"] ?? ""
    if name.hasPrefix(":") { name.removeFirst() }
    if name.isEmpty {
      self.init(environment["TZ"] == nil ? TimeZone.current : DisplayTimeZone.utc.zone)
    } else if name == "UTC" || name == "UTC0" || name == "GMT" {
      self = .utc
    } else {
      self.init(TimeZone(identifier: name) ?? TimeZone.current)
    }
  }

  /// Seconds to add to a UTC instant for the wall-clock time here.
  public func offset(at seconds: Double) -> Int {
    zone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))
  }

  /// How a time here is labelled: `UTC`, or its offset from it (`UTC+1`, `UTC+5:30`, `UTC-5`); Foundation on
  /// Linux has no names such as `CET` to give, and an offset is never ambiguous.
  public func label(at seconds: Double) -> String {
    let offset = offset(at: seconds)
    guard offset != 0 else { return "UTC" }
    let minutes = abs(offset) / 60
    let rest = minutes % 60
    return "UTC\(offset < 0 ? "-" : "+")\(minutes / 60)"
      + (rest == 0 ? "" : ":\(rest < 10 ? "0" : "")\(rest)")
  }
}
