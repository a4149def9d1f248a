import NewsCore
import ReaderState
import ReaderView
import ScreenKit
import Testing

@Suite struct KeyMapTests {
  let map = KeyMap.standard

  func model() -> ReaderModel {
    let article = Article(
      id: ArticleID("a"), source: RecordSource(path: "a", relativePath: "a", documentIndex: 0, line: 1),
      item: NewsItem(title: "A", topics: ["T"]))
    return ReaderModel(catalog: ArticleCatalog(articles: [article]))
  }

  @Test func defaultNormalKeysMapToTheirActions() {
    let state = model()
    let expected: [(Key, Action)] =
      [
        (.character("j"), .move(.down)), (.down, .move(.down)), (.character("k"), .move(.up)),
        (.up, .move(.up)),
        (.character("g"), .move(.first)), (.home, .move(.first)), (.character("G"), .move(.last)),
        (.end, .move(.last)), (.control("d"), .move(.halfPageDown)), (.control("u"), .move(.halfPageUp)),
        (.pageDown, .move(.pageDown)), (.pageUp, .move(.pageUp)), (.tab, .focusNext),
        (.backTab, .focusPrevious),
        (.character("h"), .focusLeft), (.left, .focusLeft), (.character("l"), .focusRight),
        (.right, .focusRight),
        (.enter, .activate), (.character("/"), .startSearch), (.character("t"), .showTopicPicker),
        (.character("T"), .clearTopics), (.character("s"), .cycleSort), (.character("y"), .copyLink),
        (.character("Y"), .copyMarkdownLink), (.character("o"), .openInBrowser), (.character("r"), .reload),
        (.character("!"), .showDiagnostics), (.character("?"), .showHelp), (.character("q"), .quit),
        (.control("c"), .forceQuit), (.character("Q"), .forceQuit), (.control("l"), .redraw),
        (.escape, .clearSearch), (.backspace, .goBack), (.control("o"), .goBack), (.control("r"), .goForward),
        (.character("N"), .toggleRead), (.character("n"), .nextUnread), (.character("p"), .previousUnread),
        (.character("A"), .markAllShownRead), (.character("u"), .undoMarking), (.character("F"), .toggleStar),
        (.character("U"), .toggleUnreadOnly), (.character("S"), .toggleStarredOnly),
      ] + (1...9).map { (Key.character(Character(String($0))), Action.toggleTopicShortcut($0)) }
    for (key, action) in expected {
      #expect(map.action(for: key, in: state) == action, "\(key)")
    }
    #expect(map.action(for: .character("z"), in: state) == nil)
  }

  /// One key, one action per context: a new row must not shadow an existing one.
  @Test func noKeyIsBoundTwiceInOneContext() {
    var seen: [String: Action?] = [:]
    for binding in map.bindings {
      let key = "\(binding.context) \(binding.pattern)"
      if let earlier = seen[key] {
        #expect(earlier == binding.action, "\(key) bound twice")
      }
      seen[key] = binding.action
    }
  }

  @Test func enterDependsOnFocus() {
    var state = model()
    state.listing.focus = .details
    #expect(map.action(for: .enter, in: state) == nil)
    state.listing.focus = .related
    #expect(map.action(for: .enter, in: state) == .activate)
  }

  @Test func searchEditingTakesPrintableCharacters() {
    var state = model()
    state.apply(.startSearch, now: 0)
    #expect(map.action(for: .character("q"), in: state) == .searchInsert("q"))
    #expect(map.action(for: .character("東"), in: state) == .searchInsert("東"))
    #expect(map.action(for: .character(" "), in: state) == .searchInsert(" "))
    #expect(map.action(for: .backspace, in: state) == .searchDeleteBackward)
    #expect(map.action(for: .enter, in: state) == .commitSearch)
    #expect(map.action(for: .escape, in: state) == .cancelSearch)
    #expect(map.action(for: .control("c"), in: state) == .forceQuit)
  }

  @Test func overlaysHaveTheirOwnKeys() {
    var state = model()
    state.apply(.showTopicPicker, now: 0)
    #expect(map.action(for: .character("j"), in: state) == .move(.down))
    #expect(map.action(for: .character(" "), in: state) == .togglePickerTopic)
    #expect(map.action(for: .enter, in: state) == .togglePickerTopic)
    #expect(map.action(for: .escape, in: state) == .closeOverlay)
    #expect(map.action(for: .character("q"), in: state) == .closeOverlay)
    #expect(map.action(for: .character("s"), in: state) == nil)
    state.apply(.closeOverlay, now: 0)
    state.apply(.showHelp, now: 0)
    #expect(map.action(for: .character("?"), in: state) == .closeOverlay)
    state.apply(.closeOverlay, now: 0)
    state.apply(.showDiagnostics, now: 0)
    #expect(map.action(for: .character("!"), in: state) == .closeOverlay)
    #expect(map.action(for: .control("l"), in: state) == .redraw)
  }

