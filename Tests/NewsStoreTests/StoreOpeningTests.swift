import Foundation
import GRDB
import Testing

@testable import NewsStore

/// Opening the state file: migrations from nothing, and each fault turned into a reason or a notice.
@Suite struct StoreOpeningTests {
  let now = 1_780_000_000.0

  @Test func emptyDirectoryGetsAMigratedWALFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("deep/er/state.sqlite")
    let opening = StateStore.open(path: path, now: now)
    let store = try #require(opening.store)
    #expect(opening.unsavedReason == nil)
    #expect(opening.notices.isEmpty)
    #expect(try store.marks().isEmpty)
    let (journal, userVersion, synchronous, tables) = try store.pool.write { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try Int.fetchOne(db, sql: "PRAGMA user_version"),
        try Int.fetchOne(db, sql: "PRAGMA synchronous"),
        try String.fetchAll(
          db,
          sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
      )
    }
    #expect(journal == "wal")
    #expect(userVersion == StateSchema.version)
    #expect(synchronous == 1)  // NORMAL
    #expect(tables == ["mark", "meta"])
    #expect(try store.integrityCheck() == "ok")
  }

  @Test func reopeningKeepsMarksAndDoesNotMigrateAgain() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    do {
      let store = try #require(StateStore.open(path: path, now: now).store)
      try store.apply([MarkChange(id: "a", kind: .read, at: now)])
      store.close()
    }
    let opening = StateStore.open(path: path, now: now + 10)
    #expect(opening.notices.isEmpty)
    #expect(try opening.store?.marks() == [ArticleMark(id: "a", readAt: now)])
  }

  @Test func missingFileIsNotCreatedWhenOnlyReading() throws {
    let directory = try TemporaryDirectory()
    let opening = StateStore.open(
      path: directory.file("none/state.sqlite"), options: StoreOptions(createIfMissing: false), now: now)
    #expect(opening.store == nil)
    #expect(opening.unsavedReason == nil)
    #expect(directory.names().isEmpty)
  }

  @Test func directoryInPlaceOfTheFileIsAReason() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    let opening = StateStore.open(path: path, now: now)
    #expect(opening.store == nil)
    #expect(opening.unsavedReason == "\(path) is a directory")
  }

  @Test func directoryThatCannotBeCreatedIsAReason() throws {
    let directory = try TemporaryDirectory()
    // A regular file where a directory must be: even root cannot create a directory under it.
    _ = FileManager.default.createFile(atPath: directory.file("home"), contents: Data("x".utf8))
    let opening = StateStore.open(path: directory.file("home/newsreader/state.sqlite"), now: now)
    #expect(opening.store == nil)
    let reason = try #require(opening.unsavedReason)
    #expect(reason == "cannot create \(directory.file("home/newsreader")): Not a directory")
  }

  @Test(.enabled(if: geteuid() != 0, "root writes through permission bits"))
  func readOnlyDirectoryIsAReason() throws {
    let directory = try TemporaryDirectory()
    let home = directory.file("home")
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: false)
    chmod(home, 0o555)
    defer { chmod(home, 0o755) }
    let opening = StateStore.open(path: home + "/newsreader/state.sqlite", now: now)
    #expect(opening.store == nil)
    #expect(opening.unsavedReason?.hasPrefix("cannot create \(home)/newsreader: ") == true)
  }

  @Test func fullDiskAtOpenIsAReasonAndExistingMarksStayReadable() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    do {
      let store = try #require(StateStore.open(path: path, now: now).store)
      try store.apply([MarkChange(id: "kept", kind: .star, at: now)])
      let marks = (0..<2000).map {
        MarkChange(id: "filler-\($0)-" + String(repeating: "x", count: 80), kind: .read, at: now)
      }
      try store.apply(marks)
      store.close()
    }
    // As many pages as the file has: the next page the open's write needs is refused, as on a full disk.
    let pages = try #require(
      (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).map { $0 / 4096 })
    let opening = StateStore.open(path: path, options: StoreOptions(maximumPageCount: pages), now: now)
    // Whether the probe write needed a new page depends on free space in the file; then fill it up.
    if opening.unsavedReason == nil {
      let store = try #require(opening.store)
      let writer = FailureLog()
      let marks = MarkWriter(store: store, retryDelay: 60, onFailure: writer.record)
      for index in 0..<5000 {
        marks.queue(
          MarkChange(id: "more-\(index)-" + String(repeating: "y", count: 80), kind: .read, at: now))
      }
      marks.flush()
      #expect(writer.reasons == ["\(path): the disk is full"])
      #expect(marks.pendingCount > 0)
    } else {
      #expect(opening.unsavedReason == "\(path): the disk is full")
      #expect(try opening.store?.marks().contains { $0.id == "kept" } == true)
    }
  }

  @Test func notSQLiteIsMovedAsideWithOneNotice() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    let garbage = Data(String(repeating: "these are not the pages you are looking for\n", count: 200).utf8)
    _ = FileManager.default.createFile(atPath: path, contents: garbage)
    let opening = StateStore.open(path: path, now: now)
    let store = try #require(opening.store)
    #expect(opening.unsavedReason == nil)
    let aside = path + ".corrupt-" + StateStore.corruptStamp(now)
    #expect(
      opening.notices == [
        "reading state: \(path) was unreadable (not an SQLite database); moved it to \(aside) and started a new one"
      ])
    #expect(FileManager.default.contents(atPath: aside) == garbage)
    #expect(try store.marks().isEmpty)
    try store.apply([MarkChange(id: "a", kind: .read, at: now)])
    #expect(try store.marks().count == 1)
  }

  @Test func truncatedFileIsMovedAside() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    do {
      let store = try #require(StateStore.open(path: path, now: now).store)
      try store.apply(
        (0..<3000).map {
          MarkChange(id: "article-\($0)-" + String(repeating: "z", count: 60), kind: .read, at: now)
        })
      store.close()
    }
    let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    #expect(size > 100_000)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: UInt64(size / 2))
    try handle.close()
    let opening = StateStore.open(path: path, now: now)
    #expect(opening.notices.count == 1)
    #expect(opening.notices.first?.contains("was unreadable") == true)
    #expect(try opening.store?.marks().isEmpty == true)
    #expect(directory.names().contains("state.sqlite.corrupt-" + StateStore.corruptStamp(now)))
  }

  @Test func newerSchemaIsMovedAsideNotReadAsOurs() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    do {
      let store = try #require(StateStore.open(path: path, now: now).store)
      try store.pool.write { try $0.execute(sql: "PRAGMA user_version = 99") }
      store.close()
    }
    let opening = StateStore.open(path: path, now: now)
    #expect(
      opening.notices.first?.contains("was unreadable (written by a newer newsreader, schema version 99)")
        == true)
    #expect(
      try opening.store?.pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == StateSchema.version
    )
  }

  @Test func unknownMigrationIsANewerSchemaToo() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    do {
      let store = try #require(StateStore.open(path: path, now: now).store)
      try store.pool.write {
        try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')")
      }
      store.close()
    }
    let opening = StateStore.open(path: path, now: now)
    #expect(opening.notices.first?.contains("written by a newer newsreader") == true)
  }

  @Test func defaultPathFollowsXDG() {
    #expect(
      StateLocation.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"])
        == "/data/newsreader/state.sqlite")
    #expect(
      StateLocation.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u/"])
        == "/home/u/.local/share/newsreader/state.sqlite")
    #expect(StateLocation.defaultPath(environment: [:]) == nil)
  }
}

/// Collects the reasons a writer reports, from its queue.
final class FailureLog: Sendable {
  private let lock = NSLock()
  nonisolated(unsafe) private var collected: [String] = []

  var reasons: [String] { lock.withLock { collected } }

  func record(_ reason: String) { lock.withLock { collected.append(reason) } }
}
