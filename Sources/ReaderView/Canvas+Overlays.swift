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
      title = state.listing.activeTopics.isEmpty ? "Topics" : "Topics (counts among the listed)"
    case .diagnostics:
      // What the load index saved is said here too, where the load is accounted for.
      title =
        "Load problems (\(DateText.grouped(state.loading.diagnosticCount)))"
        + (state.loading.indexSummary.map { " · " + $0 } ?? "")
    case .facetPicker(let facet): title = facet.rawValue.capitalized + " (counts among the listed)"
    case .viewPicker: title = "Views (unread, total)"
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
    grid.removeHyperlinks(in: box)
    drawBox(box, title: title, position: position(of: overlay))
    let content = layout.overlayContent
    switch overlay {
    case .help: drawHelp(in: content)
    case .topicPicker: drawTopicPicker(in: content)
    case .diagnostics: drawDiagnostics(in: content)
    case .facetPicker(let facet): drawFacetPicker(facet, in: content)
    case .viewPicker: drawViewPicker(in: content)
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

  /// Every key binding from the key map, by section, in one or two columns (a section is never split
  /// between them); one column scrolls by the help's offset.
  private mutating func drawHelp(in rect: Rect) {
    let columns = HelpText.columns(keyMap: keyMap, in: rect)
    let all = columns.flatMap { $0 }
    let keyColumns = min(18, rect.columns / 3, all.map { DisplayWidth.columns(of: $0.keys) }.max() ?? 0)
    let columnWidth =
      columns.count > 1 ? (rect.columns - 2 * (columns.count - 1)) / columns.count : rect.columns
    let lines = columns[0]
    let offset = columns.count > 1 ? 0 : state.overlays.help.offset(lines: lines.count, height: rect.rows)
    for (index, column) in columns.enumerated() {
      let left = rect.column + index * (columnWidth + 2)
      for (position, line) in column.dropFirst(offset).prefix(rect.rows).enumerated() {
        let row = rect.row + position
        if line.keys.isEmpty {
          grid.put(line.help, row: row, column: left, maxColumns: columnWidth, style: overlayStyle(.accent))
        } else {
          grid.put(line.keys, row: row, column: left, maxColumns: keyColumns, style: overlayStyle(.paneTitle))
          grid.put(
            line.help, row: row, column: left + keyColumns + 2, maxColumns: columnWidth - keyColumns - 2,
            style: style(.overlay))
        }
      }
    }
    if columns.count == 1, offset + rect.rows < lines.count {
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

  /// Every value of `facet` with its live count, checked when the query requires it.
  private mutating func drawFacetPicker(_ facet: Facet, in rect: Rect) {
    let rows = state.facetPickerRows
    guard !rows.isEmpty else {
      drawEmpty(["No article has a \(facet.rawValue)"], in: rect)
      return
    }
    let viewport = state.overlays.list
    let countColumns = 7
    for (screenRow, row) in viewport.visibleRows(height: rect.rows).enumerated() where row < rows.count {
      let target = rect.row(screenRow)
      let selected = row == viewport.selection
      if selected { grid.fill(target, style: style(.selected)) }
      func partStyle(_ role: ThemeRole) -> Style { selected ? style(.selected) : overlayStyle(role) }
      let entry = rows[row]
      grid.put(
        entry.isActive ? "[x]" : "[ ]", row: target.row, column: target.column, style: partStyle(.accent))
      grid.put(
        entry.value, row: target.row, column: target.column + 4,
        maxColumns: target.columns - 4 - countColumns - 1,
        style: partStyle(entry.isActive ? .topic : .overlay))
      let countText = DateText.grouped(entry.count)
      grid.put(
        countText, row: target.row, column: target.endColumn - countText.utf8.count, style: partStyle(.dim))
    }
  }

  /// Every saved view: checked when it is the query listed, the key that applies it, its name, its query
  /// (dim, when there is room) and its unread and total counts over all the records.
  private mutating func drawViewPicker(in rect: Rect) {
    let rows = state.viewPickerRows
    guard !rows.isEmpty else {
      drawEmpty(
        ["No saved views", "Name queries under views: in the config file (newsreader config path)"], in: rect)
      return
    }
    let viewport = state.overlays.list
    let keys = rows.indices.map { keyMap.keyName(for: .applyView($0 + 1), in: .normal) ?? "" }
    let keyColumns = min(8, keys.map { DisplayWidth.columns(of: $0) }.max() ?? 0)
    let countColumns = 7
    let nameStart = 4 + (keyColumns > 0 ? keyColumns + 1 : 0)
    let nameColumns = min(
      rows.map { DisplayWidth.columns(of: $0.name) }.max() ?? 0, max(8, (rect.columns - nameStart) / 2))
    for (screenRow, row) in viewport.visibleRows(height: rect.rows).enumerated() where row < rows.count {
      let target = rect.row(screenRow)
      let selected = row == viewport.selection
      if selected { grid.fill(target, style: style(.selected)) }
      func partStyle(_ role: ThemeRole) -> Style { selected ? style(.selected) : overlayStyle(role) }
      let entry = rows[row]
      let counts =
        DateText.grouped(entry.unread).leftPadded(to: countColumns)
        + DateText.grouped(entry.total).leftPadded(to: countColumns)
      let countStart = target.endColumn - counts.utf8.count
      grid.put(
        entry.isActive ? "[x]" : "[ ]", row: target.row, column: target.column, style: partStyle(.accent))
      if keyColumns > 0 {
        grid.put(
          keys[row], row: target.row, column: target.column + 4, maxColumns: keyColumns,
          style: partStyle(.accent))
      }
      let nameEnd = min(target.column + nameStart + nameColumns, countStart - 1)
      grid.put(
        entry.name, row: target.row, column: target.column + nameStart,
        maxColumns: max(0, nameEnd - target.column - nameStart),
        style: partStyle(entry.isActive ? .topic : .overlay))
      let queryStart = nameEnd + 2
      if countStart - 1 - queryStart >= 6 {
        grid.put(
          entry.query, row: target.row, column: queryStart, maxColumns: countStart - 1 - queryStart,
          style: partStyle(.dim))
      }
      grid.put(counts, row: target.row, column: countStart, style: partStyle(.dim))
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
    let tail = diagnostic.locatedMessage
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

/// The help overlay's lines, generated from the key map: a heading per section, then "keys  what they do".
enum HelpText {
  struct Line: Equatable {
    var keys: String
    var help: String
  }

  /// A section of the help: its heading and which lines of the key map it takes.
  private struct Section: Sendable {
    var heading: String
    var takes: @Sendable (HelpLine) -> Bool
  }

  private static func isMovement(_ action: Action?) -> Bool {
    if case .move = action { return true }
    return false
  }

  private static let sections: [Section] = [
    Section(heading: "Moving") { $0.context == .normal && isMovement($0.action) },
    Section(heading: "Panes and jumps") { line in
      guard
        line.context == .normal || line.context == .focused(.articles) || line.context == .focused(.related)
      else { return false }
      switch line.action {
      case .focusNext, .focusPrevious, .focusLeft, .focusRight, .activate, .goBack, .goForward: return true
      default: return false
      }
    },
    Section(heading: "Filtering and sorting") { line in
      guard line.context == .normal else { return false }
      switch line.action {
      case .startSearch, .clearSearch, .showTopicPicker, .showFacetPicker, .toggleTopicShortcut, .clearTopics,
        .cycleSort:
        return true
      default: return false
      }
    },
    Section(heading: "Stories and the timeline") { line in
      guard line.context == .normal || line.context == .openedStory else { return false }
      switch line.action {
      case .toggleStories, .closeStory, .togglePeriodFilter, .shiftPeriod: return true
      default: return false
      }
    },
    Section(heading: "Saved views (the picker moves as lists do)") { line in
      switch line.context {
      case .viewPicker: return !isMovement(line.action)
      case .normal:
        switch line.action {
        case .showViewPicker, .applyView: return true
        default: return false
        }
      default: return false
      }
    },
    Section(heading: "Links and more") { line in
      guard line.context == .normal || line.context.isFocusedPane else { return false }
      switch line.action {
      case .move, .focusNext, .focusPrevious, .focusLeft, .focusRight, .activate, .goBack, .goForward,
        .startSearch, .clearSearch, .showTopicPicker, .showFacetPicker, .toggleTopicShortcut, .clearTopics,
        .cycleSort, .toggleStories, .closeStory, .togglePeriodFilter, .shiftPeriod:
        return false
      default: return true
      }
    },
    Section(heading: "Reading view (Space)") { $0.context == .reading },
    Section(heading: "Searching") { $0.context == .searchEditing },
    // Overlays move as the lists do: said once in the heading rather than every movement key again.
    Section(heading: "Topic picker (moves as in lists)") {
      $0.context == .topicPicker && !isMovement($0.action)
    },
    Section(heading: "Provider, domain, category pickers") {
      $0.context == .facetPicker && !isMovement($0.action)
    },
    Section(heading: "Help and load problems") {
      ($0.context == .help || $0.context == .diagnostics) && !isMovement($0.action)
    },
    Section(heading: "Anywhere") { $0.context == .global },
  ]

  /// Each section's lines, heading first; lines doing the same thing in several contexts share one line.
  static func sectionLines(keyMap: KeyMap) -> [[Line]] {
    let all = keyMap.helpLines()
    // A key doing the same in a later section (y, o, ? in the reading view) is said once, where first met.
    var said: Set<String> = []
    return sections.compactMap { section in
      var lines: [Line] = []
      for line in all where section.takes(line) {
        let keys = compactKeys(line.keys)
        let pair = keys + "\u{0}" + line.help
        if lines.isEmpty || !lines.contains(where: { $0.help == line.help }) {
          guard !said.contains(pair) else { continue }
        }
        said.insert(pair)
        if let index = lines.firstIndex(where: { $0.help == line.help }) {
          let known = Set(lines[index].keys.components(separatedBy: ", "))
          let more = keys.components(separatedBy: ", ").filter { !known.contains($0) }
          if !more.isEmpty { lines[index].keys += ", " + more.joined(separator: ", ") }
        } else {
          lines.append(Line(keys: keys, help: line.help))
        }
      }
      return lines.isEmpty ? nil : [Line(keys: "", help: section.heading)] + lines
    }
  }

  /// Every line in one column, sections apart by a blank line.
  static func lines(keyMap: KeyMap) -> [Line] {
    sectionLines(keyMap: keyMap).enumerated().flatMap { index, section in
      (index == 0 ? [] : [Line(keys: "", help: "")]) + section
    }
  }

  /// The columns `rect` shows: two when the help does not fit in one but fits in two without splitting a
  /// section (each column starting with a heading), else one that scrolls.
  static func columns(keyMap: KeyMap, in rect: Rect) -> [[Line]] {
    let single = lines(keyMap: keyMap)
    guard single.count > rect.rows, rect.columns >= 2 * 48 + 2 else { return [single] }
    let sections = sectionLines(keyMap: keyMap)
    // As many columns of 48 as the width takes; sections a blank line apart when that fits, else headings
    // alone set them apart (they are styled).
    let most = max(2, (rect.columns + 2) / 50)
    for count in 2...most {
      if let columns = pack(sections, rows: rect.rows, gap: 1, columns: count)
        ?? pack(sections, rows: rect.rows, gap: 0, columns: count)
      {
        return columns
      }
    }
    return [single]
  }

  /// `sections` in at most `limit` columns of `rows`, `gap` blank lines between sections, none split; nil if
  /// they do not fit.
  private static func pack(_ sections: [[Line]], rows: Int, gap: Int, columns limit: Int) -> [[Line]]? {
    var columns: [[Line]] = [[]]
    for section in sections {
      let spacing = columns[columns.count - 1].isEmpty ? 0 : gap
      if columns[columns.count - 1].count + spacing + section.count > rows {
        guard columns.count < limit else { return nil }
        columns.append([])
      }
      if !columns[columns.count - 1].isEmpty {
        columns[columns.count - 1] += Array(repeating: Line(keys: "", help: ""), count: gap)
      }
      columns[columns.count - 1] += section
    }
    return columns.contains { $0.count > rows } ? nil : columns
  }

  /// "1, 2, 3, 4, 5, 6, 7, 8, 9" reads better as "1–9".
  private static func compactKeys(_ keys: String) -> String {
    keys == "1, 2, 3, 4, 5, 6, 7, 8, 9" ? "1–9" : keys
  }
}

extension KeyContext {
  /// Whether this is one pane's overrides.
  fileprivate var isFocusedPane: Bool {
    if case .focused = self { return true }
    return false
  }
}

extension String {
  /// The text right-aligned in `columns` (for counts, whose digits and commas are one column each).
  fileprivate func leftPadded(to columns: Int) -> String {
    String(repeating: " ", count: max(0, columns - DisplayWidth.columns(of: self))) + self
  }
}
