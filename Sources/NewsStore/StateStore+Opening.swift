import Foundation
internal import GRDB

/// What opening the state file gave: a store (unless nothing could be read), why marks will not be
/// saved (when they will not), and what happened on the way (a corrupt file moved aside).
public struct StoreOpening: Sendable {
  /// The store, for reading and (unless `unsavedReason` is set) writing; nil when the file could not be
  /// opened at all, or does not exist and was not to be created.
  public var store: StateStore?
  /// Why marks cannot be saved, in words for "reading state is not saved: <reason>".
  public var unsavedReason: String?
  /// Things the user must be told once, e.g. that a corrupt file was moved aside and where.
  public var notices: [String] = []
}

/// How to open the state file.
public struct StoreOptions: Sendable {
  /// Create the file (and its directory) when missing; `list` and `state export` only read, so they
  /// do not create a file just to find it empty.
  public var createIfMissing = true
  /// How long a write waits for another process's write to finish before giving up.
  public var busyTimeoutSeconds: Double = 5
  /// Caps the file at this many pages: SQLite then fails writes with SQLITE_FULL exactly as on a full
  /// disk, which is how tests make a disk full.
  public var maximumPageCount: Int?

  public init(createIfMissing: Bool = true, busyTimeoutSeconds: Double = 5, maximumPageCount: Int? = nil) {
    self.createIfMissing = createIfMissing
    self.busyTimeoutSeconds = busyTimeoutSeconds
    self.maximumPageCount = maximumPageCount
  }
}

extension StateStore {
  /// Opens (creating and migrating when needed) the state file at `path`; never throws, never traps.
  ///
  /// A file that is not SQLite, is damaged, or has a schema from a newer newsreader is moved aside to
  /// `<path>.corrupt-<UTC time>` and a fresh one is created, with a notice saying so. A file that
  /// cannot be created or written gives `unsavedReason`; the marks already in a readable file are still
  /// returned through a read-only store.
  public static func open(path: String, options: StoreOptions = StoreOptions(), now: Double) -> StoreOpening {
    var opening = StoreOpening()
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if exists, isDirectory.boolValue {
      opening.unsavedReason = "\(path) is a directory"
      return opening
    }
    if !exists {
      guard options.createIfMissing else { return opening }
      let directory = (path as NSString).deletingLastPathComponent
      if !directory.isEmpty {
        if let problem = makeDirectories(directory) {
          opening.unsavedReason = "cannot create \(directory): \(problem)"
          return opening
        }
      }
    }
    switch attempt(path: path, options: options, now: now) {
    case .opened(let store):
      opening.store = store
    case .corrupt(let why):
      switch moveAside(path: path, now: now) {
      case .failure(let reason):
        opening.unsavedReason = "\(path) is unreadable (\(why)) and could not be moved aside: \(reason)"
        return opening
      case .success(let aside):
        opening.notices.append(
          "reading state: \(path) was unreadable (\(why)); moved it to \(aside) and started a new one")
      }
      switch attempt(path: path, options: options, now: now) {
      case .opened(let store): opening.store = store
      case .corrupt(let reason), .unwritable(let reason): opening.unsavedReason = reason
      }
    case .unwritable(let reason):
      opening.unsavedReason = reason
      // The file may still be readable: show the marks it has, even though new ones are not saved.
      if exists { opening.store = try? openReadOnly(path: path, options: options) }
    }
    return opening
  }

  private enum Attempt {
    case opened(StateStore)
    case corrupt(String)
    case unwritable(String)
  }

  private static func configuration(_ options: StoreOptions, readonly: Bool = false) -> Configuration {
    var configuration = Configuration()
    configuration.readonly = readonly
    configuration.busyMode = .timeout(options.busyTimeoutSeconds)
    configuration.label = "newsreader.state"
    let pageCap = options.maximumPageCount
    configuration.prepareDatabase { db in
      // WAL is set by DatabasePool itself; NORMAL is durable against a crash or kill -9 of this process
      // (a committed transaction is in the WAL) and loses at most the last commits on power loss.
      if !db.configuration.readonly {
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
        if let pageCap { try db.execute(sql: "PRAGMA max_page_count = \(pageCap)") }
      }
    }
    return configuration
  }

