internal import GRDB
internal import GRDBSQLite

extension StateStore {
  /// Calls `body` with every article that is read or starred (including those not loaded now), in no
  /// particular order: what a reader needs at start, as plain values and without building any record.
  ///
  /// Rows that only carry a first-seen time (most rows of a large state file) are not even visited:
  /// the query walks the partial index of marked rows (schema v2). The three columns are read straight
  /// off the statement: at 100,000 marks this is several times faster than ``marks()``, which decodes
  /// every column of every row through GRDB's rows.
  ///
  /// `expect` is called first with the number of marks that follow (read in the same snapshot), so a
  /// dictionary can be made that large at once: growing one to 100,000 entries step by step cost more
  /// than all the rest of the read.
  public func forEachMark(
    expect: (_ count: Int) -> Void, _ body: (_ id: String, _ readAt: Double?, _ starredAt: Double?) -> Void
  ) throws {
    let marked = StateSchema.marked
    try pool.read { db in
      expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM mark WHERE \(marked)") ?? 0)
      try Self.forEachRow(db, "SELECT id, readAt, starredAt FROM mark WHERE \(marked)") { id, handle in
        body(id, Self.seconds(handle, 1), Self.seconds(handle, 2))
      }
    }
  }

  /// Every article seen by some reader: when it was first seen (milliseconds), and whether its row
  /// still lacks a URL (so one loaded now can fill it in). Read off the statement, as `forEachMark`.
  func firstSeenTimes() throws -> [String: (seenAt: Int64, lacksURL: Bool)] {
    try pool.read { db in
      var times: [String: (seenAt: Int64, lacksURL: Bool)] = [:]
      times.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM mark") ?? 0)
      try Self.forEachRow(db, "SELECT id, firstSeenAt, url IS NULL FROM mark WHERE firstSeenAt IS NOT NULL") {
        id, handle in
        times[id] = (sqlite3_column_int64(handle, 1), sqlite3_column_int(handle, 2) != 0)
      }
      return times
    }
  }

  /// Steps through `sql`'s rows, reading column 0 as the article id; rows without one are passed over.
  private static func forEachRow(
    _ db: Database, _ sql: String, _ body: (_ id: String, _ handle: OpaquePointer) throws -> Void
  ) throws {
    let statement = try db.makeStatement(sql: sql)
    let handle = statement.sqliteStatement
    while true {
      let step = sqlite3_step(handle)
      if step == SQLITE_DONE { break }
      guard step == SQLITE_ROW else { throw stepError(step, db) }
      guard let text = sqlite3_column_text(handle, 0) else { continue }
      // With its length known: no strlen, and SQLite has already made it UTF-8.
      let id = String(
        decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, 0))),
        as: UTF8.self)
      try body(id, handle)
    }
  }

  private static func stepError(_ step: Int32, _ db: Database) -> DatabaseError {
    DatabaseError(
      resultCode: ResultCode(rawValue: step),
      message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
  }

  /// The column's milliseconds as seconds, nil when the column is NULL.
  private static func seconds(_ handle: OpaquePointer, _ column: Int32) -> Double? {
    sqlite3_column_type(handle, column) == SQLITE_NULL
      ? nil : Milliseconds.seconds(sqlite3_column_int64(handle, column))
  }
}
