import NewsCore
import ReaderConfig
import Testing

/// The plain settings: good files, every wrong value with its position, unknown names with suggestions.
@Suite struct SettingsParsingTests {
  func parse(_ text: String) -> ConfigParser.Result { ConfigParser().parse(text, path: "config.yaml") }

  func problems(_ text: String) -> [String] { parse(text).problems.map(\.description) }

  @Test func anEmptyFileGivesTheDefaults() {
    for text in ["", "# nothing\n", "---\n", "~\n"] {
      let result = parse(text)
      #expect(result.config == ReaderConfig())
      #expect(result.problems.isEmpty)
    }
  }

  @Test func everySettingIsRead() {
    let result = parse(
      """
      paths: [~/news, "/srv/feeds"]
      theme: light
      sort: heat
      time-zone: Europe/Paris
      date-format: "%d %b %Y"
      mark-read-delay: 0
      story-read: off
      browser: firefox --new-tab %s
      clipboard: xclip -selection clipboard
      mouse: false
      watch: no
      index: false
      languages: [fr, pt-BR]
      sequence-timeout: 0.5
      digits: views
      """)
    #expect(result.problems.isEmpty)
    var expected = ReaderSettings()
    expected.paths = ["~/news", "/srv/feeds"]
    expected.theme = "light"
    expected.sort = .heat
    expected.timeZone = .named("Europe/Paris")
    expected.dateFormat = "%d %b %Y"
    expected.markReadDelay = 0
    expected.storyRead = false
    expected.browser = .command("firefox --new-tab %s")
    expected.clipboard = .program("xclip -selection clipboard")
    expected.mouse = false
    expected.watch = false
    expected.index = false
    expected.languages = .list(["fr", "pt-BR"])
    expected.sequenceTimeout = 0.5
    expected.digits = .views
    #expect(result.config.settings == expected)
    #expect(result.config.explicitSettings == Set(Setting.all.map(\.name)))
  }

  @Test(arguments: [
    ("clipboard: osc52", ClipboardChoice.osc52), ("clipboard: off", .off), ("clipboard: false", .off),
    ("clipboard: auto", .automatic), ("clipboard: wl-copy", .program("wl-copy")),
  ])
  func clipboardMethods(line: String, expected: ClipboardChoice) {
    let result = parse(line)
    #expect(result.problems.isEmpty)
    #expect(result.config.settings.clipboard == expected)
  }

  @Test(arguments: [
    (
      "mouse: maybe",
      "config.yaml:1:8: error: mouse: expected true or false, found \"maybe\"; the default (true) applies"
    ),
    (
      "mouse: \"true\"",
      "config.yaml:1:8: error: mouse: expected true or false, found \"true\"; the default (true) applies"
    ),
    (
      "sort: haet",
      "config.yaml:1:7: error: sort: expected one of newest, oldest, quality, heat, provider, title, found \"haet\"; did you mean \"heat\"?; the default (newest) applies"
    ),
    (
      "mark-read-delay: 90",
      "config.yaml:1:18: error: mark-read-delay: 90 is out of range: expected seconds from 0 to 60; the default (1.5) applies"
    ),
    (
      "mark-read-delay: soon",
      "config.yaml:1:18: error: mark-read-delay: expected seconds from 0 to 60, found \"soon\"; the default (1.5) applies"
    ),
    (
      "mark-read-delay: .nan",
      "config.yaml:1:18: error: mark-read-delay: expected seconds from 0 to 60, found \".nan\"; the default (1.5) applies"
    ),
    (
      "digits: topic",
      "config.yaml:1:9: error: digits: expected one of topics, views, found \"topic\"; did you mean \"topics\"?; the default (topics) applies"
    ),
    (
      "time-zone: Mars/Olympus",
      "config.yaml:1:12: error: time-zone: unknown time zone \"Mars/Olympus\"; the default (system) applies"
    ),
    (
      "date-format: \"%Y %Q\"",
      "config.yaml:1:14: error: date-format: unknown date conversion %Q; known: %Y %y %m %d %e %H %I %M %S %p %b %a %j %z %Z %%; the default (\"%Y-%m-%d %H:%M\") applies"
    ),
    (
      "theme: [dark]",
      "config.yaml:1:8: error: theme: expected text, found a list; the default (dark) applies"
    ),
    (
      "paths: {a: b}",
      "config.yaml:1:8: error: paths: expected a list of paths, found a mapping; the default ([seeds]) applies"
    ),
    (
      "paths:\n  - ok\n  - [nested]",
      "config.yaml:3:5: error: paths: expected a path, found a list; the default ([seeds]) applies"
    ),
    (
      "languages: [en, english]",
      "config.yaml:1:17: error: languages: expected a language tag such as en or pt-BR, found \"english\"; the default (system) applies"
    ),
    ("theme:", "config.yaml:1:7: warning: \"theme\" has no value; the default (dark) applies"),
    ("thme: light", "config.yaml:1:1: warning: unknown setting \"thme\"; did you mean \"theme\"?"),
    (
      "mark-read-dealy: 2",
      "config.yaml:1:1: warning: unknown setting \"mark-read-dealy\"; did you mean \"mark-read-delay\"?"
    ),
    ("key:\n  global: {}", "config.yaml:1:1: warning: unknown setting \"key\"; did you mean \"keys\"?"),
    ("colour-scheme: x", "config.yaml:1:1: warning: unknown setting \"colour-scheme\""),
    ("- theme", "config.yaml:1:1: error: a config file is a mapping of settings (name: value); found a list"),
    ("? [a]\n: b", "config.yaml:1:3: error: a setting name must be text, found a list"),
  ])
  func eachProblemHasItsPosition(text: String, expected: String) {
    #expect(problems(text) == [expected])
  }

