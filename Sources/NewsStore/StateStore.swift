import Foundation
internal import GRDB
import Synchronization

/// The reading state in one SQLite file: marks in and out as plain values, safe with other processes.
///
/// Opened through ``open(path:options:now:)``, which turns every fault into a reason instead of a
/// crash. All reads go through the pool's reader connections (WAL: never blocked by a writer, in this
/// process or another); all writes through its one writer connection, with a busy timeout so two
/// readers on one file wait for each other instead of failing with "database is locked".
public final class StateStore: Sendable {
  /// The state file.
  public let path: String
  let pool: DatabasePool
  /// The writer connection's last `PRAGMA data_version`, and whether a check is under way.
  private let versionCheck = Mutex<VersionCheck>(VersionCheck())
  private let externalChange = Atomic<Bool>(false)

  private struct VersionCheck {
    var lastVersion: Int?
    var inFlight = false
  }

  init(path: String, pool: DatabasePool) {
    self.path = path
    self.pool = pool
    // The version the writer connection sees now; later changes are commits of other connections.
    let version = try? pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA data_version") }
    versionCheck.withLock { $0.lastVersion = version }
  }

  /// Every mark in the file, including those of articles not loaded now.
  public func marks() throws -> [ArticleMark] {
    try pool.read { db in
      var marks: [ArticleMark] = []
      let rows = try Row.fetchCursor(
        db, sql: "SELECT id, url, readAt, starredAt, firstSeenAt FROM mark ORDER BY id")
      while let row = try rows.next() {
        marks.append(
          ArticleMark(
            id: row[0], url: row[1], readAt: (row[2] as Int64?).map(Milliseconds.seconds),
            starredAt: (row[3] as Int64?).map(Milliseconds.seconds),
            firstSeenAt: (row[4] as Int64?).map(Milliseconds.seconds)))
      }
      return marks
    }
  }

  /// Writes `changes` in one transaction, in order (a later change to one article wins).
  ///
  /// Marking read an article already read keeps the first time; so does starring a starred one.
  public func apply(_ changes: [MarkChange]) throws {
    guard !changes.isEmpty else { return }
    try pool.write { db in
      for change in changes {
        guard let at = Milliseconds.from(change.at) else { continue }
        // Cached: preparing each statement anew (with GRDB's authorizer) cost more than running it.
        let statement = try db.cachedStatement(sql: Self.changeSQL(change.kind))
        switch change.kind {
        case .read, .star: try statement.execute(arguments: [change.id, change.url, at])
        case .unread, .unstar: try statement.execute(arguments: [change.id, change.url])
        }
      }
    }
  }

  /// The upsert of one change: ?1 the id, ?2 the URL, ?3 the time (for read and star).
  private static func changeSQL(_ kind: MarkChange.Kind) -> String {
    switch kind {
    case .read:
      """
      INSERT INTO mark (id, url, readAt) VALUES (?1, ?2, ?3)
      ON CONFLICT (id) DO UPDATE SET readAt = coalesce(readAt, ?3), url = coalesce(?2, url)
      """
    case .unread:
      """
      INSERT INTO mark (id, url) VALUES (?1, ?2)
      ON CONFLICT (id) DO UPDATE SET readAt = NULL, url = coalesce(?2, url)
      """
    case .star:
      """
      INSERT INTO mark (id, url, starredAt) VALUES (?1, ?2, ?3)
      ON CONFLICT (id) DO UPDATE SET starredAt = coalesce(starredAt, ?3), url = coalesce(?2, url)
      """
    case .unstar:
      """
      INSERT INTO mark (id, url) VALUES (?1, ?2)
      ON CONFLICT (id) DO UPDATE SET starredAt = NULL, url = coalesce(?2, url)
      """
    }
  }

  /// How an import changed the file.
  public struct MergeResult: Sendable, Equatable {
    /// Marks given.
    public var merged: Int
    /// Articles whose row was created or changed by the merge (0 when the same file is imported again).
    public var changed: Int
  }

  /// Merges marks from another file or machine: a union that never unmarks, so it is idempotent.
  ///
  /// A read or starred article stays so; when both sides have a time, the earlier one is kept (the
  /// first time the user read it anywhere); first-seen is the earlier of the two as well.
  public func merge(_ marks: [ArticleMark]) throws -> MergeResult {
    try pool.write { db in
      // The earlier of the file's time and the imported one, either of which may be missing.
      func earlier(_ column: String, _ parameter: String) -> String {
        """
        CASE WHEN \(parameter) IS NULL THEN \(column) WHEN \(column) IS NULL THEN \(parameter) \
        ELSE min(\(column), \(parameter)) END
        """
      }
      let merged = [
        "coalesce(url, ?2)", earlier("readAt", "?3"), earlier("starredAt", "?4"),
        earlier("firstSeenAt", "?5"),
      ]
      // The WHERE skips rows the merge would leave as they are, so `changesCount` counts real changes.
      let statement = try db.cachedStatement(
        sql: """
          INSERT INTO mark (id, url, readAt, starredAt, firstSeenAt) VALUES (?1, ?2, ?3, ?4, ?5)
          ON CONFLICT (id) DO UPDATE SET
            url = \(merged[0]), readAt = \(merged[1]), starredAt = \(merged[2]), firstSeenAt = \(merged[3])
          WHERE (url, readAt, starredAt, firstSeenAt) IS NOT (\(merged.joined(separator: ", ")))
          """)
      var changed = 0
      for mark in marks {
        try statement.execute(arguments: [
          mark.id, mark.url, mark.readAt.flatMap(Milliseconds.from),
          mark.starredAt.flatMap(Milliseconds.from), mark.firstSeenAt.flatMap(Milliseconds.from),
        ])
        changed += db.changesCount
      }
      return MergeResult(merged: marks.count, changed: changed)
    }
  }

