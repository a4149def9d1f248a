import NewsCore

/// One row of the settings table: a setting's name, the kind of value it takes, its default and one
/// line of documentation. The parser, `newsreader config default` and the manual all read this table.
public struct Setting: Sendable {
  /// The key in the config file (kebab-case).
  public let name: String
  /// The values it accepts, as the manual says it ("true or false").
  public let valueDescription: String
  /// The default, written as YAML (`1.5`, `[seeds]`, `"%Y-%m-%d %H:%M"`).
  public let defaultText: String
  /// One line of documentation.
  public let summary: String
  let apply: @Sendable (inout ReaderSettings, YAMLNode) -> ValueProblem?
  /// Puts the setting back to its default (after a broken value following a good one).
  let reset: @Sendable (inout ReaderSettings) -> Void

  init<Value>(
    _ name: String, _ type: SettingType<Value>, _ keyPath: WritableKeyPath<ReaderSettings, Value> & Sendable,
    _ summary: String
  ) {
    self.name = name
    self.valueDescription = type.name
    self.defaultText = type.encode(ReaderSettings()[keyPath: keyPath])
    self.summary = summary
    self.reset = { $0[keyPath: keyPath] = ReaderSettings()[keyPath: keyPath] }
    self.apply = { settings, node in
      switch type.decode(node) {
      case .success(let value):
        settings[keyPath: keyPath] = value
        return nil
      case .failure(let problem):
        return problem
      }
    }
  }

  /// Every setting, in the order the default config and the manual list them.
  public static let all: [Setting] = [
    Setting(
      "paths", .paths, \.paths, "Record files and directories opened when the command line names none."),
    Setting(
      "theme", .text, \.theme,
      "Theme name (dark, light, monochrome, or a file in a themes directory) or path to a theme file."),
    Setting("sort", .choice, \.sort, "The article list's order when the reader starts."),
    Setting("time-zone", .timeZone, \.timeZone, "Time zone dates are shown in; system honours TZ."),
    Setting("date-format", .dateFormat, \.dateFormat, "How absolute dates are written (strftime-style)."),
    Setting(
      "mark-read-delay", .seconds(in: 0...60), \.markReadDelay,
      "Seconds an article stays selected before it is marked read."),
    Setting(
      "story-read", .boolean, \.storyRead,
      "Reading an article marks the same story from other outlets read too."),
    Setting(
      "browser", .browser, \.browser, "How links are opened; auto is $BROWSER, else xdg-open, else open."),
    Setting(
      "clipboard", .clipboard, \.clipboard,
      "How copies reach the clipboard; auto is OSC 52 plus a desktop clipboard program when there is one."),
    Setting("mouse", .boolean, \.mouse, "Clicks select and the wheel scrolls."),
    Setting("watch", .boolean, \.watch, "Reload record files that change while the reader is open."),
    Setting("index", .boolean, \.index, "Keep an index of parsed files so the next start is quicker."),
    Setting(
      "languages", .languages, \.languages,
      "Languages stories are preferred in, most preferred first; system reads LANGUAGE, LC_ALL, LC_MESSAGES, LANG."
    ),
    Setting(
      "sequence-timeout", .seconds(in: 0.1...10), \.sequenceTimeout,
      "Seconds the reader waits for the next key of a sequence such as g g."),
    Setting(
      "digits", .choice, \.digits,
      "What 1-9 do on the main screen: toggle the most frequent topics, or apply the first nine views."),
  ]

  /// The setting named `name`.
  public static func named(_ name: String) -> Setting? { all.first { $0.name == name } }
}
