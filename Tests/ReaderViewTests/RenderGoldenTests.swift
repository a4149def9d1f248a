import NewsCore
import ReaderConfig
import ReaderState
import ReaderView
import ScreenKit
import Testing

/// A screen worth keeping a golden of: the actions that lead there from the freshly loaded fixture.
enum GoldenScenario: String, CaseIterable, Sendable {
  case list, relatedFocused, searchTyping, topicFilter, noMatch, help, diagnostics, scripts, readingView,
    reading
  /// A query that cannot be read: the caret under the offending character, the list as it was.
  case queryError
  /// A kept query: its words highlighted (in the style layer) in the list and the details.
  case highlighted
  /// The domain picker over a kept query, its live counts among the listed.
  case domainPicker
  /// The saved views' picker: the keys that apply them, names (CJK among them), queries, unread and
  /// total counts over every record; one article read, the first view applied.
  case viewPicker

  /// The config's views for this screen (their keys go into the key map).
  var views: [SavedView] {
    guard self == .viewPicker else { return [] }
    return [
      SavedView(name: "AI", query: "topic:AI", key: try? KeySequence(parsing: "g a"), line: 1, column: 1),
      SavedView(name: "日本のニュース", query: "topic:日本", key: nil, line: 2, column: 1),
      SavedView(
        name: "Unread facial recognition", query: "\"facial recognition\" is:unread",
        key: try? KeySequence(parsing: "F2"), line: 3, column: 1),
    ]
  }

  /// The standard keys with the views' keys.
  var keyMap: KeyMap { KeyMap.standard.addingViews(views, digits: .topics, path: "config").keyMap }

  var actions: [Action] {
    switch self {
    case .list: []
    case .relatedFocused: [.activate, .move(.down)]
    case .searchTyping: [.startSearch, .searchInsert("f"), .searchInsert("a"), .searchInsert("c")]
    case .topicFilter: [.toggleTopicShortcut(1), .toggleTopicShortcut(2)]
    case .noMatch: [.toggleTopicShortcut(2), .startSearch, .searchInsert("zebra"), .commitSearch]
    case .help: [.showHelp]
    case .diagnostics: [.showDiagnostics, .move(.down)]
    // The CJK article selected, so the details pane shows CJK text; Arabic and emoji titles are in the list.
    case .scripts: [.move(.down)]
    // The first article read full-screen, its links numbered.
    case .readingView: [.openReader]
    // One article read (plain, no marker), one starred (★ before its title), two new since the last run.
    case .reading:
      [
        .marksLoaded([ReadingMark(id: "cjk", readAt: 1), ReadingMark(id: "arabic", starredAt: 2)]),
        .newSinceLastRun(["clearview", "emoji"]),
      ]
    case .queryError: [.startSearch, .searchInsert("facial"), .searchInsert(" (ai or")]
    case .highlighted: [.startSearch, .searchInsert("facial recognition"), .commitSearch]
    case .domainPicker: [.startSearch, .searchInsert("-zebra"), .commitSearch, .showFacetPicker(.domain)]
    case .viewPicker:
      [.marksLoaded([ReadingMark(id: "cjk", readAt: 1)]), .applyView(1), .showViewPicker, .move(.down)]
    }
  }
}

@Suite struct RenderGoldenTests {
  static let sizes = [Size(columns: 120, rows: 40), Size(columns: 80, rows: 24), Size(columns: 40, rows: 12)]

  static func screen(_ scenario: GoldenScenario, size: Size) -> Grid {
    var start = ReaderFixtures.state(size: size)
    start.adopt(ReaderConfig(views: scenario.views))
    let state = ReaderFixtures.applying(scenario.actions, to: start, size: size)
    return ReaderRenderer.render(
      state, theme: .monochrome, keyMap: scenario.keyMap, size: size, now: ReaderFixtures.now)
  }

  @Test(arguments: GoldenScenario.allCases, sizes)
  func goldenScreen(_ scenario: GoldenScenario, size: Size) {
    GoldenScreen.expect(
      Self.screen(scenario, size: size), named: "\(scenario.rawValue)-\(size.columns)x\(size.rows)")
  }

  @Test func emojiArticleSelectedAt80x24() {
    let size = Size(columns: 80, rows: 24)
    let state = ReaderFixtures.applying(
      [.move(.down), .move(.down), .move(.down), .focusNext], to: ReaderFixtures.state(size: size), size: size
    )
    #expect(state.listing.selectedArticle?.id == ArticleID("emoji"))
    GoldenScreen.expect(
      ReaderRenderer.render(
        state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now),
      named: "emoji-details-80x24")
  }

