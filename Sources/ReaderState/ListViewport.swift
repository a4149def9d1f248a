/// A way to move through a list, named by intent rather than key.
public enum Movement: Sendable, Hashable, CaseIterable {
  case up, down, pageUp, pageDown, halfPageUp, halfPageDown, first, last
}

/// The selection and scroll offset of one list of `count` rows; the rows shown at a time are the layout's
/// to know, so every operation that depends on them is given `height`.
///
/// The stored offset is where the list was last scrolled to; `offset(height:)` is where it is drawn: the
/// stored offset moved as little as keeps the selection on screen with up to `context` rows around it
/// (ratatui's habit: the state keeps selection and offset, the widget clamps the offset when drawn).
/// Moves clamp at the ends, and an empty list is valid (its selection is nil).
public struct ListViewport: Sendable, Hashable {
  public private(set) var count: Int
  /// Selected row; 0 when the list is empty.
  public private(set) var selection: Int
  /// First row shown when last scrolled; read `offset(height:)` for the row drawn first.
  public private(set) var offset: Int
  /// Rows kept visible above and below the selection when the list allows.
  public let context: Int

  public init(count: Int = 0, selection: Int = 0, offset: Int = 0, context: Int = 2) {
    self.count = max(0, count)
    self.selection = 0
    self.offset = max(0, offset)
    self.context = max(0, context)
    self.select(selection)
  }

  /// The selected row, or nil when the list is empty.
  public var selectedIndex: Int? { count == 0 ? nil : selection }

  /// The first row drawn in `height` rows: the stored offset, scrolled as little as keeps the selection on
  /// screen with its context.
  public func offset(height: Int) -> Int {
    let height = max(1, height)
    let margin = min(context, (height - 1) / 2)
    var first = offset
    if selection - margin < first { first = selection - margin }
    if selection + margin > first + height - 1 { first = selection + margin - height + 1 }
    return min(max(0, first), max(0, count - height))
  }

  /// Rows on screen in `height` rows.
  public func visibleRows(height: Int) -> Range<Int> {
    let first = offset(height: height)
    return first..<min(count, first + max(1, height))
  }

  /// Moves the selection, scrolling as little as keeps it on screen with its context; pages scroll by the
  /// same amount as the selection so the rows around it stay put.
  public mutating func move(_ movement: Movement, height: Int) {
    guard count > 0 else { return }
    let height = max(1, height)
    offset = offset(height: height)
    switch movement {
    case .up: select(selection - 1)
    case .down: select(selection + 1)
    case .first: select(0)
    case .last: select(count - 1)
    case .pageDown, .pageUp, .halfPageDown, .halfPageUp:
      let step = (movement == .pageDown || movement == .pageUp) ? height : max(1, height / 2)
      let delta = (movement == .pageDown || movement == .halfPageDown) ? step : -step
      offset = min(max(0, offset + delta), max(0, count - height))
      select(selection + delta)
    }
    offset = offset(height: height)
  }

  /// Selects `index` (clamped); the offset follows when the list is next drawn or moved.
  public mutating func select(_ index: Int) {
    selection = count == 0 ? 0 : min(max(0, index), count - 1)
  }

  /// Changes the number of rows, keeping the selection where it can be.
  public mutating func setCount(_ newCount: Int) {
    count = max(0, newCount)
    select(selection)
    offset = min(offset, max(0, count - 1))
  }
}

/// How far a text without a selection (the details pane, the help) is scrolled; its length and the rows
/// shown are the layout's to know, so scrolling is given both and drawing clamps the offset again.
public struct TextScroll: Sendable, Hashable {
  /// First line shown when last scrolled.
  public private(set) var offset: Int

  public init(offset: Int = 0) { self.offset = max(0, offset) }

  /// The first line drawn of a text of `lines` lines in `height` rows.
  public func offset(lines: Int, height: Int) -> Int { min(offset, max(0, lines - max(1, height))) }

  /// Scrolls a text of `lines` lines shown `height` rows at a time, stopping at its ends.
  public mutating func scroll(_ movement: Movement, lines: Int, height: Int) {
    let height = max(1, height)
    let limit = max(0, lines - height)
    var next = offset(lines: lines, height: height)
    switch movement {
    case .up: next -= 1
    case .down: next += 1
    case .first: next = 0
    case .last: next = limit
    case .pageDown: next += height
    case .pageUp: next -= height
    case .halfPageDown: next += max(1, height / 2)
    case .halfPageUp: next -= max(1, height / 2)
    }
    offset = min(max(0, next), limit)
  }
}
