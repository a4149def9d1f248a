import Testing

@testable import ScreenKit

@Suite struct GridTests {
  init() { DisplayWidth.prepareLocale() }

  @Test func putWritesAndReturnsColumns() {
    var grid = Grid(size: Size(columns: 8, rows: 2))
    #expect(grid.put("abc", row: 0, column: 1) == 3)
    #expect(grid.put("東京", row: 1, column: 0) == 4)
    #expect(grid.framedText == "| abc    |\n|東京    |\n")
    #expect(grid[1, 0] == Cell("東", width: 2))
    #expect(grid[1, 1].isContinuation)
  }

  @Test func putTruncatesWithEllipsisAtTheEdge() {
    var grid = Grid(size: Size(columns: 6, rows: 1))
    #expect(grid.put("headline", row: 0, column: 0) == 6)
    #expect(grid.rowText(0) == "headl…")
    #expect(grid.put("xyz", row: 0, column: 0, maxColumns: 2) == 2)
    #expect(grid.rowText(0) == "x…adl…")
  }

  @Test func wideCharacterIsNeverHalfDrawnAtTheRightEdge() {
    var grid = Grid(size: Size(columns: 5, rows: 1))
    // "ab" then 東 would need columns 2-3 and 京 columns 4-5: 京 does not fit, so "ab東…".
    #expect(grid.put("ab東京", row: 0, column: 0) == 5)
    #expect(grid.framedText == "|ab東…|\n")
    var narrow = Grid(size: Size(columns: 3, rows: 1))
    #expect(narrow.put("東京", row: 0, column: 1) == 1)
    #expect(narrow.framedText == "| … |\n")
    var exact = Grid(size: Size(columns: 3, rows: 1))
    #expect(exact.put("東", row: 0, column: 1) == 2)
    #expect(exact.framedText == "| 東|\n")
  }

  @Test func aPastedPieceIsTheDrawnOne() {
    var drawn = Grid(size: Size(columns: 8, rows: 1))
    drawn.put("a東京b", row: 0, column: 1, style: Style(attributes: [.bold]))
    let piece = drawn.cells(row: 0, column: 0, columns: 8)
    var pasted = Grid(size: Size(columns: 8, rows: 1))
    pasted.put("xxxxxxxx", row: 0, column: 0)
    pasted.paste(piece, row: 0, column: 0)
    #expect(pasted == drawn)
    // Outside the grid: nothing taken, nothing written.
    #expect(drawn.cells(row: 1, column: 0, columns: 8).isEmpty)
    pasted.paste(piece, row: 1, column: 0)
    #expect(pasted == drawn)
  }

  @Test func pasteNeverLeavesHalfAWideCharacter() {
    var drawn = Grid(size: Size(columns: 4, rows: 1))
    drawn.put("東京", row: 0, column: 0)
    // Cut after 東's first column and before 京's second: both ends are blanked.
    var cut = Grid(size: Size(columns: 6, rows: 1))
    cut.paste(drawn.cells(row: 0, column: 1, columns: 2), row: 0, column: 0)
    #expect(cut.framedText == "|      |\n")
    // Clipped at the right edge: what fits is kept, a wide character that does not is a blank.
    var edge = Grid(size: Size(columns: 3, rows: 1))
    edge.paste(drawn.cells(row: 0, column: 0, columns: 4), row: 0, column: 1)
    #expect(edge.framedText == "| 東|\n")
    edge.paste(drawn.cells(row: 0, column: 0, columns: 4), row: 0, column: 2)
    #expect(edge.framedText == "|   |\n")
    // Pasting over half of a wide character blanks its other half, as `put` does.
    var over = Grid(size: Size(columns: 4, rows: 1))
    over.put("東京", row: 0, column: 0)
    over.paste(Grid(size: Size(columns: 1, rows: 1)).cells(row: 0, column: 0, columns: 1), row: 0, column: 1)
    #expect(over.framedText == "|  京|\n")
  }

  @Test func putOutsideTheGridWritesNothing() {
    var grid = Grid(size: Size(columns: 4, rows: 1))
    #expect(grid.put("x", row: 1, column: 0) == 0)
    #expect(grid.put("x", row: -1, column: 0) == 0)
    #expect(grid.put("x", row: 0, column: 4) == 0)
    #expect(grid.put("x", row: 0, column: 0, maxColumns: 0) == 0)
    #expect(grid.framedText == "|    |\n")
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var grid = Grid(size: Size(columns: 6, rows: 1))
    grid.put("東京都", row: 0, column: 0)
    grid.put("x", row: 0, column: 1)  // lands on the second half of 東
    #expect(grid.framedText == "| x京都|\n")
    grid.put("y", row: 0, column: 2)  // first half of 京
    #expect(grid.framedText == "| xy 都|\n")
    #expect(!grid[0, 3].isContinuation)
  }

  @Test func controlsNeverReachACell() {
    var grid = Grid(size: Size(columns: 12, rows: 1))
    grid.put("a\u{1B}]52;c;eA==\u{07}b", row: 0, column: 0)
    #expect(
      grid.cells.allSatisfy { cell in
        cell.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
      })
    #expect(grid.rowText(0) == "a]52;c;eA==b")
  }

  @Test func fillStylesTheCellsOfARect() {
    let bold = Style(foreground: .red, attributes: .bold)
    var grid = Grid(size: Size(columns: 6, rows: 2))
    grid.fill(Rect(row: 0, column: 2, columns: 2, rows: 2), style: bold)
    #expect((0..<6).map { grid[0, $0].style } == [.plain, .plain, bold, bold, .plain, .plain])
    #expect(grid.rowText(0) == "      ")
  }

  @Test func rectSplits() {
    let area = Rect(columns: 80, rows: 24)
    let (header, rest) = area.split(rows: 1)
    let (body, status) = rest.split(bottomRows: 1)
    let (list, detail) = body.split(columns: 30)
    #expect(header == Rect(row: 0, column: 0, columns: 80, rows: 1))
    #expect(status == Rect(row: 23, column: 0, columns: 80, rows: 1))
    #expect(list == Rect(row: 1, column: 0, columns: 30, rows: 22))
    #expect(detail == Rect(row: 1, column: 30, columns: 50, rows: 22))
    #expect(detail.inset(by: 1) == Rect(row: 2, column: 31, columns: 48, rows: 20))
    #expect(area.split(rightColumns: 100).left.isEmpty)
    #expect(Rect(columns: 3, rows: 1).inset(left: 5).columns == 0)
    #expect(list.row(2) == Rect(row: 3, column: 0, columns: 30, rows: 1))
    #expect(list.contains(row: 1, column: 29) && !list.contains(row: 1, column: 30))
  }
}