  @Test func aBrokenValueLeavesTheOtherSettingsApplied() {
    let result = parse("theme: light\nsort: sideways\nmouse: off\n")
    #expect(result.config.settings.theme == "light")
    #expect(result.config.settings.sort == .newest)
    #expect(result.config.settings.mouse == false)
    #expect(result.config.explicitSettings == ["theme", "mouse"])
    #expect(result.hasErrors)
  }

  @Test func aSettingGivenTwiceWarnsAndTheLaterWins() {
    let result = parse("sort: heat\nsort: title\n")
    #expect(result.config.settings.sort == .title)
    #expect(
      problems("sort: heat\nsort: title\n") == [
        "config.yaml:2:1: warning: \"sort\" is set twice (first on line 1); the later one applies"
      ])
    // A broken later value does not leave the earlier one in force: the message promises the default.
    #expect(parse("sort: heat\nsort: 3\n").config.settings.sort == .newest)
  }

  @Test func aSyntaxErrorKeepsWhatCameBeforeIt() {
    let result = parse("theme: light\nsort: heat\nmouse: [off\nwatch: false\n")
    #expect(result.config.settings.theme == "light")
    #expect(result.config.settings.sort == .heat)
    #expect(result.config.settings.watch == true)
    #expect(result.problems.count == 1)
    let problem = result.problems[0]
    #expect(problem.severity == .error)
    #expect(problem.line == 4)
    #expect(problem.message.hasSuffix("; the settings from here on keep their defaults"))
  }

  @Test func invalidUTF8IsAnErrorWithAPosition() {
    let bytes = Array("theme: light\nsort: ".utf8) + [0xFF, 0x0A]
    let result = ConfigParser().parse(bytes, path: "c.yaml")
    #expect(result.config.settings.theme == "light")
    #expect(
      result.problems.map(\.description) == [
        "c.yaml:2:7: error: invalid UTF-8, read as U+FFFD",
        "c.yaml:2:7: error: sort: expected one of newest, oldest, quality, heat, provider, title, found \"\u{FFFD}\"; the default (newest) applies",
      ])
  }

  @Test func theDefaultConfigParsesToTheDefaultsWithoutProblems() {
    let result = parse(DefaultConfig.text)
    #expect(result.problems.isEmpty)
    #expect(result.config.settings == ReaderSettings())
    #expect(result.config.keys.isEmpty && result.config.views.isEmpty)
    for setting in Setting.all {
      #expect(DefaultConfig.text.contains("\n\(setting.name): \(setting.defaultText)\n"))
    }
  }

  @Test func languagesDefaultFromTheLocaleEnvironment() {
    #expect(LanguageChoice.system.resolved(environment: ["LANG": "de_DE.UTF-8"]) == ["de"])
    #expect(LanguageChoice.system.resolved(environment: ["LANG": "C.UTF-8"]) == [])
    #expect(LanguageChoice.system.resolved(environment: ["LC_ALL": "fr_CA", "LANG": "de_DE"]) == ["fr"])
    #expect(
      LanguageChoice.system.resolved(environment: ["LANGUAGE": "pt_BR:en", "LANG": "de_DE"]) == ["pt", "en"])
    #expect(LanguageChoice.system.resolved(environment: [:]) == [])
    #expect(LanguageChoice.list(["ja"]).resolved(environment: ["LANG": "de_DE"]) == ["ja"])
  }

  @Test func nearestNamesAllowOneSlipPerThreeCharacters() {
    #expect(NearestName.editDistance("mvoe-down", "move-down") == 1)
    #expect(NearestName.editDistance("kitten", "sitting") == 3)
    #expect(NearestName.suggestion(for: "qiut", among: ["quit", "help"]) == "quit")
    #expect(NearestName.suggestion(for: "zz", among: ["quit", "help"]) == nil)
  }
}
