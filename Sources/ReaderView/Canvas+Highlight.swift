import NewsCore
import ReaderState
import ScreenKit

extension Canvas {
  /// Draws `text` like `Grid.put` and then the words the query looks for in it again, in `match` over
  /// `textStyle`: the match role adds its attributes (underline or bold, so it reads without colour) and
  /// its colours only where it has some. Returns the columns written.
  @discardableResult
  mutating func putHighlighted(
    _ text: String, row: Int, column: Int, maxColumns: Int, style textStyle: Style
  ) -> Int {
    let written = grid.put(text, row: row, column: column, maxColumns: maxColumns, style: textStyle)
    let terms = highlightTerms
    guard !terms.isEmpty, written > 0 else { return written }
    let ranges = MatchHighlighter.ranges(of: terms, in: text)
    guard !ranges.isEmpty else { return written }
    let match = style(.match)
    var marked = textStyle.adding(match.attributes)
    if match.foreground != .default { marked.foreground = match.foreground }
    if match.background != .default { marked.background = match.background }
    // A cut text ends in "…": leave that cell alone.
    let limit = DisplayWidth.columns(of: text) > written ? written - 1 : written
    for range in ranges {
      let start = DisplayWidth.columns(of: String(text[..<range.lowerBound]))
      guard start < limit else { break }
      // Only the whole characters that fit before the limit: `put` would end a cut piece in its own "…".
      var piece = ""
      var width = 0
      for character in text[range] {
        let columns = DisplayWidth.columns(of: String(character))
        guard start + width + columns <= limit else { break }
        piece.append(character)
        width += columns
      }
      grid.put(piece, row: row, column: column + start, style: marked)
    }
    return written
  }
}
