internal import CNCursesW
import ScreenKit

extension CursesScreen {
  /// Draws the grid: runs of equally styled cells with one `mvwaddstr` each, continuation cells
  /// skipped (curses advances over the wide character itself), and the bottom-right cell inserted
  /// rather than written so the screen never scrolls.
  public func draw(_ grid: Grid) {
    guard let window = activeWindow else { return }
    let screenRows = Int(nr_lines())
    let screenColumns = Int(nr_cols())
    werase(window)
    let rows = min(grid.size.rows, screenRows)
    let columns = min(grid.size.columns, screenColumns)
    var runText = ""
    for row in 0..<rows {
      var runStart = 0
      var runStyle = Style.plain
      runText.removeAll(keepingCapacity: true)
      var tail: (column: Int, text: String, style: Style)?
      var column = 0
      while column < columns {
        let cell = grid[row, column]
        defer { column += max(1, cell.width) }
        if cell.isContinuation { continue }
        // A wide cell cut by a smaller screen stays blank; the bottom-right one is inserted last.
        if column + cell.width > screenColumns { continue }
        if row == screenRows - 1 && column + cell.width == screenColumns {
          tail = (column, cell.text, cell.style)
          continue
        }
        if runText.isEmpty || cell.style != runStyle {
          flush(window, row: row, column: runStart, text: runText, style: runStyle)
          runText.removeAll(keepingCapacity: true)
          runStart = column
          runStyle = cell.style
        }
        runText += cell.text
      }
      flush(window, row: row, column: runStart, text: runText, style: runStyle)
      if let tail {
        apply(tail.style, to: window)
        _ = mvwinsstr(window, Int32(row), Int32(tail.column), tail.text)
      }
    }
    if needsFullRepaint {
      // Forget what curses believes is on the terminal, so every cell is sent again.
      clearok(window, true)
      needsFullRepaint = false
    }
    wnoutrefresh(window)
    doupdate()
    if hyperlinks, !grid.hyperlinks.isEmpty {
      // After curses has sent the frame: the links' cells written again inside OSC 8, cursor and
      // rendition saved and restored around them, in one unbuffered write.
      let bytes = grid.hyperlinks.compactMap { OSC8.sequence(for: $0, in: grid) }.flatMap { $0 }
      nr_flush_stdio()
      _ = bytes.withUnsafeBufferPointer { nr_write_all($0.baseAddress, $0.count) }
    }
  }

  public func invalidate() { needsFullRepaint = true }

  private func flush(
    _ window: UnsafeMutablePointer<WINDOW>, row: Int, column: Int, text: String, style: Style
  ) {
    guard !text.isEmpty else { return }
    apply(style, to: window)
    _ = mvwaddstr(window, Int32(row), Int32(column), text)
  }

  private func apply(_ style: Style, to window: UnsafeMutablePointer<WINDOW>) {
    let (attributes, pair) = cursesStyle(style)
    _ = nr_set_style(attributes, pair)
  }
}
