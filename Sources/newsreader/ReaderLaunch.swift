import ReaderConfig

/// What the reader command takes from the config file, resolved against the environment; the command
/// line overrides each of these.
struct ReaderLaunch {
  var settings: ReaderSettings
  /// The config's paths with `~/` expanded.
  var paths: [String]
  /// The config's theme when it chose one, else nil (the built-in default theme).
  var theme: String?
  /// The config's browser command, which takes `$BROWSER`'s place.
  var browserCommand: String?

  init(config: ReaderConfig, environment: [String: String]) {
    settings = config.settings
    let home = environment["HOME"]
    paths = config.settings.paths.map { ReaderLaunch.expandingHome($0, home: home) }
    theme =
      config.explicitSettings.contains("theme")
      ? ReaderLaunch.expandingHome(config.settings.theme, home: home) : nil
    if case .command(let command) = config.settings.browser {
      browserCommand = command
    } else {
      browserCommand = nil
    }
  }

  /// The languages a story's lead headline is preferred in: the config's `languages:` list, else the
  /// locale's (`LANGUAGE`, then the first of `LC_ALL`, `LC_MESSAGES`, `LANG`, as gettext reads them).
  /// The reader's stories view and `newsreader stories` both take them from here.
  func storyLanguages(environment: [String: String]) -> [String] {
    settings.languages.resolved(environment: environment).map { $0.lowercased() }
  }

  /// `~` and `~/…` are the home directory; anything else is left alone.
  static func expandingHome(_ path: String, home: String?) -> String {
    guard let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") else { return path }
    return home + path.dropFirst()
  }

  /// The desktop clipboard program to use besides OSC 52: the detected one for `auto`, the config's
  /// program, or none for `osc52` and `off`.
  func clipboardProgram(detected: ClipboardProgram?) -> ClipboardProgram? {
    switch settings.clipboard {
    case .automatic: return detected
    case .osc52, .off: return nil
    case .program(let command):
      let words = command.split(separator: " ").map(String.init)
      return words.first.map { ClipboardProgram(name: $0, arguments: words) }
    }
  }
}
