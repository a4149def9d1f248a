import Foundation
import ReaderState
import ReaderView
import ScreenKit
import Testing

/// However small the terminal, it says what size is needed, whole, instead of a cut-off sentence.
@Suite struct TinyTerminalTests {
  @Test(arguments: [
    (Size(columns: 12, rows: 3), ["Too small:", "need 40x10", "(now 12x3)"]),
    (Size(columns: 20, rows: 1), ["need 40x10"]),
    (Size(columns: 39, rows: 9), ["Terminal too small: need at least 40x10", "(now 39x9)"]),
  ])
  func messageFitsTheTerminal(size: Size, lines: [String]) {
    let state = ReaderFixtures.state(size: size)
    let grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    let shown = (0..<size.rows).map { grid.rowText($0).trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
    #expect(shown == lines)
  }

  @Test func aSingleCellDoesNotCrash() {
    let size = Size(columns: 1, rows: 1)
    let grid = ReaderRenderer.render(
      ReaderFixtures.state(size: size), theme: .monochrome, keyMap: .standard, size: size, now: 0)
    #expect(grid.size == size)
  }
}
