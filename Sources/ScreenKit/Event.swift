/// A mouse button as the terminal reports it.
public enum MouseButton: Hashable, Sendable {
  case left, middle, right
}

/// A mouse action at a screen position (0-based row and column).
public struct MouseEvent: Hashable, Sendable {
  /// What the mouse did.
  public enum Kind: Hashable, Sendable {
    case click(MouseButton)
    case wheelUp
    case wheelDown
  }

  public var kind: Kind
  public var row: Int
  public var column: Int

  public init(_ kind: Kind, row: Int, column: Int) {
    self.kind = kind
    self.row = row
    self.column = column
  }
}

/// Something that happened at the terminal: a key, the mouse, a resize, or a request to stop.
public enum Event: Hashable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  /// The terminal now has this size; the next frame must be rendered for it.
  case resize(Size)
  /// SIGINT (Ctrl-C), SIGTERM, SIGHUP or SIGALRM arrived: end the screen and exit with `128 + signal`.
  case interrupt(signal: Int32)
  /// SIGUSR1 arrived: read the records again, as the reload key does.
  case reloadRequested

  /// The conventional exit status for an interrupt: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP,
  /// 142 for SIGALRM.
  public static func exitStatus(forSignal signal: Int32) -> Int32 { 128 + signal }
}
