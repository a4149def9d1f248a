import NewsCore
import ReaderState
import ScreenKit

extension Canvas {
  /// An overlay box over the panes: help, the topic picker or the load problems.
  mutating func drawOverlay(_ overlay: Overlay) {
    let box = layout.overlay
    guard box.rows >= 3, box.columns >= 8 else { return }
    let title: String
    switch overlay {
    case .help: title = "Help"
    case .topicPicker:
      title =
        state.listing.activeTopics.count > 1 ? "Topics (articles having any of the checked ones)" : "Topics"
    case .diagnostics: title = "Load problems (\(DateText.grouped(state.loading.diagnosticCount)))"
    }
    // A margin of a column or less is not context worth showing, only stray bits of the panes (a pane's
    // "↓" beside the box reads as the overlay's own): blank it.
    if box.column <= 1 {
      for row in box.row..<box.endRow {
        grid.put(" ", row: row, column: 0, style: style(.normal))
        if box.endColumn < grid.size.columns {
          grid.put(" ", row: row, column: grid.size.columns - 1, style: style(.normal))
        }
      }
    }
    drawBox(box, title: title, position: position(of: overlay))
    let content = layout.overlayContent
    switch overlay {
    case .help: drawHelp(in: content)
    case .topicPicker: drawTopicPicker(in: content)
    case .diagnostics: drawDiagnostics(in: content)
    }
  }

  /// `role`'s style on the overlay's background: a role without a background of its own would otherwise cut
  /// a hole of the terminal's default background into the box.
  func overlayStyle(_ role: ThemeRole) -> Style {
    var roleStyle = style(role)
    if roleStyle.background == .default { roleStyle.background = style(.overlay).background }
    return roleStyle
  }

  /// "12/42" for an overlay list longer than its box, so the rows out of sight are not a secret.
  private func position(of overlay: Overlay) -> String? {
    let viewport = state.overlays.list
    guard overlay != .help, viewport.count > layout.overlayContent.rows, let selected = viewport.selectedIndex
    else {
      return nil
    }
    return "\(DateText.grouped(selected + 1))/\(DateText.grouped(viewport.count))"
  }

  private mutating func drawBox(_ box: Rect, title: String, position: String?) {
    grid.fill(box, style: style(.overlay))
    let border = overlayStyle(.border)
    let inner = box.columns - 2
    grid.put(
      "┌" + String(repeating: "─", count: inner) + "┐", row: box.row, column: box.column, style: border)
    for row in (box.row + 1)..<(box.endRow - 1) {
      grid.put("│", row: row, column: box.column, style: border)
      grid.put("│", row: row, column: box.endColumn - 1, style: border)
    }
    grid.put(
      "└" + String(repeating: "─", count: inner) + "┘", row: box.endRow - 1, column: box.column, style: border
    )
    var titleColumns = inner - 2
    if let position {
      let text = " \(position) "
      let columns = DisplayWidth.columns(of: text)
      if columns + 12 <= inner {
        grid.put(text, row: box.row, column: box.endColumn - 2 - columns, style: overlayStyle(.dim))
        titleColumns -= columns + 1
      }
    }
    grid.put(
      " \(title) ", row: box.row, column: box.column + 2, maxColumns: titleColumns,
      style: overlayStyle(.paneTitle))
    // The keys that work inside the overlay, on the bottom border.
    var column = box.column + 2
    let end = box.endColumn - 2
    for hint in keyMap.hints(for: state) {
      let text = " \(hint.keys) \(hint.text) "
      let columns = DisplayWidth.columns(of: text)
      guard column + columns <= end else { break }
      column += grid.put(text, row: box.endRow - 1, column: column, style: overlayStyle(.dim)) + 1
    }
  }

