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
    var end = rect.endColumn - 1
    // vim's showcmd: the keys of a sequence pressed so far (the `g` of `g g`), at the right end until the
    // sequence completes or times out, so a reader waiting for the next key does not look hung.
    if let pending = pendingKeys {
      let text = pending + " …"
      let columns = DisplayWidth.columns(of: text)
      if columns + 2 <= end - column {
        grid.put(text, row: rect.row, column: end - columns, style: base.adding(.bold))
        end -= columns + 2
      }
    }

    func segment(_ text: String, _ segmentStyle: Style) {
      guard column < end else { return }
      column += grid.put(text, row: rect.row, column: column, maxColumns: end - column, style: segmentStyle)
    }
    switch state.search.mode {
    case .editing:
      segment("Query: ", base.adding(.bold))
      // The count answers "is this narrowing enough?" where the eyes already are, while typing.
      let matches = state.listing.visible.count
      let count =
        state.listing.queryError != nil
        ? "  (list unchanged)"
        : "  " + (matches == 0 ? "no match" : "\(DateText.grouped(matches)) match\(matches == 1 ? "" : "es")")
      let room = max(1, end - column - DisplayWidth.columns(of: count) - 2)
      column = drawQueryText(row: rect.row, column: column, room: room, base: base)
      segment(count, matches == 0 || state.listing.queryError != nil ? base.adding(.bold) : base)
      segment("  ", base)
    case .applied:
      segment("Query: ", base.adding(.bold))
      segment(state.listing.queryText, base)
      segment("  ", base)
    case .off:
      break
    }
    segment("Sort: \(state.listing.sort.rawValue)", base)
    // The digits' targets, numbered as the keys apply them: topics, or views under `digits: views`.
    let shortcuts: [(number: Int, label: String, isActive: Bool)] =
      keyMap.digitsApplyViews
      ? state.viewShortcutRows.enumerated().map { ($0.offset + 1, $0.element.name, $0.element.isActive) }
      : state.listing.topicShortcutRows.compactMap { row in
        row.shortcut.map { ($0, row.topic, row.isActive) }
      }
    // The rule introduces the shortcuts: drawn only when at least the first one fits after it.
    if let first = shortcuts.first,
      column + 4 + DisplayWidth.columns(of: "\(first.number) \(first.label)") <= end
    {
      segment("  │", base)
    } else {
      return
    }
    for shortcut in shortcuts {
      segment(" ", base)
      if shortcut.isActive {
        segment("[\(shortcut.number) \(shortcut.label)]", base.adding([.bold, .underline]))
      } else {
        segment("\(shortcut.number) \(shortcut.label)", base)
      }
    }
  }

  /// The query being typed from `column`, in at most `room` columns: the part around the cursor when it
  /// is too wide, the cursor as a reversed cell. Remembers where each character went, for the error caret.
  /// Returns the column after it.
  private mutating func drawQueryText(row: Int, column start: Int, room: Int, base: Style) -> Int {
    let characters = Array(state.listing.queryText)
    let cursor = min(state.search.cursor, characters.count)
    // Drop characters from the start until the text up to the cursor (and the cursor cell) fits.
    var first = 0
    func width(_ range: Range<Int>) -> Int {
      characters[range].reduce(0) { $0 + DisplayWidth.columns(of: String($1)) }
    }
    while first < cursor && width(first..<cursor) + 1 + (first > 0 ? 1 : 0) > room { first += 1 }
    // The cursor is the bar's style inverted, so it shows on a reversed (monochrome) bar too.
    var cursorStyle = base
    if cursorStyle.attributes.contains(.reverse) {
      cursorStyle.attributes.remove(.reverse)
    } else {
      cursorStyle.attributes.insert(.reverse)
    }
    var column = start
    if first > 0 { column += grid.put("…", row: row, column: column, style: base.adding(.dim)) }
    queryColumns = [:]
    for position in first..<characters.count {
      let text = String(characters[position])
      let cellWidth = DisplayWidth.columns(of: text)
      guard column + cellWidth <= start + room else { break }
      queryColumns[position] = column
      column += grid.put(text, row: row, column: column, style: position == cursor ? cursorStyle : base)
    }
    queryColumns[characters.count] = column
    if cursor == characters.count, column < start + room {
      column += grid.put(" ", row: row, column: column, style: cursorStyle)
    }
    return column
  }

  /// The hints row, or the status message until it expires (errors in the error style); while a query
  /// that cannot be read is typed, a caret under its offending character and why.
  mutating func drawMessageBar() {
    let rect = layout.messageBar
    if state.search.mode == .editing, let error = state.listing.queryError {
      let caret = queryColumns[error.column - 1] ?? rect.column + 1
      var column = grid.put("^", row: rect.row, column: caret, style: style(.error))
      column += caret
      let message = " " + error.message
      if column + DisplayWidth.columns(of: message) <= rect.endColumn - 1 {
        grid.put(
          message, row: rect.row, column: column, maxColumns: rect.endColumn - 1 - column,
          style: style(.error))
      } else {
        // No room after the caret: the message goes before it.
        let text = error.message + " "
        let width = min(DisplayWidth.columns(of: text), caret - rect.column - 1)
        grid.put(text, row: rect.row, column: caret - width, maxColumns: width, style: style(.error))
      }
      return
    }
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
