import Foundation
import GRDB
import Testing

@testable import NewsStore

/// The read a reader makes at start (`forEachMark`): the read or starred articles only, their count
/// announced first, through the partial index of schema v2, which files of schema v1 get on opening.
@Suite struct StartReadTests {
  let now = 1_780_000_000.0

  /// What `forEachMark` gave: the count it announced and the marks, sorted by id.
  private func startRead(_ store: StateStore) throws -> (expected: [Int], marks: [ArticleMark]) {
    var expected: [Int] = []
    var marks: [ArticleMark] = []
    try store.forEachMark(expect: { expected.append($0) }) { id, readAt, starredAt in
      marks.append(ArticleMark(id: id, readAt: readAt, starredAt: starredAt))
    }
    return (expected, marks.sorted { $0.id < $1.id })
  }

  @Test func givesTheReadAndStarredArticlesOnlyWithTheirTimesAndCountsThemFirst() throws {
    let directory = try TemporaryDirectory()
    let store = try #require(StateStore.open(path: directory.file("state.sqlite"), now: now).store)
    let session = try store.beginSession(now: now)
    _ = try store.recordFirstSeen(
      [("seen", nil), ("read", nil), ("both", nil), ("unmarked", nil)], now: now, session: session)
    try store.apply([
      MarkChange(id: "read", kind: .read, at: now + 1.5),
      MarkChange(id: "both", kind: .read, at: now + 2), MarkChange(id: "both", kind: .star, at: now + 3),
      MarkChange(id: "starred-not-loaded", url: "https://a.example/", kind: .star, at: now + 4),
      MarkChange(id: "unmarked", kind: .read, at: now), MarkChange(id: "unmarked", kind: .unread, at: now),
    ])
    let read = try startRead(store)
    #expect(read.expected == [3])
    #expect(
      read.marks == [
        ArticleMark(id: "both", readAt: now + 2, starredAt: now + 3),
        ArticleMark(id: "read", readAt: now + 1.5),
        ArticleMark(id: "starred-not-loaded", starredAt: now + 4),
      ])
    // The same marks as the full read gives, less the rows that carry nothing but a first-seen time.
    let full = try store.marks().filter { $0.isRead || $0.isStarred }
    #expect(full.map { ArticleMark(id: $0.id, readAt: $0.readAt, starredAt: $0.starredAt) } == read.marks)
  }

  /// After a load the articles already seen are not written again, so a start or reload of a large
  /// catalog holds the write lock (which other readers' marks wait for) only for what is new.
  @Test func recordingFirstSeenWritesOnlyWhatIsNewOrLacksItsURL() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    let store = try #require(StateStore.open(path: path, now: now).store)
    let watcher = try DatabaseQueue(path: path)
    defer { try? watcher.close() }
    func version() throws -> Int {
      try watcher.read { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
    }
    let session = try store.beginSession(now: now)
    let loaded: [(id: String, url: String?)] = [("a", "https://a.example"), ("b", nil)]
    #expect(try store.recordFirstSeen(loaded, now: now + 1, session: session) == ["a", "b"])
    let before = try version()
    #expect(try store.recordFirstSeen(loaded, now: now + 2, session: session) == ["a", "b"])
    #expect(try version() == before, "nothing new: no commit")
    // b's URL, once known, is recorded (one write), and so is a new article c.
    let later: [(id: String, url: String?)] = [("a", nil), ("b", "https://b.example"), ("c", nil)]
    #expect(try store.recordFirstSeen(later, now: now + 3, session: session) == ["a", "b", "c"])
    #expect(try version() != before)
    let marks = try store.marks()
    #expect(
      marks.first { $0.id == "b" } == ArticleMark(id: "b", url: "https://b.example", firstSeenAt: now + 1))
    #expect(marks.first { $0.id == "c" }?.firstSeenAt == now + 3)
  }

  @Test func walksThePartialIndexNotTheTable() throws {
    let directory = try TemporaryDirectory()
    let store = try #require(StateStore.open(path: directory.file("state.sqlite"), now: now).store)
    let plan = try store.pool.read { db in
      try Row.fetchAll(
        db, sql: "EXPLAIN QUERY PLAN SELECT id, readAt, starredAt FROM mark WHERE \(StateSchema.marked)"
      ).map { $0["detail"] as String? ?? "" }
    }
    #expect(plan.contains { $0.contains("COVERING INDEX markMarked") }, "\(plan)")
  }

  @Test func aVersionOneFileGetsTheIndexAndKeepsItsMarks() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    // A file as the first release wrote it: schema v1 only.
    do {
      let queue = try DatabaseQueue(path: path)
      var migrator = DatabaseMigrator()
      migrator.registerMigration("v1: marks and meta") { db in
        try db.execute(
          sql: """
            CREATE TABLE mark (
              id TEXT NOT NULL PRIMARY KEY, url TEXT, readAt INTEGER, starredAt INTEGER, firstSeenAt INTEGER
            ) WITHOUT ROWID;
            CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value INTEGER) WITHOUT ROWID;
            PRAGMA user_version = 1;
            INSERT INTO mark (id, readAt, firstSeenAt) VALUES ('old', 1780000000000, 1770000000000);
            """)
      }
      try migrator.migrate(queue)
      try queue.close()
    }
    let opening = StateStore.open(path: path, now: now)
    let store = try #require(opening.store)
    #expect(opening.notices.isEmpty && opening.unsavedReason == nil)
    #expect(try store.pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 2)
    #expect(try store.pool.read { try $0.indexes(on: "mark").map(\.name) }.contains("markMarked"))
    #expect(try startRead(store).marks == [ArticleMark(id: "old", readAt: now)])
  }
}
