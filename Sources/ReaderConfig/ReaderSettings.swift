import NewsCore

/// Every plain setting of the config file as a value; `ReaderSettings()` holds the defaults, which the
/// settings table, `newsreader config default` and the manual all print from.
public struct ReaderSettings: Sendable, Equatable {
  /// Opened when the command line names no path.
  public var paths: [String] = ["seeds"]
  /// A theme name or a theme file.
  public var theme: String = "dark"
  public var sort: SortOrder = .newest
  public var timeZone: TimeZoneChoice = .system
  /// strftime-style; see `DateFormat`.
  public var dateFormat: String = "%Y-%m-%d %H:%M"
  /// Seconds an article stays selected before it counts as read.
  public var markReadDelay: Double = 1.5
  /// Reading an article marks its related coverage (the whole story) read too.
  public var storyRead: Bool = true
  public var browser: BrowserChoice = .automatic
  public var clipboard: ClipboardChoice = .automatic
  public var mouse: Bool = true
  /// Reload files that change while the reader is open.
  public var watch: Bool = true
  /// Keep an index of parsed files so the next start need not parse them again.
  public var index: Bool = true
  public var languages: LanguageChoice = .system
  /// Seconds the reader waits for the next key of a sequence such as `g g`.
  public var sequenceTimeout: Double = 1.0
  /// What the number keys 1–9 do on the main screen.
  public var digits: DigitKeys = .topics

  public init() {}
}

/// The time zone dates are shown in.
public enum TimeZoneChoice: Sendable, Hashable {
  /// `TZ` when set, else the system's.
  case system
  /// An IANA name such as `Europe/Paris`, or `UTC`.
  case named(String)
}

/// What the number keys 1–9 do on the main screen.
public enum DigitKeys: String, Sendable, Hashable, CaseIterable {
  /// Toggle the nine most frequent topics.
  case topics
  /// Apply the first nine saved views.
  case views
}

/// How links are opened.
public enum BrowserChoice: Sendable, Hashable {
  /// `$BROWSER`, else `xdg-open`, else `open`.
  case automatic
  /// A command split on spaces; `%s` is replaced by the URL, else the URL is appended.
  case command(String)
}

/// How copies reach the clipboard.
public enum ClipboardChoice: Sendable, Hashable {
  /// OSC 52, plus a desktop clipboard program when a display has one.
  case automatic
  /// OSC 52 only (the terminal's clipboard; works over ssh).
  case osc52
  /// A program that reads the text on its standard input, split on spaces.
  case program(String)
  /// Copying is off.
  case off
}

/// The languages stories are preferred in.
public enum LanguageChoice: Sendable, Hashable {
  /// From the locale environment (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`).
  case system
  /// Language tags such as `en` or `pt-BR`, most preferred first.
  case list([String])

  /// The languages in effect: the list, or the locale environment's languages (none under `C`/`POSIX`).
  public func resolved(environment: [String: String]) -> [String] {
    if case .list(let languages) = self { return languages }
    if let list = environment["LANGUAGE"], !list.isEmpty {
      let languages = list.split(separator: ":").compactMap { LanguageChoice.language(ofLocale: String($0)) }
      if !languages.isEmpty { return languages }
    }
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[variable], !value.isEmpty {
        return LanguageChoice.language(ofLocale: value).map { [$0] } ?? []
      }
    }
    return []
  }

  /// `de_DE.UTF-8@euro` → `de`; nil for `C` and `POSIX`.
  static func language(ofLocale locale: String) -> String? {
    let language = locale.prefix { $0 != "_" && $0 != "." && $0 != "@" && $0 != "-" }
    guard !language.isEmpty, language != "C", language != "POSIX" else { return nil }
    return language.lowercased()
  }
}
