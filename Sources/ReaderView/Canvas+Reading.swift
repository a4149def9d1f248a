import ReaderState
import ScreenKit

/// The reading view's geometry: the text column, at most `maximumColumns` wide and centred, below the
/// header and above the two status rows.
enum ReadingLayout {
  /// About what newsraft's pager and typographers allow a line.
  static let maximumColumns = 100

  /// The rectangle the text is drawn in on a screen of `size`.
  static func text(in size: Size) -> Rect {
    let columns = max(1, min(maximumColumns, size.columns - 4))
    let rows = max(1, size.rows - 3)
    return Rect(row: 1, column: max(0, (size.columns - columns) / 2), columns: columns, rows: rows)
  }

  /// The reading text of `state` wrapped for `size`.
  static func lines(
    of state: ReaderModel, size: Size, now: Double, keyMap: KeyMap, timeZone: DisplayTimeZone
  ) -> [DetailsText.Line] {
    DetailsText(
      state: state, columns: text(in: size).columns, now: now, keyMap: keyMap, timeZone: timeZone,
      numberedLinks: true
    ).lines
  }
}

extension Canvas {
  /// The full-screen reading view: the item's text centred, scrolled by the view, with its position.
  mutating func drawReader(_ view: ReadingView) {
    let rect = ReadingLayout.text(in: grid.size)
    let lines = ReadingLayout.lines(
      of: state, size: grid.size, now: now, keyMap: keyMap, timeZone: timeZone)
    let offset = view.scroll.offset(lines: lines.count, height: rect.rows)
    for screenRow in 0..<rect.rows {
      let index = offset + screenRow
      guard index < lines.count else { break }
      let used = grid.put(
        lines[index].text, row: rect.row + screenRow, column: rect.column, maxColumns: rect.columns,
        style: style(lines[index].role))
      if let url = lines[index].link, used > 0 {
        grid.hyperlinks.append(
          Hyperlink(row: rect.row + screenRow, column: rect.column, columns: used, url: url))
      }
    }
    if lines.count > rect.rows {
      let percent = min(100, (offset + rect.rows) * 100 / max(1, lines.count))
      let text = " \(percent)% "
      grid.put(
        text, row: rect.endRow - 1, column: grid.size.columns - 1 - DisplayWidth.columns(of: text),
        style: style(.dim))
    }
  }

  /// The filters row while reading: which article of the list this is (the digits copy links here, so
  /// the topic shortcuts are not shown).
  mutating func drawReadingBar() {
    let rect = layout.statusBar
    grid.fill(rect, style: style(.statusBar))
    let position = state.listing.listPosition
    var text =
      "Reading article \(position.selected.map(DateText.grouped) ?? "–") of "
      + DateText.grouped(position.visible)
    if state.listing.detailsShowsRelated, let row = state.listing.relatedList.selectedIndex {
      text = "Reading related item \(row + 1) of \(state.listing.relatedItems.count) · " + text.lowercased()
    }
    grid.put(
      text, row: rect.row, column: rect.column + 1, maxColumns: rect.columns - 2, style: style(.statusBar))
  }
}
