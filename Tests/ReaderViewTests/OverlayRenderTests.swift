import NewsCore
import ReaderState
@testable import ReaderView
import ScreenKit
import Testing

/// Overlays as a user meets them: long lists say where they are, and nothing of the panes leaks beside them.
@Suite struct OverlayRenderTests {
  /// 30 articles, article n having topics "Topic n" and "Shared", so the picker lists 31 topics.
  static func manyTopicsState(size: Size) -> ReaderModel {
    let articles = (0..<30).map { number in
      ReaderFixtures.article(
        "a\(number)", title: "Article \(number)", provider: "P", domain: "p.example",
        date: ReaderFixtures.date("2021-03-01T00:00:00Z", 1_614_556_800 + Double(number)),
        topics: [String(format: "Topic %02d", number), "Shared"], url: "https://p.example/\(number)")
    }
    var state = ReaderModel(catalog: ArticleCatalog(articles: articles), diagnostics: [])
    state.apply(.resize(TerminalSize(columns: size.columns, rows: size.rows)), now: ReaderFixtures.now)
    return state
  }

  @Test func topicPickerLongerThanItsBoxShowsThePosition() {
    let size = Size(columns: 80, rows: 24)
    var state = Self.manyTopicsState(size: size)
    state.apply(.showTopicPicker, now: ReaderFixtures.now)
    let top = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now
    ).rowText(1)
    #expect(top.hasSuffix(" 1/31 ─┐ "))
    #expect(top.hasPrefix(" ┌─ Topics "))
    state.apply(.move(.last), now: ReaderFixtures.now)
    let bottom = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    #expect(bottom.rowText(1).hasSuffix(" 31/31 ─┐ "))
    // The last topic is on screen, on the last content row.
    #expect(bottom.rowText(20).contains("Topic"))
  }

  @Test func theLoadProblemsSayHowMuchTheIndexGave() {
    let size = Size(columns: 120, rows: 40)
    var state = Self.manyTopicsState(size: size)
    let generation = state.loading.start()
    state.apply(.loaded(state.listing.catalog, [], generation: generation), now: ReaderFixtures.now)
    state.apply(.loadStatistics("parsed 1, reused 29", generation: generation), now: ReaderFixtures.now)
    // A stale load's figures are not taken.
    state.apply(.loadStatistics("parsed 30, reused 0", generation: generation - 1), now: ReaderFixtures.now)
    state.apply(.showDiagnostics, now: ReaderFixtures.now)
    let top = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now
    ).rowText(1)
    #expect(top.contains("Load problems (0) · parsed 1, reused 29"), "\(top)")
    // A load of watched changes started before the figures came does not make them stale, nor does it
    // replace them when it finishes.
    let whole = state.loading.start()
    let change = state.loading.start(whole: false)
    state.apply(.loadStatistics("parsed 0, reused 30", generation: whole), now: ReaderFixtures.now)
    state.loading.finish(diagnostics: [])
    #expect(change > whole)
    #expect(state.loading.indexSummary == "parsed 0, reused 30")
    // A new whole load forgets the last one's figures until it says its own.
    _ = state.loading.start()
    #expect(state.loading.indexSummary == nil)
  }

  @Test func shortOverlayListHasNoPosition() {
    let size = Size(columns: 80, rows: 24)
    let state = ReaderFixtures.applying([.showTopicPicker], to: ReaderFixtures.state(size: size), size: size)
    let top = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now
    ).rowText(1)
    #expect(top == " ┌─ Topics " + String(repeating: "─", count: 67) + "┐ ")
  }

  @Test(arguments: [Overlay.help, .topicPicker, .diagnostics])
  func textInsideTheBoxKeepsTheOverlayBackground(_ overlay: Overlay) {
    let size = Size(columns: 80, rows: 24)
    let background = Color.palette(235)
    let theme = Theme(
      name: "test",
      styles: [.overlay: Style(background: background), .accent: Style(foreground: .yellow)],
      base: .builtInDark)
    let action: Action =
      overlay == .help ? .showHelp : overlay == .topicPicker ? .showTopicPicker : .showDiagnostics
    let state = ReaderFixtures.applying([action], to: ReaderFixtures.state(size: size), size: size)
    let grid = ReaderRenderer.render(
      state, theme: theme, keyMap: .standard, size: size, now: ReaderFixtures.now)
    let box = ReaderLayout(size: size).overlay
    let selection = theme.style(.selected).background
    for row in box.row..<box.endRow {
      for column in box.column..<box.endColumn {
        let cellBackground = grid[row, column].style.background
        #expect(
          cellBackground == background || cellBackground == selection,
          "row \(row) column \(column) has background \(cellBackground)")
      }
    }
  }

  @Test func panesDoNotPeekBesideANarrowOverlay() {
    let size = Size(columns: 80, rows: 24)
    let state = ReaderFixtures.applying([.showHelp], to: ReaderFixtures.state(size: size), size: size)
    let grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    for row in 1..<22 {
      #expect(grid[row, 0].text == " " && grid[row, 79].text == " ", "row \(row): \(grid.rowText(row))")
    }
  }
}

