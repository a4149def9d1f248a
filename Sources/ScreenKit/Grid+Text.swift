extension Grid {
  /// One row as plain text, continuation cells skipped (so a wide character shows once).
  public func rowText(_ row: Int) -> String {
    guard row >= 0, row < size.rows else { return "" }
    var text = ""
    text.reserveCapacity(size.columns)
    for cell in cells[(row * size.columns)..<((row + 1) * size.columns)] where !cell.isContinuation {
      text += cell.text
    }
    return text
  }

  /// The whole grid as text for golden files: each row framed by `|` so trailing spaces survive,
  /// rows separated by newlines, a final newline.
  public var framedText: String {
    var text = ""
    for row in 0..<size.rows { text += "|" + rowText(row) + "|\n" }
    return text
  }

}