  /// Starts a reader's session: stores its start and returns the previous one's.
  public func beginSession(now: Double) throws -> ReadingSession {
    let startedAt = Milliseconds.from(now) ?? 0
    return try pool.write { db in
      let previous = try Int64.fetchOne(
        db, sql: "SELECT value FROM meta WHERE key = 'lastSessionStartedAt'")
      try db.execute(
        sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('lastSessionStartedAt', ?)",
        arguments: [startedAt])
      return ReadingSession(
        startedAt: Milliseconds.seconds(startedAt), previousStartedAt: previous.map(Milliseconds.seconds))
    }
  }

  /// Records that the reader loaded these articles now (kept only the first time) and returns the
  /// ids among them that are new in `session`: first seen at or after its start.
  ///
  /// Called again after a reload, it returns the articles of the whole session that are new, not only
  /// those of the last call, so the reader's count of new articles needs no memory of its own.
  public func recordFirstSeen(
    _ articles: [(id: String, url: String?)], now: Double, session: ReadingSession
  ) throws -> Set<String> {
    let seenAt = Milliseconds.from(now) ?? 0
    let since = Milliseconds.from(session.startedAt) ?? 0
    // What the file already knows, read without the write lock: on every start after the first (and
    // every reload) nearly all loaded articles have been seen, and upserting each one anyway held the
    // lock that other readers' marks wait for for more than half a second at 100,000 articles.
    let known = try firstSeenTimes()
    var fresh = Set<String>()
    var unrecorded: [(id: String, url: String?)] = []
    for article in articles {
      if let entry = known[article.id] {
        if entry.seenAt >= since { fresh.insert(article.id) }
        if entry.lacksURL, article.url != nil { unrecorded.append(article) }
      } else {
        // Seen now, in this session: new (another process recording it meanwhile did so in this
        // session's time too).
        fresh.insert(article.id)
        unrecorded.append(article)
      }
    }
    guard !unrecorded.isEmpty else { return fresh }
    try pool.write { db in
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO mark (id, url, firstSeenAt) VALUES (?1, ?2, ?3)
          ON CONFLICT (id) DO UPDATE SET firstSeenAt = coalesce(firstSeenAt, ?3), url = coalesce(url, ?2)
          WHERE firstSeenAt IS NULL OR (url IS NULL AND ?2 IS NOT NULL)
          """)
      for article in unrecorded {
        try insert.execute(arguments: [article.id, article.url, seenAt])
      }
    }
    return fresh
  }

  /// Whether another connection (another reader, `newsreader mark`, an import) has committed since the
  /// last check: cheap and never blocking, for the run loop's tick.
  ///
  /// It returns what the previous check found and starts the next one on the writer connection, whose
  /// `PRAGMA data_version` changes only for commits of other connections (so this process's own
  /// writes never count). A change is therefore reported on the tick after the one that started the
  /// check that saw it; call ``marks()`` then to re-read the state.
  public func hasExternalChanges() -> Bool {
    let start = versionCheck.withLock { check -> Bool in
      if check.inFlight { return false }
      check.inFlight = true
      return true
    }
    if start {
      pool.asyncWriteWithoutTransaction { db in
        let version = try? Int.fetchOne(db, sql: "PRAGMA data_version")
        self.versionCheck.withLock { check in
          if let version, let last = check.lastVersion, version != last {
            self.externalChange.store(true, ordering: .sequentiallyConsistent)
          }
          if let version { check.lastVersion = version }
          check.inFlight = false
        }
      }
    }
    return externalChange.exchange(false, ordering: .sequentiallyConsistent)
  }

  /// `PRAGMA integrity_check`'s answer: "ok" for a sound file, else the problems it lists.
  public func integrityCheck() throws -> String {
    try pool.read { db in
      try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
    }
  }

  /// Closes the connections (checkpointing the WAL into the file); the store must not be used after.
  public func close() {
    // Everything into the main file first, so a copy of the file alone (a backup) has every mark.
    _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    try? pool.close()
  }

  /// The number of marks kept, including first-seen-only rows.
  public func markCount() throws -> Int {
    try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM mark") ?? 0 }
  }
}