/// The key hints row keeps the way to the help when the terminal is too narrow for every hint.
@Suite struct HintRowTests {
  static let hints = [
    KeyHint(keys: "Tab", text: "pane"), KeyHint(keys: "/", text: "search"),
    KeyHint(keys: "t", text: "topics"),
    KeyHint(keys: "?", text: "help", action: .showHelp), KeyHint(keys: "q", text: "quit"),
  ]

  @Test func everyHintWhenThereIsRoom() {
    #expect(Canvas.fittingHints(Self.hints, columns: 80) == Self.hints)
  }

  @Test func helpReplacesTheLastHintsThatDoNotFit() {
    // "Tab pane  / search  t topics" is 28 columns; "? help" needs 2 + 6 more.
    let fitted = Canvas.fittingHints(Self.hints, columns: 30)
    #expect(fitted.map(\.text) == ["pane", "search", "help"])
    #expect(Canvas.fittingHints(Self.hints, columns: 6).map(\.text) == ["help"])
    #expect(Canvas.fittingHints(Self.hints, columns: 5).isEmpty)
  }

  @Test func relatedPaneAt80ColumnsStillShowsHelp() {
    let size = Size(columns: 80, rows: 24)
    // The third related item is also an article, so Enter has somewhere to go and says so.
    let state = ReaderFixtures.applying(
      [.activate, .move(.down), .move(.down)], to: ReaderFixtures.state(size: size), size: size)
    #expect(state.listing.relatedList.selection == 2)
    let row = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now
    ).rowText(
      23)
    #expect(row.hasPrefix(" Enter go to article  Tab pane"))
    #expect(row.contains("? help"))
  }
}

/// Load problems keep their message readable when the path is long.
@Suite struct DiagnosticLineTests {
  let deep = Diagnostic(
    path: "seeds/a/very/deeply/nested/directory/record.md", line: 1, column: 2, severity: .warning,
    message: "unknown field kept as text: sponsoredBy")

  @Test func fittingLineIsUnchanged() {
    #expect(Canvas.diagnosticLine(deep, columns: 200) == deep.description)
  }

  @Test func longPathGivesWayFromItsStart() {
    let line = Canvas.diagnosticLine(deep, columns: 76)
    #expect(line == "…d/directory/record.md:1:2: warning: unknown field kept as text: sponsoredBy")
    #expect(DisplayWidth.columns(of: line) == 76)
  }

  /// A problem of the whole file has no location, shortened or not (issue 8: no `0:0`).
  @Test func wholeFileProblemWithALongPathHasNoLocation() {
    let whole = Diagnostic(
      path: "seeds/a/very/deeply/nested/directory/record.md", line: 0, column: 0, severity: .error,
      message: "cannot open: Permission denied")
    let line = Canvas.diagnosticLine(whole, columns: 60)
    #expect(line == "…/directory/record.md: error: cannot open: Permission denied")
    #expect(DisplayWidth.columns(of: line) == 60)
    #expect(!line.contains(":0:0"))
  }

  @Test func tooNarrowForAFileNameCutsAtTheEnd() {
    #expect(Canvas.diagnosticLine(deep, columns: 36) == deep.description)
  }
}
