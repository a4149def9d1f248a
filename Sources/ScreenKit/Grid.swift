/// A frame of cells, `columns` wide and `rows` high, that renderers fill and screens draw.
///
/// Every write goes through `put` or `fill`, which keep wide characters whole: a wide cluster is a
/// leading cell followed by continuation cells, and overwriting half of one blanks the other half.
public struct Grid: Hashable, Sendable {
  public let size: Size
  /// Row-major cells, `size.columns * size.rows` of them.
  public private(set) var cells: [Cell]
  /// The runs of cells showing URLs, which a screen may make clickable (see `OSC8`).
  public var hyperlinks: [Hyperlink] = []

  /// A grid of blank cells in `style`.
  public init(size: Size, style: Style = .plain) {
    self.size = size
    self.cells = Array(repeating: .blank(style), count: size.columns * size.rows)
  }

  /// Forgets the hyperlinks that `rect` covers (something was drawn over them).
  public mutating func removeHyperlinks(in rect: Rect) {
    hyperlinks.removeAll { link in
      rect.contains(row: link.row, column: link.column)
        || rect.contains(row: link.row, column: link.column + link.columns - 1)
        || (link.row >= rect.row && link.row < rect.endRow && link.column < rect.column
          && link.column + link.columns > rect.endColumn)
    }
  }

  public var bounds: Rect { Rect(size) }

  /// The cell at a position; positions outside the grid read as a plain blank.
  public subscript(row: Int, column: Int) -> Cell {
    guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return .blank() }
    return cells[row * size.columns + column]
  }

  /// Writes text on one row from `column`, within `maxColumns` (default: to the right edge), cut with
  /// "…" when it does not fit. Returns the columns written. Nothing is written outside the grid, a wide
  /// character never straddles the limit, and controls never reach a cell.
  @discardableResult
  public mutating func put(
    _ text: String, row: Int, column: Int, maxColumns: Int? = nil, style: Style = .plain
  ) -> Int {
    guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return 0 }
    let available = min(maxColumns ?? Int.max, size.columns - column)
    guard available > 0 else { return 0 }
    let base = row * size.columns
    var position = column
    if DisplayWidth.isPrintableASCII(text) {
      let bytes = text.utf8
      let count = bytes.count
      guard count > 0 else { return 0 }
      let truncated = count > available
      let kept = truncated ? available - 1 : count
      repairBefore(index: base + column, rowStart: base)
      DisplayWidth.asciiStrings.withUnsafeBufferPointer { strings in
        cells.withUnsafeMutableBufferPointer { buffer in
          for byte in bytes.prefix(kept) {
            buffer[base + position] = Cell(strings[Int(byte)], width: 1, style: style)
            position += 1
          }
        }
      }
      if truncated {
        cells[base + position] = Cell(TextLayout.ellipsis, width: 1, style: style)
        position += 1
      }
      repairAfter(index: base + position, rowEnd: base + size.columns)
      return position - column
    }
    let fitted = TextLayout.fittedClusters(of: text, columns: available)
    guard fitted.columns > 0 || fitted.truncated else { return 0 }
    repairBefore(index: base + column, rowStart: base)
    for cluster in fitted.clusters {
      cells[base + position] = Cell(cluster.text, width: cluster.columns, style: style)
      for offset in 1..<max(1, cluster.columns) { cells[base + position + offset] = .continuation(style) }
      position += cluster.columns
    }
    if fitted.truncated {
      cells[base + position] = Cell(TextLayout.ellipsis, width: 1, style: style)
      position += 1
    }
    repairAfter(index: base + position, rowEnd: base + size.columns)
    return position - column
  }

  /// A copy of the cells of `row` from `column`, `columns` of them (clipped to the grid): a drawn piece to
  /// `paste` again in a later frame instead of drawing it again. A copy, not a slice: a slice kept would
  /// hold the whole grid's storage and make its next write copy every cell.
  public func cells(row: Int, column: Int, columns: Int) -> [Cell] {
    guard row >= 0, row < size.rows else { return [] }
    let start = min(max(0, column), size.columns)
    let end = min(size.columns, max(start, column + columns))
    return Array(cells[(row * size.columns + start)..<(row * size.columns + end)])
  }

  /// Writes `piece` (cells taken with `cells(row:column:columns:)`) onto `row` from `column` as they are,
  /// clipped to the grid. A wide cluster the right edge would cut is written as a blank, and the clusters
  /// the piece cuts on either side are blanked, as `put` leaves them.
  public mutating func paste(_ piece: [Cell], row: Int, column: Int) {
    guard row >= 0, row < size.rows, column >= 0, column < size.columns, !piece.isEmpty else { return }
    let base = row * size.columns
    let count = min(piece.count, size.columns - column)
    repairBefore(index: base + column, rowStart: base)
    cells.withUnsafeMutableBufferPointer { buffer in
      // Continuations the last wide cluster written still has coming; one without its lead is blanked.
      var owed = 0
      for offset in 0..<count {
        var cell = piece[offset]
        if cell.isContinuation {
          if owed > 0 { owed -= 1 } else { cell = .blank(cell.style) }
        } else if cell.width > count - offset {
          cell = .blank(cell.style)
          owed = 0
        } else {
          owed = cell.width - 1
        }
        buffer[base + column + offset] = cell
      }
    }
    repairAfter(index: base + column + count, rowEnd: base + size.columns)
  }

  /// Blanks every cell of `rect` (clipped to the grid) in `style`.
  public mutating func fill(_ rect: Rect, style: Style = .plain) {
    let top = max(0, rect.row)
    let bottom = min(size.rows, rect.endRow)
    let left = max(0, rect.column)
    let right = min(size.columns, rect.endColumn)
    guard top < bottom, left < right else { return }
    let blank = Cell.blank(style)
    for row in top..<bottom {
      let base = row * size.columns
      repairBefore(index: base + left, rowStart: base)
      cells.withUnsafeMutableBufferPointer { buffer in
        for index in (base + left)..<(base + right) { buffer[index] = blank }
      }
      repairAfter(index: base + right, rowEnd: base + size.columns)
    }
  }

  /// Blanks the whole grid in `style`.
  public mutating func fill(style: Style = .plain) { fill(bounds, style: style) }

  /// When a write starts on the continuation of a wide cluster, blanks the part left of the write.
  private mutating func repairBefore(index: Int, rowStart: Int) {
    guard index < cells.count, cells[index].isContinuation else { return }
    var lead = index - 1
    while lead >= rowStart {
      let wasContinuation = cells[lead].isContinuation
      cells[lead] = .blank(cells[lead].style)
      if !wasContinuation { break }
      lead -= 1
    }
  }

  /// When a write ends just before the continuation of a wide cluster it overwrote, blanks the rest.
  private mutating func repairAfter(index: Int, rowEnd: Int) {
    var next = index
    while next < rowEnd, cells[next].isContinuation {
      cells[next] = .blank(cells[next].style)
      next += 1
    }
  }
}