  /// Every key binding from the key map, by context, in one or two columns; scrolled by the overlay's offset.
  private mutating func drawHelp(in rect: Rect) {
    let lines = HelpText.lines(keyMap: keyMap)
    let keyColumns = min(16, lines.map { DisplayWidth.columns(of: $0.keys) }.max() ?? 0)
    let twoColumns = lines.count > rect.rows && rect.columns >= 2 * 48 + 2
    let columnWidth = twoColumns ? (rect.columns - 2) / 2 : rect.columns
    let perColumn = rect.rows
    let offset = state.overlays.help.offset(lines: lines.count, height: perColumn * (twoColumns ? 2 : 1))
    let shown = lines.dropFirst(offset)
    for (position, line) in shown.enumerated() {
      let columnIndex = position / perColumn
      guard columnIndex < (twoColumns ? 2 : 1) else { break }
      let row = rect.row + position % perColumn
      let left = rect.column + columnIndex * (columnWidth + 2)
      if line.keys.isEmpty {
        grid.put(line.help, row: row, column: left, maxColumns: columnWidth, style: overlayStyle(.accent))
      } else {
        grid.put(line.keys, row: row, column: left, maxColumns: keyColumns, style: overlayStyle(.paneTitle))
        grid.put(
          line.help, row: row, column: left + keyColumns + 2, maxColumns: columnWidth - keyColumns - 2,
          style: style(.overlay))
      }
    }
    let capacity = perColumn * (twoColumns ? 2 : 1)
    if offset + capacity < lines.count {
      grid.put("↓", row: rect.endRow - 1, column: rect.endColumn, style: overlayStyle(.dim))
    }
  }

  /// Every topic with its live count, checked when active, numbered when a digit toggles it.
  private mutating func drawTopicPicker(in rect: Rect) {
    let topics = state.listing.catalog.topics
    guard !topics.isEmpty else {
      drawEmpty(["No article has topics"], in: rect)
      return
    }
    let viewport = state.overlays.list
    let active = Set(state.listing.activeTopics.map(ArticleCatalog.fold))
    // Each topic's sparkline sits left of its count when the picker is wide enough for both.
    let countColumns = 7 + (rect.columns >= 40 ? sparklineColumns : 0)
    for (screenRow, row) in viewport.visibleRows(height: rect.rows).enumerated() where row < topics.count {
      let target = rect.row(screenRow)
      let selected = row == viewport.selection
      if selected { grid.fill(target, style: style(.selected)) }
      func partStyle(_ role: ThemeRole) -> Style { selected ? style(.selected) : overlayStyle(role) }
      let topic = topics[row]
      let isActive = active.contains(ArticleCatalog.fold(topic))
      let count =
        row < state.overlays.topicCounts.count
        ? state.overlays.topicCounts[row] : state.listing.catalog.topicFrequencies[row]
      let shortcut = row < 9 && row < state.listing.topicShortcuts.count ? "\(row + 1)" : " "
      grid.put(isActive ? "[x]" : "[ ]", row: target.row, column: target.column, style: partStyle(.accent))
      grid.put(shortcut, row: target.row, column: target.column + 4, style: partStyle(.accent))
      grid.put(
        topic, row: target.row, column: target.column + 6, maxColumns: target.columns - 6 - countColumns - 1,
        style: partStyle(isActive ? .topic : .overlay))
      if rect.columns >= 40 {
        drawSparkline(
          forTopic: row, row: target.row, column: target.endColumn - 7 - sparklineColumns,
          style: partStyle(.accent))
      }
      let countText = DateText.grouped(count)
      grid.put(
        countText, row: target.row, column: target.endColumn - countText.utf8.count, style: partStyle(.dim))
    }
  }

  /// Each problem as `path:line:column: severity: message`, wrapped when long (continuation rows indented),
  /// the selected one highlighted on all its rows; the list starts late enough that it is wholly shown.
  private mutating func drawDiagnostics(in rect: Rect) {
    let diagnostics = state.loading.diagnostics
    guard !diagnostics.isEmpty else {
      drawEmpty(["No load problems"], in: rect)
      return
    }
    let viewport = state.overlays.list
    func rows(_ index: Int) -> [String] { Self.diagnosticRows(diagnostics[index], columns: rect.columns) }
    var first = viewport.offset(height: rect.rows)
    if let selected = viewport.selectedIndex {
      var needed = (first...selected).reduce(0) { $0 + rows($1).count }
      while needed > rect.rows && first < selected {
        needed -= rows(first).count
        first += 1
      }
    }
    var screenRow = 0
    var index = first
    while screenRow < rect.rows && index < diagnostics.count {
      let selected = index == viewport.selection
      for text in rows(index) where screenRow < rect.rows {
        let target = rect.row(screenRow)
        if selected { grid.fill(target, style: style(.selected)) }
        grid.put(
          text, row: target.row, column: target.column, maxColumns: target.columns,
          style: style(selected ? .selected : .overlay))
        screenRow += 1
      }
      index += 1
    }
  }

