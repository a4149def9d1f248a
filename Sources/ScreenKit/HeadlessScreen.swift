/// A `Screen` for tests: records every grid drawn and plays back scripted events.
public final class HeadlessScreen: Screen {
  public private(set) var size: Size
  public var supportsClipboard: Bool
  /// Every grid drawn, oldest first.
  public private(set) var drawnGrids: [Grid] = []
  /// Everything written to the clipboard, oldest first.
  public private(set) var clipboardWrites: [String] = []
  public private(set) var beginCount = 0
  public private(set) var endCount = 0
  /// How many times a full repaint was asked for.
  public private(set) var invalidateCount = 0
  /// Events not yet delivered; `nextEvent` returns nil once it is empty.
  public private(set) var pendingEvents: [Event]

  public init(size: Size, events: [Event] = [], supportsClipboard: Bool = true) {
    self.size = size
    self.pendingEvents = events
    self.supportsClipboard = supportsClipboard
  }

  /// The last grid drawn, if any.
  public var lastGrid: Grid? { drawnGrids.last }

  /// True between `begin()` and `end()`.
  public var isActive: Bool { beginCount > endCount }

  /// Adds events to the end of the script.
  public func enqueue(_ events: Event...) { pendingEvents.append(contentsOf: events) }

  /// Adds key events to the end of the script.
  public func enqueue(keys: [Key]) { pendingEvents.append(contentsOf: keys.map { .key($0) }) }

  public func begin() throws { beginCount += 1 }

  public func end() {
    if isActive { endCount += 1 }
  }

  public func draw(_ grid: Grid) { drawnGrids.append(grid) }

  public func invalidate() { invalidateCount += 1 }

  /// Returns the next scripted event at once; a `.resize` also changes `size`, as a terminal would.
  public func nextEvent(timeout: Duration) -> Event? {
    guard !pendingEvents.isEmpty else { return nil }
    let event = pendingEvents.removeFirst()
    if case .resize(let newSize) = event { size = newSize }
    return event
  }

  @discardableResult
  public func writeClipboard(_ text: String) -> Bool {
    guard supportsClipboard else { return false }
    clipboardWrites.append(text)
    return true
  }
}
