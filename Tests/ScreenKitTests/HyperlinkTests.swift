import ScreenKit
import Testing

@Suite struct HyperlinkTests {
  @Test func onlyTerminalsKnownToSupportOSC8GetIt() {
    #expect(OSC8.isSupported(environment: ["TERM_PROGRAM": "WezTerm", "TERM": "xterm-256color"]))
    #expect(OSC8.isSupported(environment: ["VTE_VERSION": "7200", "TERM": "xterm-256color"]))
    #expect(OSC8.isSupported(environment: ["TERM": "xterm-kitty"]))
    #expect(!OSC8.isSupported(environment: ["TERM": "xterm-256color"]))
    #expect(!OSC8.isSupported(environment: ["VTE_VERSION": "4800"]))
    // Inside tmux the outer terminal is unknown, and tmux 3.3 drops the sequences.
    #expect(!OSC8.isSupported(environment: ["TERM_PROGRAM": "WezTerm", "TMUX": "/tmp/tmux-0/default,1,0"]))
  }

  @Test func theSequenceRewritesTheCellsInsideTheLink() throws {
    var grid = Grid(size: Size(columns: 30, rows: 3))
    grid.put("https://x.example/Malmö", row: 1, column: 2)
    let link = Hyperlink(row: 1, column: 2, columns: 23, url: "https://x.example/Malm%C3%B6")
    let bytes = try #require(OSC8.sequence(for: link, in: grid))
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == "\u{1B}7\u{1B}[2;3H\u{1B}[0m\u{1B}]8;;https://x.example/Malm%C3%B6\u{1B}\\https://x.example/Malmö"
        + "\u{1B}]8;;\u{1B}\\\u{1B}8")
    // A URL OSC 8 cannot carry, or styled cells that would lose their style, are left alone.
    #expect(
      OSC8.sequence(for: Hyperlink(row: 1, column: 2, columns: 23, url: "https://x/ö"), in: grid) == nil)
    grid.put("styled", row: 2, column: 0, style: Style(attributes: [.bold]))
    #expect(OSC8.sequence(for: Hyperlink(row: 2, column: 0, columns: 6, url: "https://x/"), in: grid) == nil)
  }
}
