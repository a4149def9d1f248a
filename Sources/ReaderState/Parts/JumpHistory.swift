/// Where the reader has jumped from, so a jump (Enter on a related item that is a loaded article, which may
/// clear the filters and the search) can be undone and redone, as vim's jump list does.
///
/// An entry is the listing and the search session as they were: filter, search, sort, selections, scrolls
/// and focus all come back together. New records make every entry stale, so a load clears the history.
public struct JumpHistory: Sendable, Equatable {
  /// How the reader was before one jump.
  public struct Entry: Sendable, Equatable {
    public var listing: Listing
    public var search: SearchSession

    public init(listing: Listing, search: SearchSession) {
      self.listing = listing
      self.search = search
    }
  }

  /// Entries kept at most: each holds its own list of rows, so a long session must not grow without bound.
  public static let limit = 20

  /// Older states, the most recent last.
  public private(set) var back: [Entry]
  /// States gone back from, the most recent last; a new jump drops them.
  public private(set) var forward: [Entry]

  public init() {
    back = []
    forward = []
  }

  public var canGoBack: Bool { !back.isEmpty }
  public var canGoForward: Bool { !forward.isEmpty }

  /// A jump is about to leave `entry`.
  public mutating func record(_ entry: Entry) {
    back.append(entry)
    if back.count > JumpHistory.limit { back.removeFirst(back.count - JumpHistory.limit) }
    forward = []
  }

  /// The state before the last jump, remembering `current` for going forward again; nil when there is none.
  public mutating func goBack(from current: Entry) -> Entry? {
    guard let entry = back.popLast() else { return nil }
    forward.append(current)
    return entry
  }

  /// The state last gone back from, remembering `current` for going back again; nil when there is none.
  public mutating func goForward(from current: Entry) -> Entry? {
    guard let entry = forward.popLast() else { return nil }
    back.append(current)
    return entry
  }

  /// Forgets every entry (the records they point into were replaced).
  public mutating func clear() { self = JumpHistory() }
}
