import Testing

@testable import ScreenKit

@Suite struct TerminalInputDecoderTests {
  let decoder = TerminalInputDecoder(codes: .ncurses6)

  @Test(arguments: [
    (UInt32(10), TerminalInputDecoder.Input.key(.enter)),
    (13, .key(.enter)),
    (9, .key(.tab)),
    (27, .key(.escape)),
    (127, .key(.backspace)),
    (8, .key(.backspace)),
    (1, .key(.control("a"))),
    (4, .key(.control("d"))),
    (21, .key(.control("u"))),
    (26, .key(.control("z"))),
    (32, .key(.character(" "))),
    (UInt32(UInt8(ascii: "j")), .key(.character("j"))),
    (0x6771, .key(.character("東"))),
    (0x1F44D, .key(.character("👍"))),
    (0, .ignored),
    (28, .ignored),
    (0x9B, .ignored),  // C1 CSI never becomes a character
  ])
  func characters(code: UInt32, expected: TerminalInputDecoder.Input) {
    #expect(decoder.decode(code: code, isFunctionKey: false) == expected)
  }

  @Test(arguments: [
    (Int32(0o402), TerminalInputDecoder.Input.key(.down)),
    (0o403, .key(.up)),
    (0o404, .key(.left)),
    (0o405, .key(.right)),
    (0o406, .key(.home)),
    (0o550, .key(.end)),
    (0o522, .key(.pageDown)),
    (0o523, .key(.pageUp)),
    (0o407, .key(.backspace)),
    (0o512, .key(.delete)),
    (0o527, .key(.enter)),
    (0o541, .key(.backTab)),
    (0o411, .key(.function(1))),
    (0o424, .key(.function(12))),
    (0o425, .ignored),  // F13
    (0o632, .resize),
    (0o631, .mouse),
    (0o777, .ignored),
  ])
  func functionKeys(code: Int32, expected: TerminalInputDecoder.Input) {
    #expect(decoder.decode(code: UInt32(code), isFunctionKey: true) == expected)
  }

  @Test func aliases() {
    var codes = TerminalInputDecoder.Codes.ncurses6
    codes.aliases = [0o534: .home]  // KEY_A1, the keypad's Home
    #expect(TerminalInputDecoder(codes: codes).decode(code: 0o534, isFunctionKey: true) == .key(.home))
  }

  @Test func mouse() {
    let codes = TerminalInputDecoder.Codes.ncurses6
    #expect(
      decoder.decodeMouse(buttonState: codes.button1Press, row: 3, column: 7)
        == MouseEvent(.click(.left), row: 3, column: 7))
    #expect(decoder.decodeMouse(buttonState: codes.button1Click, row: 0, column: 0)?.kind == .click(.left))
    #expect(decoder.decodeMouse(buttonState: codes.button3Press, row: 0, column: 0)?.kind == .click(.right))
    #expect(
      decoder.decodeMouse(buttonState: codes.button4Press, row: 5, column: 1)
        == MouseEvent(.wheelUp, row: 5, column: 1))
    #expect(decoder.decodeMouse(buttonState: codes.button5Press, row: 5, column: 1)?.kind == .wheelDown)
    #expect(decoder.decodeMouse(buttonState: 0x1, row: 0, column: 0) == nil)  // button 1 released
    // REPORT_MOUSE_POSITION alone: motion, not a click.
    #expect(decoder.decodeMouse(buttonState: 0x1000_0000, row: 0, column: 0) == nil)
  }
}