  /// The rows one problem takes in `columns`: one when it fits (the path shortened from its start if need
  /// be), else the message wrapped onto rows indented by two columns, so nothing is cut.
  static func diagnosticRows(_ diagnostic: Diagnostic, columns: Int) -> [String] {
    let line = diagnosticLine(diagnostic, columns: columns)
    guard DisplayWidth.columns(of: line) > columns, columns > 8 else { return [line] }
    let wrapped = TextLayout.wrap(line, columns: columns - 2)
    return wrapped.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
  }

  /// `path:line:column: severity: message` in `columns`: when it does not fit, the path gives way from its
  /// start ("…/name/record.md:1:1: …") so the file name and the message, what a user acts on, stay readable.
  static func diagnosticLine(_ diagnostic: Diagnostic, columns: Int) -> String {
    let full = diagnostic.description
    guard DisplayWidth.columns(of: full) > columns else { return full }
    let tail =
      ":\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.rawValue): \(diagnostic.message)"
    // Keep at least a short file name; below that, the plain cut at the end reads better.
    let pathColumns = min(columns - DisplayWidth.columns(of: tail), DisplayWidth.columns(of: diagnostic.path))
    guard pathColumns >= 12 else { return full }
    var kept: [Character] = []
    var used = 1  // the ellipsis
    for character in diagnostic.path.reversed() {
      let width = DisplayWidth.columns(of: character)
      guard used + width <= pathColumns else { break }
      kept.append(character)
      used += width
    }
    return TextLayout.ellipsis + String(kept.reversed()) + tail
  }
}

/// The help overlay's lines, generated from the key map: a heading per context, then "keys  what they do".
enum HelpText {
  struct Line {
    var keys: String
    var help: String
  }

  static func lines(keyMap: KeyMap) -> [Line] {
    let all = keyMap.helpLines()
    let sections: [(String, [KeyContext])] = [
      ("Reading", [.normal, .focused(.articles), .focused(.related), .openedStory]),
      ("Searching", [.searchEditing]),
      ("Topic picker", [.topicPicker]),
      ("Help and load problems", [.help, .diagnostics]),
      ("Anywhere", [.global]),
    ]
    // Overlays move like the panes do: say so once instead of repeating every movement key.
    let movementHelp = Set(all.filter { $0.context == .normal && isMovement($0, in: keyMap) }.map(\.help))
    var lines: [Line] = []
    for (heading, contexts) in sections {
      let section = all.filter { line in
        contexts.contains(line.context)
          && !(line.context != .normal && line.context != .searchEditing && movementHelp.contains(line.help))
      }
      guard !section.isEmpty else { continue }
      if !lines.isEmpty { lines.append(Line(keys: "", help: "")) }
      lines.append(
        Line(keys: "", help: heading + (contexts.first == .topicPicker ? " (moves as in lists)" : "")))
      for line in section { lines.append(Line(keys: compactKeys(line.keys), help: line.help)) }
    }
    return lines
  }

  private static func isMovement(_ line: HelpLine, in keyMap: KeyMap) -> Bool {
    keyMap.bindings.contains { binding in
      binding.context == line.context && binding.help == line.help
        && { if case .move = binding.action { return true } else { return false } }()
    }
  }

  /// "1, 2, 3, 4, 5, 6, 7, 8, 9" reads better as "1–9".
  private static func compactKeys(_ keys: String) -> String {
    keys == "1, 2, 3, 4, 5, 6, 7, 8, 9" ? "1–9" : keys
  }
}
