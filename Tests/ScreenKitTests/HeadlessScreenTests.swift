import Testing

@testable import ScreenKit

@Suite struct HeadlessScreenTests {
  @Test func playsScriptedEventsAndRecordsGrids() throws {
    let screen = HeadlessScreen(size: Size(columns: 10, rows: 3), events: [.key(.down)])
    try screen.begin()
    #expect(screen.isActive)
    screen.enqueue(.resize(Size(columns: 20, rows: 5)), .mouse(MouseEvent(.wheelDown, row: 2, column: 3)))
    screen.enqueue(keys: [.character("q")])
    #expect(screen.nextEvent(timeout: .milliseconds(10)) == .key(.down))
    #expect(screen.nextEvent(timeout: .milliseconds(10)) == .resize(Size(columns: 20, rows: 5)))
    #expect(screen.size == Size(columns: 20, rows: 5))
    #expect(screen.nextEvent(timeout: .zero) == .mouse(MouseEvent(.wheelDown, row: 2, column: 3)))
    #expect(screen.nextEvent(timeout: .zero) == .key(.character("q")))
    #expect(screen.nextEvent(timeout: .zero) == nil)

    var grid = Grid(size: screen.size)
    grid.put("hi", row: 0, column: 0)
    screen.draw(grid)
    #expect(screen.lastGrid?.rowText(0).hasPrefix("hi ") == true)
    #expect(screen.drawnGrids.count == 1)

    #expect(screen.writeClipboard("https://example.com"))
    #expect(screen.clipboardWrites == ["https://example.com"])
    screen.end()
    screen.end()
    #expect(!screen.isActive && screen.endCount == 1)
  }

  @Test func clipboardCanBeUnsupported() {
    let screen = HeadlessScreen(size: Size(columns: 1, rows: 1), supportsClipboard: false)
    #expect(!screen.writeClipboard("x"))
    #expect(screen.clipboardWrites.isEmpty)
  }

  @Test func interruptExitStatus() {
    #expect(Event.exitStatus(forSignal: 2) == 130)
    #expect(Event.exitStatus(forSignal: 15) == 143)
  }

  @Test func colorParsing() {
    #expect(Color(parsing: "bright-red") == .brightRed)
    #expect(Color(parsing: " Blue ") == .blue)
    #expect(Color(parsing: "default") == .default)
    #expect(Color(parsing: "208") == .palette(208))
    #expect(Color(parsing: "#ff8000") == .rgb(255, 128, 0))
    #expect(Color(parsing: "grey") == .brightBlack)
    #expect(Color(parsing: "chartreuse-ish") == nil)
    #expect(Color(parsing: "256") == nil)
  }
}