  @Test func helpListsEveryBinding() {
    let lines = map.helpLines()
    for binding in map.bindings {
      let label = KeyMap.label(for: binding.pattern)
      let line = lines.first { $0.context == binding.context && $0.help == binding.help }
      #expect(line?.keys.components(separatedBy: ", ").contains(label) == true, "\(label): \(binding.help)")
    }
    #expect(
      lines.contains {
        $0.keys == "j, ↓" && $0.help == "Down (scrolls the details pane)" && $0.context == .normal
      })
  }

  @Test func hintsComeFromTheTableForTheCurrentContext() {
    var state = model()
    #expect(
      map.hints(for: state).map { "\($0.keys) \($0.text)" }.prefix(4) == [
        "Tab pane", "/ search", "t topics", "s sort",
      ])
    state.apply(.startSearch, now: 0)
    #expect(map.hints(for: state).map(\.text) == ["keep", "cancel"])
  }

  @Test func goToArticleIsHintedOnlyOnALinkedRelatedItem() {
    func source(_ name: String) -> RecordSource {
      RecordSource(path: name, relativePath: name, documentIndex: 0, line: 1)
    }
    let linked = "https://example.org/b"
    let first = Article(
      id: ArticleID("a"), source: source("a"), item: NewsItem(title: "A", webUrl: "https://example.org/a"),
      related: [
        NewsItem(title: "Elsewhere", webUrl: "https://example.org/not-loaded"),
        NewsItem(title: "Also loaded", webUrl: linked),
      ])
    let second = Article(id: ArticleID("b"), source: source("b"), item: NewsItem(title: "B", webUrl: linked))
    var state = ReaderModel(catalog: ArticleCatalog(articles: [first, second]))
    state.apply(.focus(.related), now: 0)
    #expect(!map.hints(for: state).contains { $0.text == "go to article" })
    state.apply(.move(.down), now: 0)
    #expect(map.hints(for: state).first.map { "\($0.keys) \($0.text)" } == "Enter go to article")
  }

  @Test func labelsNameKeysTheWayHelpShowsThem() {
    #expect(KeyMap.label(for: .key(.control("d"))) == "Ctrl-D")
    #expect(KeyMap.label(for: .key(.character(" "))) == "Space")
    #expect(KeyMap.label(for: .key(.backTab)) == "Shift-Tab")
    #expect(KeyMap.label(for: .anyCharacter) == "type")
  }
}

/// Keys become remappable: every key named on screen (hints, help, empty-list advice, the header, the
/// details text) must come from the key map the renderer is given, never from the standard one.
@Suite struct RemappedKeyTests {
  /// The standard map with `!`, `r`, `T`, `?` and the related list's Enter bound to other keys.
  static let remapped: KeyMap = {
    let moved: [(Action, Key)] = [
      (.showDiagnostics, .character("p")), (.reload, .character("R")), (.clearTopics, .character("X")),
      (.showHelp, .function(1)), (.activate, .character("g")),
    ]
    var bindings = KeyMap.standard.bindings
    for index in bindings.indices {
      guard let action = bindings[index].action, let key = moved.first(where: { $0.0 == action })?.1
      else { continue }
      guard bindings[index].context == .normal || bindings[index].context == .focused(.related) else {
        continue
      }
      bindings[index].pattern = .key(key)
    }
    return KeyMap(bindings: bindings)
  }()

  func text(_ state: ReaderModel, size: Size = Size(columns: 120, rows: 40)) -> String {
    ReaderRenderer.render(
      state, theme: .monochrome, keyMap: Self.remapped, size: size, now: ReaderFixtures.now
    )
    .framedText
  }

  @Test func theEmptyListAndTheHeaderNameTheRemappedKeys() {
    var state = ReaderModel(catalog: ArticleCatalog(articles: []), diagnostics: ReaderFixtures.diagnostics)
    state.apply(.resize(TerminalSize(columns: 120, rows: 40)), now: 0)
    let screen = text(state)
    #expect(screen.contains("p shows 3 load problems") && screen.contains("3 load problems (p)"))
    #expect(!screen.contains("! shows") && !screen.contains("(!)"))
    var clean = ReaderModel(catalog: ArticleCatalog(articles: []))
    clean.apply(.resize(TerminalSize(columns: 120, rows: 40)), now: 0)
    #expect(text(clean).contains("R reloads"))
  }

  @Test func noMatchAdviceAndHintsNameTheRemappedKeys() {
    var state = ReaderFixtures.state(size: Size(columns: 120, rows: 40))
    state.apply(.toggleTopic("AI"), now: 0)
    state.apply(.startSearch, now: 0)
    state.apply(.searchInsert("zzzz"), now: 0)
    state.apply(.commitSearch, now: 0)
    let screen = text(state)
    #expect(screen.contains("No article matches — X clears the topic terms, Esc"))
    #expect(screen.contains("F1 help") && !screen.contains("? help"))
  }

  @Test func theDetailsTextNamesTheRemappedKey() {
    let state = ReaderFixtures.applying(
      [.focus(.related), .move(.down), .move(.down)],
      to: ReaderFixtures.state(size: Size(columns: 120, rows: 40)),
      size: Size(columns: 120, rows: 40))
    guard state.listing.selectedRelatedIsLoaded else {
      Issue.record("the fixture's second related item should be a loaded article")
      return
    }
    let screen = text(state)
    #expect(screen.contains("Also a loaded article: g goes there"))
    #expect(screen.contains("g go to article"))
  }

  /// A key map without a key for an action leaves the advice out instead of naming a key that does nothing.
  @Test func anUnboundActionIsNotAdvised() {
    let bindings = KeyMap.standard.bindings.filter { $0.action != .reload }
    var state = ReaderModel(catalog: ArticleCatalog(articles: []))
    state.apply(.resize(TerminalSize(columns: 120, rows: 40)), now: 0)
    let screen = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: KeyMap(bindings: bindings), size: Size(columns: 120, rows: 40),
      now: 0
    ).framedText
    #expect(screen.contains("No articles loaded") && !screen.contains("reloads"))
  }
}
