/// A key press, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable {
  /// A printable character, including space.
  case character(Character)
  /// Ctrl plus a letter, given in lower case (Ctrl-D is `.control("d")`).
  case control(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown
  case enter, escape, tab, backTab, backspace, delete
  /// F1 to F12.
  case function(Int)
}
