/// A place to draw grids and read events from: a real terminal or a scripted one in tests.
public protocol Screen: AnyObject {
  /// The current size; changes are also announced with `Event.resize`.
  var size: Size { get }
  /// Whether `writeClipboard` can reach the terminal (OSC 52) at all.
  var supportsClipboard: Bool { get }
  /// Takes over the terminal; throws with a one-line message when it is not usable.
  func begin() throws
  /// Gives the terminal back exactly as it was; safe to call more than once.
  func end()
  /// Shows this grid; cells outside the screen are ignored.
  func draw(_ grid: Grid)
  /// The terminal may no longer show what was drawn (another program wrote to it): the next `draw`
  /// repaints every cell instead of only the changes (Ctrl-L).
  func invalidate()
  /// The next event, or nil when none arrived within `timeout` (so the caller can yield and do work).
  func nextEvent(timeout: Duration) -> Event?
  /// Puts text on the terminal's clipboard (OSC 52); returns false when it could not be sent.
  @discardableResult
  func writeClipboard(_ text: String) -> Bool
}
