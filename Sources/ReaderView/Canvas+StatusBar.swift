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
    switch state.search.mode {
    case .editing:
      segment("Search: ", base.adding(.bold))
      segment(state.listing.searchText, base)
      segment("_", base.adding(.bold))
      // The count answers "is this narrowing enough?" where the eyes already are, while typing.
      let matches = state.listing.visible.count
      segment(
        "  " + (matches == 0 ? "no match" : "\(DateText.grouped(matches)) match\(matches == 1 ? "" : "es")"),
        matches == 0 ? base.adding(.bold) : base)
      segment("  ", base)
    case .applied:
      segment("Search: ", base.adding(.bold))
      segment(state.listing.searchText, base)
      segment("  ", base)
    case .off:
      break
    }
    if let topics = state.listing.topicFilterSummary {
      segment(topics, base.adding(.bold))
      segment("  ", base)
    }
    segment("Sort: \(state.listing.sort.rawValue)", base)
    let shortcuts = state.listing.topicShortcutRows
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
    if let status = state.status.message, now < status.expires {
      grid.put(
        status.text, row: rect.row, column: rect.column + 1, maxColumns: rect.columns - 2,
        style: style(status.isError ? .error : .accent))
      return
    }
    var column = rect.column + 1
    for hint in Self.fittingHints(keyMap.hints(for: state), columns: rect.columns - 2) {
      column += grid.put(hint.keys, row: rect.row, column: column, style: style(.accent))
      column += grid.put(" " + hint.text, row: rect.row, column: column, style: style(.dim)) + 2
    }
  }

  /// The hints that fit in `columns`, whole (a hint cut in half says nothing), in order; when some must go,
  /// the help hint stays, since the help lists every key the bar has no room for.
  static func fittingHints(_ hints: [KeyHint], columns: Int) -> [KeyHint] {
    func width(_ hint: KeyHint) -> Int {
      DisplayWidth.columns(of: hint.keys) + 1 + DisplayWidth.columns(of: hint.text)
    }
    var kept: [KeyHint] = []
    var used = 0
    for hint in hints {
      let needed = (kept.isEmpty ? 0 : 2) + width(hint)
      guard used + needed <= columns else { break }
      kept.append(hint)
      used += needed
    }
    guard kept.count < hints.count, let help = hints.first(where: { $0.action == .showHelp }),
      !kept.contains(help)
    else { return kept }
    while !kept.isEmpty, used + 2 + width(help) > columns {
      let dropped = kept.removeLast()
      used -= width(dropped) + (kept.isEmpty ? 0 : 2)
    }
    if used + (kept.isEmpty ? 0 : 2) + width(help) <= columns { kept.append(help) }
    return kept
  }
}