  /// Where the locale is not UTF-8 the marks are ASCII; without colour they still show (text and bold).
  @Test func readingMarksHaveASCIIFormsAndNeedNoColour() {
    let size = Size(columns: 120, rows: 40)
    let state = ReaderFixtures.applying(
      GoldenScenario.reading.actions, to: ReaderFixtures.state(size: size), size: size)
    let grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now, glyphs: .ascii)
    let rows = grid.framedText.split(separator: "\n").map(String.init)
    let arabic = rows.first { $0.contains("الذكاء") } ?? ""
    let cjk = rows.first { $0.contains("東京で人工知能") && $0.contains("日本経済新聞") } ?? ""
    #expect(arabic.hasPrefix("|*") && arabic.contains(" + "))
    #expect(cjk.hasPrefix("| ") && !cjk.contains("•"))
    #expect(!grid.framedText.contains("•") && !grid.framedText.contains("★"))
    #expect(grid.framedText.contains("6 unread · 1 starred · 2 new since last run"))
    #expect(ReadingGlyphs.forLocale(environment: ["LANG": "en_US.UTF-8"]) == .unicode)
    #expect(ReadingGlyphs.forLocale(environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == .ascii)
    #expect(ReadingGlyphs.forLocale(environment: ["LC_CTYPE": "de_DE.utf8"]) == .unicode)
    #expect(ReadingGlyphs.forLocale(environment: [:]) == .ascii)
  }

  @Test func tooSmallTerminalSaysSoAndRecovers() {
    let small = Size(columns: 30, rows: 8)
    let state = ReaderFixtures.state(size: small)
    let grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: small, now: ReaderFixtures.now)
    GoldenScreen.expect(grid, named: "too-small-30x8")
    #expect(
      grid.framedText.contains("Terminal too small: need at") && grid.framedText.contains("least 40x10"))

    let big = Size(columns: 80, rows: 24)
    var resized = state
    resized.apply(.resize(TerminalSize(columns: 80, rows: 24)), now: ReaderFixtures.now)
    let recovered = ReaderRenderer.render(
      resized, theme: .monochrome, keyMap: .standard, size: big, now: ReaderFixtures.now)
    #expect(!recovered.framedText.contains("too small"))
    #expect(recovered.rowText(0).contains("7 articles"))
  }

  @Test(
    arguments: GoldenScenario.allCases, sizes + [Size(columns: 200, rows: 60), Size(columns: 41, rows: 10)])
  func everyRowCoversExactlyTheGridWidth(_ scenario: GoldenScenario, size: Size) {
    let grid = Self.screen(scenario, size: size)
    for row in 0..<size.rows {
      var columns = 0
      var column = 0
      while column < size.columns {
        let cell = grid[row, column]
        #expect(!cell.isContinuation, "row \(row) column \(column) starts with half a character")
        columns += cell.width
        column += max(1, cell.width)
      }
      #expect(columns == size.columns, "row \(row): \(grid.rowText(row))")
    }
  }

  @Test func selectedRowIsReverseVideoInMonochrome() {
    let size = Size(columns: 120, rows: 40)
    let grid = Self.screen(.list, size: size)
    let layout = ReaderLayout(size: size)
    // Sorted newest first, the first row names the day; the selected article is below it.
    let row = layout.articles.content.row + 1
    #expect(!grid[row - 1, layout.articles.content.column + 1].style.attributes.contains(.reverse))
    #expect(grid[row, layout.articles.content.column + 1].style.attributes.contains(.reverse))
    #expect(!grid[row + 1, layout.articles.content.column + 1].style.attributes.contains(.reverse))
  }

  @Test func renderingNeverChangesTheState() {
    let size = Size(columns: 80, rows: 24)
    let state = ReaderFixtures.applying([.activate], to: ReaderFixtures.state(size: size), size: size)
    let copy = state
    _ = ReaderRenderer.render(
      state, theme: .builtInDark, keyMap: .standard, size: size, now: ReaderFixtures.now)
    #expect(state == copy)
  }

  @Test func expiredStatusMessageIsNotShown() {
    let size = Size(columns: 80, rows: 24)
    let state = ReaderFixtures.applying([.cycleSort], to: ReaderFixtures.state(size: size), size: size)
    let shown = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    #expect(shown.rowText(23).contains("Sorted by oldest"))
    let later = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now + 60)
    #expect(!later.rowText(23).contains("Sorted by"))
    #expect(later.rowText(23).contains("search"))
  }

  @Test func controlSequencesInTitlesNeverReachTheGrid() {
    let hostile = ReaderFixtures.article(
      "hostile", title: "Evil \u{1B}]52;c;aGFjaw==\u{07} title", provider: "X", domain: "x.example",
      date: nil, url: "https://x.example")
    let size = Size(columns: 80, rows: 24)
    var state = ReaderModel(catalog: ArticleCatalog(articles: [hostile]))
    state.apply(.resize(TerminalSize(columns: 80, rows: 24)), now: 0)
    let grid = ReaderRenderer.render(state, theme: .monochrome, keyMap: .standard, size: size, now: 0)
    for cell in grid.cells {
      #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
    }
  }
}
