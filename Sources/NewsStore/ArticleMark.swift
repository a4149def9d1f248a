/// The reading state of one article: when it was read, starred and first loaded, keyed by its stable id.
///
/// Times are seconds since 1970 (UTC) at millisecond precision, the precision the store keeps; nil
/// means "not read", "not starred" or "never loaded by a reader".
public struct ArticleMark: Sendable, Equatable, Hashable {
  /// The article's stable id (the same on any machine), as `list --format json` prints it.
  public var id: String
  /// The article's link when known, so an exported mark still says which article it was.
  public var url: String?
  public var readAt: Double?
  public var starredAt: Double?
  public var firstSeenAt: Double?

  public init(
    id: String, url: String? = nil, readAt: Double? = nil, starredAt: Double? = nil,
    firstSeenAt: Double? = nil
  ) {
    self.id = id
    self.url = url
    self.readAt = readAt
    self.starredAt = starredAt
    self.firstSeenAt = firstSeenAt
  }

  public var isRead: Bool { readAt != nil }
  public var isStarred: Bool { starredAt != nil }
}

/// One change of reading state asked for by the user: the unit the background writer queues.
public struct MarkChange: Sendable, Equatable, Hashable {
  /// What the change does to the article's state.
  public enum Kind: String, Sendable, CaseIterable {
    case read, unread, star, unstar
  }

  public var id: String
  public var url: String?
  public var kind: Kind
  /// When the user made the change (seconds since 1970); it becomes `readAt` or `starredAt`.
  public var at: Double

  public init(id: String, url: String? = nil, kind: Kind, at: Double) {
    self.id = id
    self.url = url
    self.kind = kind
    self.at = at
  }
}

/// A reader's run, as the store counts runs for "new since the last run".
///
/// An article is new in a session when no session that started earlier had loaded it: its first-seen
/// time is at or after this session's start. The previous session's start is kept only to be shown.
public struct ReadingSession: Sendable, Equatable {
  public var startedAt: Double
  /// When the session before this one started, or nil on the first run with this state file.
  public var previousStartedAt: Double?

  public init(startedAt: Double, previousStartedAt: Double?) {
    self.startedAt = startedAt
    self.previousStartedAt = previousStartedAt
  }
}

/// Milliseconds since 1970, the unit the store keeps times in, so a round trip through export is exact.
enum Milliseconds {
  static func from(_ seconds: Double) -> Int64? {
    guard seconds.isFinite, abs(seconds) < 1e14 else { return nil }
    return Int64((seconds * 1000).rounded())
  }

  static func seconds(_ milliseconds: Int64) -> Double { Double(milliseconds) / 1000 }
}
