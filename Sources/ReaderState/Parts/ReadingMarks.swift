/// The marks a store holds, by article id, ready for the reader to take over as they are.
///
/// The program builds this while it reads the store, off the run loop, so applying the marks at start
/// (`.marksLoaded`) hashes nothing per mark on the run loop: it keeps this dictionary and looks up each
/// loaded article once.
public struct ReadingMarks: Sendable, Hashable, ExpressibleByArrayLiteral {
  /// Every mark, by article id; an article neither read nor starred has none.
  public private(set) var byID: [String: ReadingMark] = [:]
  /// How many of this reader's writes (`.writeMarks`, counted from the start) the store had when these
  /// marks were read: the reader applies its later ones again on top, so a mark made while the store
  /// was being read is not undone on screen.
  public var savedWrites = 0

  public init() {}

  public init(_ marks: some Sequence<ReadingMark>) {
    for mark in marks { add(mark) }
  }

  /// The marks a reading function gives: first how many will come (room is made for them at once),
  /// then one call of its body per mark. With a store's `forEachMark` this is the whole read of the
  /// state at start (the program and the benchmark both build it so).
  public init(
    reading: (
      _ expect: (_ count: Int) -> Void,
      _ body: (_ id: String, _ readAt: Double?, _ starredAt: Double?) -> Void
    ) throws -> Void
  ) rethrows {
    var marks = ReadingMarks()
    try reading({ marks.byID.reserveCapacity($0) }) { id, readAt, starredAt in
      marks.add(id: id, readAt: readAt, starredAt: starredAt)
    }
    self = marks
  }

  public init(arrayLiteral marks: ReadingMark...) {
    self.init(marks)
  }

  public var count: Int { byID.count }

  /// Sets the mark of `id`, replacing any earlier one; neither read nor starred leaves it without one.
  public mutating func add(id: String, readAt: Double?, starredAt: Double?) {
    byID[id] =
      readAt == nil && starredAt == nil ? nil : ReadingMark(id: id, readAt: readAt, starredAt: starredAt)
  }

  public mutating func add(_ mark: ReadingMark) {
    add(id: mark.id, readAt: mark.readAt, starredAt: mark.starredAt)
  }
}
