import ReaderState
import Testing

@Suite struct ListViewportTests {
  @Test func emptyListIsValidAndIgnoresMoves() {
    var list = ListViewport(count: 0, height: 5)
    for movement in Movement.allCases { list.move(movement) }
    #expect(list.selectedIndex == nil)
    #expect(list.selection == 0 && list.offset == 0)
    #expect(list.visibleRows == 0..<0)
  }

  @Test func movesClampAtTheEnds() {
    var list = ListViewport(count: 3, height: 10)
    list.move(.up)
    #expect(list.selection == 0)
    list.move(.last)
    #expect(list.selection == 2)
    list.move(.down)
    #expect(list.selection == 2)
    list.move(.pageDown)
    #expect(list.selection == 2 && list.offset == 0)
  }

  @Test func scrollingKeepsTwoRowsOfContext() {
    var list = ListViewport(count: 100, height: 10)
    for _ in 0..<7 { list.move(.down) }
    #expect(list.selection == 7 && list.offset == 0)
    list.move(.down)
    #expect(list.selection == 8 && list.offset == 1)
    list.move(.last)
    #expect(list.selection == 99 && list.offset == 90)
    for _ in 0..<7 { list.move(.up) }
    #expect(list.selection == 92 && list.offset == 90)
    list.move(.up)
    #expect(list.selection == 91 && list.offset == 89)
  }

  @Test func pagesMoveSelectionAndOffsetTogether() {
    var list = ListViewport(count: 100, height: 10)
    // The view scrolls by a page, then keeps two rows of context above the selection.
    list.move(.pageDown)
    #expect(list.selection == 10 && list.offset == 8)
    list.move(.halfPageDown)
    #expect(list.selection == 15 && list.offset == 13)
    list.move(.halfPageUp)
    #expect(list.selection == 10 && list.offset == 8)
    list.move(.first)
    #expect(list.selection == 0 && list.offset == 0)
  }

  @Test func shrinkingTheListClampsTheSelection() {
    var list = ListViewport(count: 50, height: 10, selection: 40)
    list.setCount(5)
    #expect(list.selection == 4 && list.offset == 0)
    list.setCount(0)
    #expect(list.selectedIndex == nil)
  }

  @Test func contextShrinksInTinyPanes() {
    var list = ListViewport(count: 10, height: 2)
    list.move(.down)
    list.move(.down)
    #expect(list.selection == 2 && list.offset == 1)
  }

  @Test func scrollMovesOnlyTheOffset() {
    var details = ListViewport(count: 30, height: 10)
    details.scroll(.pageDown)
    #expect(details.offset == 10)
    details.scroll(.last)
    #expect(details.offset == 20)
    details.scroll(.down)
    #expect(details.offset == 20)
    details.scroll(.first)
    #expect(details.offset == 0)
  }
}
