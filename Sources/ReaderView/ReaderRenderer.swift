import ReaderState
import ScreenKit

/// Draws the reader: a pure function from (state, theme, size, now) to a grid of cells.
///
/// Rendering never changes the state; it reads only the rows on screen, so a frame costs the same for ten
/// articles or a hundred thousand. All text goes through `Grid.put`, which fits it by columns at grapheme
/// boundaries and drops control characters. What does not change from one frame to the next (wrapped
/// details, list and story rows) can be kept in a `FrameCache`, which changes a frame's cost, never its
/// cells.
public enum ReaderRenderer {
  /// The whole screen for `state` at `size`; `now` (seconds since 1970) dates articles and expires the
  /// status message; every key named on screen is named as `keyMap` binds it; dates are shown in
  /// `timeZone`; `pendingKeys` names the keys of a sequence pressed so far (`g`), shown until it completes;
  /// `cache`, when given, keeps what the next frame of the same screen can reuse.
  public static func render(
    _ state: ReaderModel, theme: Theme, keyMap: KeyMap, size: Size, now: Double,
    timeZone: DisplayTimeZone = .utc, glyphs: ReadingGlyphs = .unicode, pendingKeys: String? = nil,
    cache: FrameCache? = nil
  ) -> Grid {
    let highlightTerms = state.search.mode == .off ? [] : state.listing.highlightTerms
    cache?.begin(
      catalog: state.listing.catalog,
      shared: FrameCache.Shared(
        theme: theme, glyphs: glyphs, timeZone: timeZone, highlightTerms: highlightTerms))
    let layout = ReaderLayout.fitted(
      to: state, size: size, keyMap: keyMap, timeZone: timeZone, cache: cache)
    var canvas = Canvas(
      grid: Grid(size: size, style: theme.style(.normal)), state: state, theme: theme, keyMap: keyMap,
      layout: layout, now: now, timeZone: timeZone, glyphs: glyphs, pendingKeys: pendingKeys,
      highlightTerms: highlightTerms, cache: cache)
    canvas.draw()
    return canvas.grid
  }

  /// "loading…", with the files read so far once the loader has reported them; "reading details…" once
  /// every record is listed from the listing beside the index and the records are still being decoded.
  static func loadingText(_ state: ReaderModel) -> String {
    if state.loading.listsListingOnly { return "reading details…" }
    guard let progress = state.loading.progress, progress.filesTotal > 0 else { return "loading…" }
    return "loading \(DateText.grouped(progress.filesRead))/\(DateText.grouped(progress.filesTotal)) files…"
  }
}

/// One frame being drawn: the grid and everything the pane renderers read.
struct Canvas {
  var grid: Grid
  let state: ReaderModel
  let theme: Theme
  /// Where every key name on screen comes from.
  let keyMap: KeyMap
  let layout: ReaderLayout
  let now: Double
  /// Where dates are shown in.
  let timeZone: DisplayTimeZone
  /// The unread and starred marks, ASCII when the locale is not UTF-8.
  let glyphs: ReadingGlyphs
  /// The keys of a sequence waiting for the rest, as help writes them; nil when none wait.
  let pendingKeys: String?
  /// The folded words and phrases of the listed query (none while no query is kept or typed).
  let highlightTerms: [String]
  /// What earlier frames of this screen drew that this one may reuse; nil draws everything afresh.
  let cache: FrameCache?
  /// Where the status bar drew each character of the query being typed (by position; the end too), so
  /// the message bar can put a caret under an offending one.
  var queryColumns: [Int: Int] = [:]

  mutating func draw() {
    guard layout.mode != .tooSmall else {
      drawTooSmall()
      return
    }
    drawHeader()
    if let view = state.readingView {
      drawReader(view)
      drawReadingBar()
      drawMessageBar()
      if let overlay = state.overlays.current { drawOverlay(overlay) }
      return
    }
    switch layout.mode {
    case .wide:
      for row in 0..<layout.separator.rows {
        grid.put("│", row: layout.separator.row + row, column: layout.separator.column, style: style(.border))
      }
      for pane in Pane.allCases { drawTitle(of: pane) }
    case .tabs:
      drawTabs()
    case .tooSmall:
      break
    }
    if layout.shows(.articles) { drawArticles() }
    if layout.shows(.details) { drawDetails(in: layout.details.content) }
    if layout.showsPreview {
      drawTitle(layout.preview.title, label: "  " + paneTitle(.details) + " ", focused: false)
      drawDetails(in: layout.preview.content)
    }
    if layout.shows(.related) { drawRelated() }
    drawStatusBar()
    drawMessageBar()
    if let overlay = state.overlays.current { drawOverlay(overlay) }
  }

  func style(_ role: ThemeRole) -> Style { theme.style(role) }

  private mutating func drawTooSmall() {
    let minimum = ReaderLayout.minimumSize
    let needed = "\(minimum.columns)x\(minimum.rows)"
    let now = "(now \(grid.size.columns)x\(grid.size.rows))"
    // The fullest wording that fits, down to just the size needed on a terminal of a row or two.
    let candidates = [
      TextLayout.wrap("Terminal too small: need at least \(needed)", columns: grid.size.columns) + [now],
      TextLayout.wrap("Too small: need \(needed)", columns: grid.size.columns) + [now],
      TextLayout.wrap("Too small: need \(needed)", columns: grid.size.columns),
      ["need \(needed)"],
    ]
    let lines = candidates.first { $0.count <= grid.size.rows } ?? [needed]
    let top = max(0, (grid.size.rows - lines.count) / 2)
    for (offset, line) in lines.enumerated() {
      let fitted = TextLayout.fit(line, columns: grid.size.columns)
      let column = max(0, (grid.size.columns - DisplayWidth.columns(of: fitted)) / 2)
      grid.put(
        fitted, row: top + offset, column: column, style: style(offset == lines.count - 1 ? .dim : .accent))
    }
  }

