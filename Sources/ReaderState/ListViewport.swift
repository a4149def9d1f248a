/// A way to move through a list, named by intent rather than key.
public enum Movement: Sendable, Hashable, CaseIterable {
  case up, down, pageUp, pageDown, halfPageUp, halfPageDown, first, last
}

/// The selection and scroll offset of one list of `count` rows shown `height` rows at a time.
///
/// The selection always stays on screen with up to `context` rows around it (fewer when the list is
/// short); moves clamp at the ends, and an empty list is valid (its selection is nil).
public struct ListViewport: Sendable, Hashable {
  public private(set) var count: Int
  public private(set) var height: Int
  /// Selected row; 0 when the list is empty.
  public private(set) var selection: Int
  /// First row shown.
  public private(set) var offset: Int
  /// Rows kept visible above and below the selection when the list allows.
  public let context: Int

  public init(count: Int = 0, height: Int = 1, selection: Int = 0, offset: Int = 0, context: Int = 2) {
    self.count = max(0, count)
    self.height = max(1, height)
    self.selection = 0
    self.offset = offset
    self.context = max(0, context)
    self.select(selection)
  }

  /// The selected row, or nil when the list is empty.
  public var selectedIndex: Int? { count == 0 ? nil : selection }

  /// Rows on screen.
  public var visibleRows: Range<Int> { offset..<min(count, offset + height) }

  private var effectiveContext: Int { min(context, (height - 1) / 2) }

  /// Moves the selection, scrolling as little as keeps it on screen with its context; pages scroll by the
  /// same amount as the selection so the rows around it stay put.
  public mutating func move(_ movement: Movement) {
    guard count > 0 else { return }
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
  }

  /// Moves the offset only, for panes that scroll without a selection (the details text).
  public mutating func scroll(_ movement: Movement) {
    let limit = max(0, count - height)
    switch movement {
    case .up: offset -= 1
    case .down: offset += 1
    case .first: offset = 0
    case .last: offset = limit
    case .pageDown: offset += height
    case .pageUp: offset -= height
    case .halfPageDown: offset += max(1, height / 2)
    case .halfPageUp: offset -= max(1, height / 2)
    }
    offset = min(max(0, offset), limit)
  }

  /// Selects `index` (clamped), scrolling to keep it on screen.
  public mutating func select(_ index: Int) {
    selection = count == 0 ? 0 : min(max(0, index), count - 1)
    let margin = effectiveContext
    if selection - margin < offset { offset = selection - margin }
    if selection + margin > offset + height - 1 { offset = selection + margin - height + 1 }
    offset = min(max(0, offset), max(0, count - height))
  }

  /// Changes the number of rows, keeping the selection where it can be.
  public mutating func setCount(_ newCount: Int) {
    count = max(0, newCount)
    select(selection)
  }

  /// Changes the rows shown at a time, keeping the selection on screen.
  public mutating func setHeight(_ newHeight: Int) {
    height = max(1, newHeight)
    select(selection)
  }
}