  private static func attempt(path: String, options: StoreOptions, now: Double) -> Attempt {
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: configuration(options))
    } catch {
      return classify(error, path: path)
    }
    do {
      // Damage is found now, while moving the file aside is still safe, not in the middle of a session.
      let check = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
      guard check == ["ok"] else {
        return .corrupt("damaged: " + check.prefix(3).joined(separator: "; "))
      }
      let userVersion = try pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
      let migrator = StateSchema.migrator
      if try userVersion > StateSchema.version || pool.read({ try migrator.hasBeenSuperseded($0) }) {
        return .corrupt("written by a newer newsreader, schema version \(userVersion)")
      }
      try migrator.migrate(pool)
      // A real write, so a read-only file or a full disk is found at start rather than at the first mark.
      try pool.write { db in
        try db.execute(
          sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('lastOpenedAt', ?)",
          arguments: [Milliseconds.from(now) ?? 0])
      }
    } catch {
      return classify(error, path: path)
    }
    return .opened(StateStore(path: path, pool: pool))
  }

  private static func openReadOnly(path: String, options: StoreOptions) throws -> StateStore? {
    let pool = try DatabasePool(path: path, configuration: configuration(options, readonly: true))
    guard try pool.read({ try $0.tableExists("mark") }) else { return nil }
    return StateStore(path: path, pool: pool)
  }

  /// Whether an error means the file is not a sound state file (then it is moved aside) or that it
  /// cannot be written here (then it is left alone).
  private static func classify(_ error: any Error, path: String) -> Attempt {
    guard let error = error as? DatabaseError else { return .unwritable("\(path): \(describe(error))") }
    let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
    switch error.resultCode {
    case .SQLITE_NOTADB: return .corrupt("not an SQLite database")
    case .SQLITE_CORRUPT: return .corrupt("damaged: \(message)")
    case .SQLITE_FULL: return .unwritable("\(path): the disk is full")
    case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
      return .unwritable("\(path): cannot be written (\(message))")
    default: return .unwritable("\(path): \(message)")
    }
  }

  /// `mkdir -p` with mode 0700 (the XDG data directory's), returning the failing step's reason in
  /// the system's words ("Not a directory", "Permission denied") or nil on success.
  private static func makeDirectories(_ path: String) -> String? {
    var prefix = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      prefix += "/" + component
      if mkdir(prefix, 0o700) != 0, errno != EEXIST {
        return String(cString: strerror(errno))
      }
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
    else { return String(cString: strerror(ENOTDIR)) }
    return nil
  }

  /// An error met while writing, in the same words as the faults found when opening.
  static func reason(for error: any Error, path: String) -> String {
    switch classify(error, path: path) {
    case .corrupt(let reason), .unwritable(let reason): return reason
    case .opened: return "\(path): \(error)"
    }
  }

  /// Moves the file and its WAL and shared-memory companions to `<path>.corrupt-<UTC time>`.
  private static func moveAside(path: String, now: Double) -> Result<String, MoveFailure> {
    let stamp = corruptStamp(now)
    var target = "\(path).corrupt-\(stamp)"
    var suffix = 2
    while FileManager.default.fileExists(atPath: target) {
      target = "\(path).corrupt-\(stamp)-\(suffix)"
      suffix += 1
    }
    do {
      try FileManager.default.moveItem(atPath: path, toPath: target)
      for companion in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + companion) {
        try FileManager.default.moveItem(atPath: path + companion, toPath: target + companion)
      }
    } catch {
      return .failure(MoveFailure(reason: describe(error)))
    }
    return .success(target)
  }

  private struct MoveFailure: Error {
    var reason: String
  }

  /// `20261201T121839Z`: sortable, and free of characters some file systems refuse.
  static func corruptStamp(_ seconds: Double) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    return formatter.string(from: Date(timeIntervalSince1970: seconds))
  }

  /// An error in words, without Foundation's domain and code noise where the POSIX reason is known.
  static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    return nsError.localizedDescription
  }
}