  private mutating func drawHeader() {
    let rect = layout.header
    grid.fill(rect, style: style(.header))
    let position = state.listing.listPosition
    var text = "newsreader  "
    var parts: [String] = []
    // During the first load the counts are all zero: the progress says more in the same columns.
    if !(state.loading.isLoading && position.total == 0) {
      parts.append("\(DateText.grouped(position.total)) article\(position.total == 1 ? "" : "s")")
      parts.append("\(DateText.grouped(position.visible)) shown")
    }
    if position.total > 0 {
      let reading = state.reading
      parts.append("\(DateText.grouped(reading.unreadCount)) unread")
      if reading.starredCount > 0 { parts.append("\(DateText.grouped(reading.starredCount)) starred") }
      if reading.newCount > 0 { parts.append("\(DateText.grouped(reading.newCount)) new since last run") }
      switch reading.filter {
      case .all: break
      case .unread: parts.append("unread only")
      case .starred: parts.append("starred only")
      }
    }
    if !state.watch.unseen.isEmpty {
      let key = keyMap.keyName(for: .goToNewestArrival, in: .normal).map { " (\($0))" } ?? ""
      parts.append("\(DateText.grouped(state.watch.unseen.count)) new\(key)")
    }
    if state.loading.diagnosticCount > 0 {
      let count = state.loading.diagnosticCount
      let key = keyMap.keyName(for: .showDiagnostics, in: .normal).map { " (\($0))" } ?? ""
      parts.append("\(DateText.grouped(count)) load problem\(count == 1 ? "" : "s")\(key)")
    }
    if state.loading.isLoading { parts.append(ReaderRenderer.loadingText(state)) }
    var right = ""
    if let selected = position.selected {
      right = "\(DateText.grouped(selected))/\(DateText.grouped(position.visible)) "
    }
    let rightColumns = right.utf8.count
    // The path gets the columns the counts and the position leave (at least 12), not a fixed share.
    if let source = state.loading.sourceName {
      let others = parts.reduce(0) { $0 + DisplayWidth.columns(of: $1) + 3 }
      let room = rect.columns - 2 - DisplayWidth.columns(of: text) - others - (rightColumns + 3)
      parts.insert(TextLayout.fit(source, columns: max(12, room)), at: 0)
    }
    text += parts.joined(separator: " · ")
    let used = grid.put(
      text, row: rect.row, column: rect.column + 1, maxColumns: rect.columns - 2, style: style(.header))
    if rightColumns > 0, used + rightColumns + 3 <= rect.columns {
      grid.put(right, row: rect.row, column: rect.endColumn - rightColumns, style: style(.header))
    }
  }

  /// Wide mode: "▸ Articles ──────" with the focused pane marked and named in the title style.
  private mutating func drawTitle(of pane: Pane) {
    let focused = state.listing.focus == pane && state.overlays.current == nil
    drawTitle(
      layout.frame(of: pane).title, label: (focused ? "▸ " : "  ") + paneTitle(pane) + " ", focused: focused)
  }

  private mutating func drawTitle(_ rect: Rect, label: String, focused: Bool) {
    guard !rect.isEmpty else { return }
    grid.put(
      String(repeating: "─", count: rect.columns), row: rect.row, column: rect.column, style: style(.border))
    grid.put(
      label, row: rect.row, column: rect.column, maxColumns: rect.columns,
      style: style(focused ? .paneTitle : .dim))
  }

  private func paneTitle(_ pane: Pane) -> String {
    switch pane {
    case .articles:
      if state.stories.isShown { return "Stories (\(DateText.grouped(state.stories.rows.count)))" }
      return state.stories.opened != nil ? "Articles of one story" : "Articles"
    case .details:
      return state.listing.detailsShowsRelated && state.listing.selectedRelated != nil
        ? "Details of related item" : "Details"
    case .related:
      let count = state.listing.relatedItems.count
      return count == 0 ? "Related coverage" : "Related coverage (\(count))"
    }
  }

  /// Tabs mode: the three panes named on one row, the shown one in the selected style.
  private mutating func drawTabs() {
    let rect = layout.tabBar
    grid.put(
      String(repeating: "─", count: rect.columns), row: rect.row, column: rect.column, style: style(.border))
    for tab in layout.tabs {
      var label = tab.label
      if tab.pane == .related, !state.listing.relatedItems.isEmpty {
        label = " Related (\(state.listing.relatedItems.count)) "
      }
      if tab.pane == .articles, state.stories.isShown { label = " Stories " }
      let shown = tab.pane == state.listing.focus
      grid.put(
        label, row: rect.row, column: tab.columns.lowerBound,
        maxColumns: rect.endColumn - tab.columns.lowerBound,
        style: style(shown ? .selected : .dim))
    }
  }

  /// Fills `rect` with a short centered message, word-wrapped, for an empty pane.
  mutating func drawEmpty(_ lines: [String], in rect: Rect, role: ThemeRole = .dim) {
    let wrapped = lines.flatMap { TextLayout.wrap($0, columns: max(1, rect.columns - 2)) }
    let top = rect.row + max(0, min(2, (rect.rows - wrapped.count) / 2))
    for (offset, line) in wrapped.enumerated() where offset < rect.rows {
      grid.put(
        line, row: top + offset, column: rect.column + 1, maxColumns: rect.columns - 2, style: style(role))
    }
  }
}
