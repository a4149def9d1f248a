/// Turns what curses' `wget_wch` returned into a `Key`, without depending on curses itself: the key
/// codes and mouse masks come in as numbers (the real ones from the curses headers at run time).
public struct TerminalInputDecoder: Sendable {
  /// The curses numbers for the special keys and mouse buttons.
  public struct Codes: Sendable {
    public var down, up, left, right, home, end, pageDown, pageUp: Int32
    public var backspace, delete, enter, backTab, resize, mouse: Int32
    /// `KEY_F(0)`: F1 is this plus one.
    public var functionZero: Int32
    /// Keypad and other keys that mean the same as a plain key (KEY_SHOME, KEY_A1, …).
    public var aliases: [Int32: Key]

    public var button1Press, button1Click, button2Press, button2Click: UInt64
    public var button3Press, button3Click, button4Press, button5Press: UInt64

    public init(
      down: Int32, up: Int32, left: Int32, right: Int32, home: Int32, end: Int32, pageDown: Int32,
      pageUp: Int32, backspace: Int32, delete: Int32, enter: Int32, backTab: Int32, resize: Int32,
      mouse: Int32, functionZero: Int32, aliases: [Int32: Key] = [:], button1Press: UInt64,
      button1Click: UInt64, button2Press: UInt64, button2Click: UInt64, button3Press: UInt64,
      button3Click: UInt64, button4Press: UInt64, button5Press: UInt64
    ) {
      (self.down, self.up, self.left, self.right, self.home, self.end) = (down, up, left, right, home, end)
      (self.pageDown, self.pageUp, self.backspace, self.delete) = (pageDown, pageUp, backspace, delete)
      (self.enter, self.backTab, self.resize, self.mouse) = (enter, backTab, resize, mouse)
      self.functionZero = functionZero
      self.aliases = aliases
      (self.button1Press, self.button1Click, self.button2Press, self.button2Click) =
        (button1Press, button1Click, button2Press, button2Click)
      (self.button3Press, self.button3Click, self.button4Press, self.button5Press) =
        (button3Press, button3Click, button4Press, button5Press)
    }

    /// The values of ncurses 6 with its default (version 2) mouse interface, for tests.
    public static let ncurses6 = Codes(
      down: 0o402, up: 0o403, left: 0o404, right: 0o405, home: 0o406, end: 0o550, pageDown: 0o522,
      pageUp: 0o523, backspace: 0o407, delete: 0o512, enter: 0o527, backTab: 0o541, resize: 0o632,
      mouse: 0o631, functionZero: 0o410, button1Press: 0x2, button1Click: 0x4, button2Press: 0x40,
      button2Click: 0x80, button3Press: 0x800, button3Click: 0x1000, button4Press: 0x10000,
      button5Press: 0x200000)
  }

  /// What one read from the terminal means.
  public enum Input: Hashable, Sendable {
    case key(Key)
    /// KEY_RESIZE: ask curses for the new size.
    case resize
    /// KEY_MOUSE: ask curses for the mouse event.
    case mouse
    /// Nothing the reader uses (an unknown function key, a lone control character).
    case ignored
  }

  public let codes: Codes

  public init(codes: Codes) { self.codes = codes }

  /// Decodes a `wget_wch` result: `isFunctionKey` when it returned KEY_CODE_YES, else `code` is a
  /// character. Enter arrives as 10 or 13, Backspace as KEY_BACKSPACE, 127 or 8.
  public func decode(code: UInt32, isFunctionKey: Bool) -> Input {
    isFunctionKey ? decodeFunctionKey(Int32(truncatingIfNeeded: code)) : decodeCharacter(code)
  }

  private func decodeCharacter(_ code: UInt32) -> Input {
    switch code {
    case 10, 13: return .key(.enter)
    case 9: return .key(.tab)
    case 27: return .key(.escape)
    case 8, 127: return .key(.backspace)
    case 1...26:
      return .key(.control(Character(UnicodeScalar(UInt8(code) + 0x60))))
    case 0..<32, 0x80..<0xA0: return .ignored
    default:
      guard let scalar = UnicodeScalar(code) else { return .ignored }
      return .key(.character(Character(scalar)))
    }
  }

  private func decodeFunctionKey(_ code: Int32) -> Input {
    switch code {
    case codes.down: return .key(.down)
    case codes.up: return .key(.up)
    case codes.left: return .key(.left)
    case codes.right: return .key(.right)
    case codes.home: return .key(.home)
    case codes.end: return .key(.end)
    case codes.pageDown: return .key(.pageDown)
    case codes.pageUp: return .key(.pageUp)
    case codes.backspace: return .key(.backspace)
    case codes.delete: return .key(.delete)
    case codes.enter: return .key(.enter)
    case codes.backTab: return .key(.backTab)
    case codes.resize: return .resize
    case codes.mouse: return .mouse
    case (codes.functionZero + 1)...(codes.functionZero + 12):
      return .key(.function(Int(code - codes.functionZero)))
    default: return codes.aliases[code].map { .key($0) } ?? .ignored
    }
  }

  /// Decodes a curses mouse state at a position: a press or click of buttons 1-3, or the wheel
  /// (buttons 4 and 5). Releases and motion give nil.
  public func decodeMouse(buttonState: UInt64, row: Int, column: Int) -> MouseEvent? {
    let kind: MouseEvent.Kind
    if buttonState & codes.button4Press != 0 {
      kind = .wheelUp
    } else if buttonState & codes.button5Press != 0 {
      kind = .wheelDown
    } else if buttonState & (codes.button1Press | codes.button1Click) != 0 {
      kind = .click(.left)
    } else if buttonState & (codes.button2Press | codes.button2Click) != 0 {
      kind = .click(.middle)
    } else if buttonState & (codes.button3Press | codes.button3Click) != 0 {
      kind = .click(.right)
    } else {
      return nil
    }
    return MouseEvent(kind, row: row, column: column)
  }
}
