/// A rectangle of cells: top-left corner (row, column) and size, with the splits layouts need.
///
/// Splits clamp instead of failing, so a tiny terminal yields empty rectangles, never negative ones.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
  public var row: Int
  public var column: Int
  public var columns: Int
  public var rows: Int

  public init(row: Int = 0, column: Int = 0, columns: Int, rows: Int) {
    self.row = row
    self.column = column
    self.columns = max(0, columns)
    self.rows = max(0, rows)
  }

  /// The whole area of a screen or grid of this size.
  public init(_ size: Size) {
    self.init(row: 0, column: 0, columns: size.columns, rows: size.rows)
  }

  public var size: Size { Size(columns: columns, rows: rows) }
  public var isEmpty: Bool { columns == 0 || rows == 0 }
  /// The first row below the rectangle.
  public var endRow: Int { row + rows }
  /// The first column right of the rectangle.
  public var endColumn: Int { column + columns }

  public var description: String { "(\(row),\(column) \(columns)x\(rows))" }

  public func contains(row: Int, column: Int) -> Bool {
    row >= self.row && row < endRow && column >= self.column && column < endColumn
  }

  /// The rectangle shrunk by the given margins on each side.
  public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
    let newColumns = max(0, columns - left - right)
    let newRows = max(0, rows - top - bottom)
    return Rect(
      row: row + min(top, rows), column: column + min(left, columns), columns: newColumns,
      rows: newRows)
  }

  /// The rectangle shrunk by the same margin on every side.
  public func inset(by margin: Int) -> Rect {
    inset(top: margin, left: margin, bottom: margin, right: margin)
  }

  /// Splits into a left part `columns` wide (clamped) and the rest on the right.
  public func split(columns leftColumns: Int) -> (left: Rect, right: Rect) {
    let left = min(max(0, leftColumns), columns)
    return (
      Rect(row: row, column: column, columns: left, rows: rows),
      Rect(row: row, column: column + left, columns: columns - left, rows: rows)
    )
  }

  /// Splits into the rest on the left and a right part `columns` wide (clamped).
  public func split(rightColumns: Int) -> (left: Rect, right: Rect) {
    split(columns: columns - min(max(0, rightColumns), columns))
  }

  /// Splits into a top part `rows` high (clamped) and the rest below.
  public func split(rows topRows: Int) -> (top: Rect, bottom: Rect) {
    let top = min(max(0, topRows), rows)
    return (
      Rect(row: row, column: column, columns: columns, rows: top),
      Rect(row: row + top, column: column, columns: columns, rows: rows - top)
    )
  }

  /// Splits into the rest on top and a bottom part `rows` high (clamped).
  public func split(bottomRows: Int) -> (top: Rect, bottom: Rect) {
    split(rows: rows - min(max(0, bottomRows), rows))
  }

  /// One row of the rectangle (empty when `index` is outside it), counted from its top.
  public func row(_ index: Int) -> Rect {
    guard index >= 0, index < rows else {
      return Rect(row: endRow, column: column, columns: columns, rows: 0)
    }
    return Rect(row: row + index, column: column, columns: columns, rows: 1)
  }
}
