import NewsCore
import ReaderConfig
import ReaderState
import ReaderView
import ScreenKit
import Testing

/// The key map in effect: the standard keys with the config's `keys:` applied, and the names that bind them.
@Suite struct KeyMapConfigTests {
  static func configured(_ yaml: String) -> (keyMap: KeyMap, problems: [Diagnostic]) {
    let parsed = ConfigParser().parse(yaml, path: "config.yaml")
    #expect(parsed.problems.isEmpty, "\(parsed.problems)")
    return KeyMap.configured(keys: parsed.config.keys, sequenceTimeout: 1.0, path: "config.yaml")
  }

  @Test func everyActionOfTheStandardKeysHasAName() {
    for binding in KeyMap.standard.bindings {
      guard let action = binding.action else { continue }
      #expect(KeyMap.name(of: action) != nil, "\(action) (\(binding.help)) has no action name")
    }
  }

  @Test func actionNamesAreUniqueKebabCaseAndIncludeTheIssuesOnes() {
    let names = KeyMap.actionNames
    #expect(Set(names).count == names.count)
    for name in names {
      #expect(name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, "\(name)")
    }
    for name in [
      "quit", "move-down", "move-up", "copy-link", "copy-markdown-link", "open-link", "search", "reload",
      "help",
    ] {
      #expect(names.contains(name), "\(name)")
    }
    #expect(KeyMap.action(named: "open-link") == .openInBrowser)
    #expect(KeyMap.name(of: .move(.down)) == "move-down")
  }

  @Test func rebindingQuitShowsTheNewKeyInHelpAndHints() {
    let (map, problems) = Self.configured(
      """
      keys:
        global:
          x: quit
          q: none
      """)
    #expect(problems.isEmpty)
    let size = Size(columns: 120, rows: 30)
    let state = ReaderFixtures.state(size: size)
    #expect(map.action(for: .character("x"), in: state) == .quit)
    #expect(map.action(for: .character("q"), in: state) == nil)
    #expect(map.helpLines().contains { $0.keys == "x" && $0.help.lowercased().hasSuffix("quit") })
    #expect(
      !map.helpLines().contains {
        $0.keys.split(separator: ",").contains("q") && $0.help.lowercased().hasSuffix("quit")
      })
    let frame = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: map, size: size, now: ReaderFixtures.now)
    let hints = frame.rowText(size.rows - 1)
    #expect(hints.contains("x quit") && !hints.contains("q quit"), "\(hints)")
    let help = ReaderFixtures.applying([.showHelp], to: state, size: size)
    let helpFrame = ReaderRenderer.render(
      help, theme: .monochrome, keyMap: map, size: size, now: ReaderFixtures.now)
    let helpText = (0..<size.rows).map { helpFrame.rowText($0) }
    // The help scrolls as one column at this size: what it lists is checked, and that its first screen is drawn.
    #expect(
      map.helpLines().contains { $0.keys == "x" && $0.help.lowercased().hasSuffix("quit") })
    #expect(!helpText.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
  }

  @Test func aPaneContextOverridesAndUnbindsForThatPaneOnly() {
    let (map, _) = Self.configured(
      """
      keys:
        article-list:
          s: none
          J: [move-down, move-down]
      """)
    var state = ReaderFixtures.state(size: Size(columns: 120, rows: 30))
    #expect(map.actions(for: [.character("s")], in: state) == [])
    #expect(map.actions(for: [.character("J")], in: state) == [.move(.down), .move(.down)])
    state.apply(.focusNext, now: ReaderFixtures.now)
    #expect(state.listing.focus == .details)
    #expect(map.action(for: .character("s"), in: state) == .cycleSort)
    #expect(map.helpLines().contains { $0.keys == "J" && $0.help.contains(", then ") })
  }

  @Test func unknownActionNamesAreProblemsAtTheKey() {
    let parsed = ConfigParser().parse("keys:\n  global:\n    z: fly-away\n", path: "config.yaml")
    let (map, problems) = KeyMap.configured(keys: parsed.config.keys, sequenceTimeout: 1, path: "config.yaml")
    #expect(
      problems.map(\.description) == [
        "config.yaml:3:5: error: keys.global: unknown action \"fly-away\"; z keeps its default"
      ])
    #expect(
      map.action(for: .character("z"), in: ReaderFixtures.state(size: Size(columns: 80, rows: 24))) == nil)
  }

  @Test func aSequenceWaitsForItsNextKeyThenRunsItsActions() {
    let (map, _) = Self.configured(
      """
      keys:
        global:
          g g: move-last
      """)
    let state = ReaderFixtures.state(size: Size(columns: 120, rows: 30))
    var pending = PendingKeys()
    #expect(pending.press(.character("g"), at: 10, keyMap: map, state: state) == [])
    #expect(pending.label == "g")
    #expect(pending.press(.character("g"), at: 10.5, keyMap: map, state: state) == [.move(.last)])
    #expect(pending.label == nil)
  }

  @Test func aWaitingPrefixMeansItselfAfterTheTimeoutOrBeforeAnotherKey() {
    let (map, _) = Self.configured(
      """
      keys:
        global:
          g g: move-last
      """)
    let state = ReaderFixtures.state(size: Size(columns: 120, rows: 30))
    var pending = PendingKeys()
    _ = pending.press(.character("g"), at: 10, keyMap: map, state: state)
    #expect(pending.expire(at: 10.9, keyMap: map, state: state) == [])
    #expect(pending.expire(at: 11, keyMap: map, state: state) == [.move(.first)])  // the default g
    _ = pending.press(.character("g"), at: 20, keyMap: map, state: state)
    #expect(
      pending.press(.character("j"), at: 20.1, keyMap: map, state: state) == [.move(.first), .move(.down)])
    #expect(pending.keys.isEmpty)
  }

  @Test func typingASearchIsNotHeldUpByAGlobalSequence() {
    let (map, _) = Self.configured(
      """
      keys:
        global:
          g g: move-last
      """)
    let state = ReaderFixtures.applying(
      [.startSearch], to: ReaderFixtures.state(size: Size(columns: 120, rows: 30)),
      size: Size(columns: 120, rows: 30))
    var pending = PendingKeys()
    #expect(pending.press(.character("g"), at: 1, keyMap: map, state: state) == [.searchInsert("g")])
  }
}
