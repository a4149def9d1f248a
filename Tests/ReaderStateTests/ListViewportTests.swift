import ReaderState
import Testing

@Suite struct ListViewportTests {
  @Test func emptyListIsValidAndIgnoresMoves() {
    var list = ListViewport(count: 0)
    for movement in Movement.allCases { list.move(movement, height: 5) }
    #expect(list.selectedIndex == nil)
    #expect(list.selection == 0 && list.offset == 0)
    #expect(list.visibleRows(height: 5) == 0..<0)
  }

  @Test func movesClampAtTheEnds() {
    var list = ListViewport(count: 3)
    list.move(.up, height: 10)
    #expect(list.selection == 0)
    list.move(.last, height: 10)
    #expect(list.selection == 2)
    list.move(.down, height: 10)
    #expect(list.selection == 2)
    list.move(.pageDown, height: 10)
    #expect(list.selection == 2 && list.offset == 0)
  }

  @Test func scrollingKeepsTwoRowsOfContext() {
    var list = ListViewport(count: 100)
    for _ in 0..<7 { list.move(.down, height: 10) }
    #expect(list.selection == 7 && list.offset == 0)
    list.move(.down, height: 10)
    #expect(list.selection == 8 && list.offset == 1)
    list.move(.last, height: 10)
    #expect(list.selection == 99 && list.offset == 90)
    for _ in 0..<7 { list.move(.up, height: 10) }
    #expect(list.selection == 92 && list.offset == 90)
    list.move(.up, height: 10)
    #expect(list.selection == 91 && list.offset == 89)
  }

  @Test func pagesMoveSelectionAndOffsetTogether() {
    var list = ListViewport(count: 100)
    // The view scrolls by a page, then keeps two rows of context above the selection.
    list.move(.pageDown, height: 10)
    #expect(list.selection == 10 && list.offset == 8)
    list.move(.halfPageDown, height: 10)
    #expect(list.selection == 15 && list.offset == 13)
    list.move(.halfPageUp, height: 10)
    #expect(list.selection == 10 && list.offset == 8)
    list.move(.first, height: 10)
    #expect(list.selection == 0 && list.offset == 0)
  }

  @Test func shrinkingTheListClampsTheSelection() {
    var list = ListViewport(count: 50, selection: 40)
    list.setCount(5)
    #expect(list.selection == 4 && list.offset(height: 10) == 0)
    list.setCount(0)
    #expect(list.selectedIndex == nil)
  }

  @Test func contextShrinksInTinyPanes() {
    var list = ListViewport(count: 10)
    list.move(.down, height: 2)
    list.move(.down, height: 2)
    #expect(list.selection == 2 && list.offset == 1)
  }

  /// The offset drawn follows the selection for whatever height the pane has now: selecting far away, or
  /// a pane that shrank, never hides the selection.
  @Test func theDrawnOffsetKeepsTheSelectionOnScreenForAnyHeight() {
    var list = ListViewport(count: 100)
    list.select(60)
    #expect(list.offset == 0)  // stored as it was; the drawing clamps
    #expect(list.offset(height: 10) == 53 && list.visibleRows(height: 10) == 53..<63)
    list.move(.down, height: 10)
    #expect(list.selection == 61 && list.offset == 54)
    // The pane shrinks to 4 rows: the selection stays on screen with one row of context.
    #expect(list.visibleRows(height: 4) == 59..<63)
    list.move(.last, height: 4)
    #expect(list.visibleRows(height: 4) == 96..<100)
  }

  @Test func textScrollStopsAtTheEndOfTheText() {
    var details = TextScroll()
    details.scroll(.pageDown, lines: 30, height: 10)
    #expect(details.offset == 10)
    details.scroll(.last, lines: 30, height: 10)
    #expect(details.offset == 20)
    details.scroll(.down, lines: 30, height: 10)
    #expect(details.offset == 20)
    // A taller pane (or a shorter text) draws from where the text still fills it.
    #expect(details.offset(lines: 30, height: 15) == 15 && details.offset(lines: 12, height: 10) == 2)
    details.scroll(.first, lines: 30, height: 10)
    #expect(details.offset == 0)
  }
}
