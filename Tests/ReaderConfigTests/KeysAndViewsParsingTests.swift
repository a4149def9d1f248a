import NewsCore
import ReaderConfig
import ScreenKit
import Testing

/// The `keys:` and `views:` sections: bindings with their contexts, problems at the offending spot.
@Suite struct KeysAndViewsParsingTests {
  let known = ["quit", "move-down", "move-up", "move-to-top", "toggle-read", "copy-link", "help"]

  func parse(_ text: String, known: [String]? = nil, checkQuery: (@Sendable (String) -> String?)? = nil)
    -> ConfigParser.Result
  {
    ConfigParser(knownActions: known, checkQuery: checkQuery).parse(text, path: "c.yaml")
  }

  @Test func bindingsKeepContextSequenceActionsAndPosition() throws {
    let result = parse(
      """
      keys:
        global:
          ctrl-q: quit
        article-list:
          g g: move-to-top
          x: [toggle-read, move-down]
          s: none
      """, known: known)
    #expect(result.problems.isEmpty)
    #expect(
      result.config.keys == [
        ConfiguredBinding(
          context: .global, sequence: try KeySequence(parsing: "ctrl-q"), actions: ["quit"], line: 3,
          column: 5),
        ConfiguredBinding(
          context: .articleList, sequence: try KeySequence(parsing: "g g"), actions: ["move-to-top"], line: 5,
          column: 5),
        ConfiguredBinding(
          context: .articleList, sequence: KeySequence([.character("x")]),
          actions: ["toggle-read", "move-down"],
          line: 6, column: 5),
        ConfiguredBinding(
          context: .articleList, sequence: KeySequence([.character("s")]), actions: [], line: 7, column: 5),
      ])
    #expect(result.config.keys[3].unbinds)
  }

  @Test func everyContextNameIsAccepted() {
    let text = "keys:\n" + BindingContext.allCases.map { "  \($0.rawValue):\n    f2: help\n" }.joined()
    let result = parse(text, known: known)
    #expect(result.problems.isEmpty)
    #expect(result.config.keys.map(\.context) == BindingContext.allCases)
  }

  @Test(arguments: [
    (
      "keys:\n  global:\n    j: mvoe-down",
      "c.yaml:3:8: error: unknown action \"mvoe-down\"; did you mean \"move-down\"?"
    ),
    (
      "keys:\n  global:\n    j: [move-down, qiut]",
      "c.yaml:3:20: error: unknown action \"qiut\"; did you mean \"quit\"?"
    ),
    ("keys:\n  global:\n    j: frobnicate", "c.yaml:3:8: error: unknown action \"frobnicate\""),
    (
      "keys:\n  global:\n    j: []",
      "c.yaml:3:8: error: an empty list binds nothing; write none to unbind the key"
    ),
    (
      "keys:\n  global:\n    j: {a: b}",
      "c.yaml:3:8: error: expected an action name, a list of action names or none, found a mapping"
    ),
    (
      "keys:\n  articles:\n    j: quit",
      "c.yaml:2:3: error: keys: unknown context \"articles\" (contexts: global, article-list, details, related, search-prompt, pickers)"
    ),
    (
      "keys:\n  detail:\n    j: quit",
      "c.yaml:2:3: error: keys: unknown context \"detail\"; did you mean \"details\"? (contexts: global, article-list, details, related, search-prompt, pickers)"
    ),
    (
      "keys:\n  global:\n    g entr: quit",
      "c.yaml:3:7: error: keys.global: unknown key \"entr\"; did you mean \"enter\"?"
    ),
    (
      "keys:\n  global:\n    \"g ctrl-c\": quit",
      "c.yaml:3:8: error: keys.global: ctrl-c interrupts the reader (SIGINT) and cannot be bound"
    ),
    (
      "keys:\n  global:\n    j: quit\n    J: help\n    j: help",
      "c.yaml:5:5: warning: j is bound twice in global (first on line 3); the later binding applies"
    ),
    ("keys: [j]", "c.yaml:1:7: error: keys: expected a mapping of contexts, found a list"),
    (
      "keys:\n  global: quit",
      "c.yaml:2:11: error: keys.global: expected a mapping of keys to actions, found \"quit\""
    ),
  ])
  func keyProblemsArePositioned(text: String, expected: String) {
    #expect(parse(text, known: known).problems.map(\.description) == [expected])
  }

  @Test func withoutKnownNamesOnlyTheSpellingIsChecked() {
    let result = parse("keys:\n  global:\n    j: anything-at-all\n    k: Move_Up\n")
    #expect(
      result.problems.map(\.description) == [
        "c.yaml:4:8: error: \"Move_Up\" is not an action name (lower-case words joined by -)"
      ])
    #expect(result.config.keys.map(\.actions) == [["anything-at-all"]])
  }

  @Test func aBrokenBindingKeepsTheOthers() {
    let result = parse("keys:\n  global:\n    j: nope\n    k: move-up\n", known: known)
    #expect(result.config.keys.map(\.actions) == [["move-up"]])
  }

  @Test func viewsKeepQueryTextAndKey() throws {
    let result = parse(
      """
      views:
        science:
          query: "topic:science unread"
          key: v s
        everything: "*"
      """)
    #expect(result.problems.isEmpty)
    #expect(
      result.config.views == [
        SavedView(
          name: "science", query: "topic:science unread", key: try KeySequence(parsing: "v s"), line: 2,
          column: 3),
        SavedView(name: "everything", query: "*", key: nil, line: 5, column: 3),
      ])
  }

  @Test(arguments: [
    ("views:\n  a:\n    key: x", "c.yaml:2:3: error: views.a: a view needs a query"),
    (
      "views:\n  a:\n    query: q\n    kee: x",
      "c.yaml:4:5: warning: views.a: unknown field \"kee\"; did you mean \"key\"?"
    ),
    ("views:\n  a:\n    query: q\n    key: ctrl-", "c.yaml:4:10: error: views.a.key: unknown key \"ctrl-\""),
    ("views:\n  a: [q]", "c.yaml:2:6: error: views.a: expected {query: …, key: …}, found a list"),
    (
      "views:\n  a: {query: q, key: x}\n  b: {query: r, key: x}",
      "c.yaml:3:22: warning: views.b.key: x is also the key of view \"a\""
    ),
    (
      "views:\n  a: q\n  a: r",
      "c.yaml:3:3: warning: view \"a\" is defined twice (first on line 2); the later one applies"
    ),
  ])
  func viewProblemsArePositioned(text: String, expected: String) {
    #expect(parse(text).problems.map(\.description) == [expected])
  }

  @Test func theQueryCheckDecidesWhetherAViewIsKept() {
    let result = parse(
      "views:\n  good: {query: \"topic:a\"}\n  bad: {query: \"topic:\"}\n",
      checkQuery: { $0.hasSuffix(":") ? "a field needs a value" : nil })
    #expect(result.config.views.map(\.name) == ["good"])
    #expect(result.problems.map(\.description) == ["c.yaml:3:16: error: views.bad: a field needs a value"])
  }
}
