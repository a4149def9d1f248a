internal import GRDB

/// The schema of the state file, created and upgraded by migrations; each migration also sets
/// `user_version`, so a file written by a newer newsreader is recognized even without GRDB's table.
enum StateSchema {
  /// The `user_version` the newest migration leaves; a file with a larger one is from a newer program.
  static let version = 1

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: marks and meta") { db in
      // Times are integer milliseconds since 1970 UTC. WITHOUT ROWID: every lookup is by id.
      try db.execute(
        sql: """
          CREATE TABLE mark (
            id TEXT NOT NULL PRIMARY KEY,
            url TEXT,
            readAt INTEGER,
            starredAt INTEGER,
            firstSeenAt INTEGER
          ) WITHOUT ROWID;
          CREATE TABLE meta (
            key TEXT NOT NULL PRIMARY KEY,
            value INTEGER
          ) WITHOUT ROWID;
          PRAGMA user_version = 1;
          """)
    }
    return migrator
  }
}
