import ReaderState
import ScreenKit

extension Canvas {
  /// The filters row: the search (with a cursor while it is typed), the topic filter, the sort and the
  /// numbered topic shortcuts, in that order so what the user is doing right now is cut last.
  mutating func drawStatusBar() {
    let rect = layout.statusBar
    let base = style(.statusBar)
    grid.fill(rect, style: base)
    var column = rect.column + 1
    let end = rect.endColumn - 1

    func segment(_ text: String, _ segmentStyle: Style) {
      guard column < end else { return }
      column += grid.put(text, row: rect.row, column: column, maxColumns: end - column, style: segmentStyle)
    }
    switch state.searchMode {
    case .editing:
      segment("Search: ", base.adding(.bold))
      segment(state.searchText, base)
      segment("_", base.adding(.bold))
      // The count answers "is this narrowing enough?" where the eyes already are, while typing.
      let matches = state.visible.count
      segment("  " + (matches == 0 ? "no match" : "\(DateText.grouped(matches)) match\(matches == 1 ? "" : "es")"),
        matches == 0 ? base.adding(.bold) : base)
      segment("  ", base)
    case .applied:
      segment("Search: ", base.adding(.bold))
      segment(state.searchText, base)
      segment("  ", base)
    case .off:
      break
    }
    if let topics = state.topicFilterSummary {
      segment(topics, base.adding(.bold))
      segment("  ", base)
    }
    segment("Sort: \(state.sort.rawValue)", base)
    let shortcuts = state.topicShortcutRows
    // The rule introduces the shortcuts: drawn only when at least the first one fits after it.
    if let first = shortcuts.first,
      column + 4 + DisplayWidth.columns(of: "\(first.shortcut ?? 1) \(first.topic)") <= end
    {
      segment("  │", base)
    } else {
      return
    }
    for row in shortcuts {
      guard let number = row.shortcut else { continue }
      segment(" ", base)
      if row.isActive {
        segment("[\(number) \(row.topic)]", base.adding([.bold, .underline]))
      } else {
        segment("\(number) \(row.topic)", base)
      }
    }
  }

  /// The hints row, or the status message until it expires (errors in the error style).
  mutating func drawMessageBar() {
    let rect = layout.messageBar
    if let status = state.status, now < status.expires {
      grid.put(
        status.text, row: rect.row, column: rect.column + 1, maxColumns: rect.columns - 2,
        style: style(status.isError ? .error : .accent))
      return
    }
    var column = rect.column + 1
    let end = rect.endColumn - 1
    // Whole hints only: a hint cut in half says nothing.
    for hint in KeyMap.standard.hints(for: state) {
      let text = " " + hint.text
      let columns = DisplayWidth.columns(of: hint.keys) + DisplayWidth.columns(of: text)
      guard column + columns <= end else { break }
      column += grid.put(hint.keys, row: rect.row, column: column, style: style(.accent))
      column += grid.put(text, row: rect.row, column: column, style: style(.dim)) + 2
    }
  }
}
