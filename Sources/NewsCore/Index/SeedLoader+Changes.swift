#if canImport(Glibc)
  import Glibc
#endif

/// The load index of the records loaded, with its files found by path: what the reader keeps between loads so
/// a watched change reads only the files it names.
public struct LoadedFiles: Sendable {
  public private(set) var index: LoadIndex
  private var positions: [[UInt8]: Int]

  public init(index: LoadIndex) {
    self.index = index
    var positions: [[UInt8]: Int] = [:]
    positions.reserveCapacity(index.files.count)
    for (position, file) in index.files.enumerated() { positions[file.path] = position }
    self.positions = positions
  }

  /// The file at `path` (its system bytes), if the index has it.
  public func file(at path: [UInt8]) -> IndexedFile? { positions[path].map { index.files[$0] } }

  mutating func set(_ file: IndexedFile) {
    if let position = positions[file.path] {
      index.files[position] = file
    } else {
      positions[file.path] = index.files.count
      index.files.append(file)
    }
  }

  mutating func remove(_ path: [UInt8]) {
    guard let position = positions.removeValue(forKey: path) else { return }
    let last = index.files.count - 1
    if position != last {
      index.files.swapAt(position, last)
      positions[index.files[position].path] = position
    }
    index.files.removeLast()
  }

  /// Moves the index's time to `now`: a file the old time left racy could have changed again within its
  /// clock tick, so it must not become trusted by the later time and is given a stamp that matches nothing.
  mutating func advance(to now: Int64) {
    let limit = index.writtenAt - LoadIndex.racyWindow
    for position in index.files.indices {
      let stamp = index.files[position].stamp
      if stamp.modified >= limit || stamp.changed >= limit { index.files[position].stamp.size = -1 }
    }
    index.writtenAt = max(index.writtenAt, now)
  }

  /// The paths (system bytes) of the files under `directory` (its system bytes, without a final slash).
  func paths(under directory: [UInt8]) -> [[UInt8]] {
    let prefix = directory + [UInt8(ascii: "/")]
    return index.files.lazy.map(\.path).filter { $0.starts(with: prefix) }
  }
}

/// One record file that a change load read again or found gone: the records it gives now.
public struct ChangedFile: Sendable {
  /// The path as the records' `source.path` and the diagnostics carry it.
  public var path: String
  /// Its records now, with base ids (not yet unique among the loaded ones); empty when it is gone.
  public var articles: [Article]
  public var diagnostics: [Diagnostic]
  /// False when the file went away (or is no record file any more).
  public var exists: Bool

  public init(path: String, articles: [Article], diagnostics: [Diagnostic] = [], exists: Bool = true) {
    self.path = path
    self.articles = articles
    self.diagnostics = diagnostics
    self.exists = exists
  }
}

/// What reading only the changed files gave.
public struct ChangeLoad: Sendable {
  /// Every file whose records may differ from what is loaded, in no particular order.
  public var files: [ChangedFile]
  /// Files parsed (files whose stamp had not changed are not).
  public var parsedFileCount: Int
  /// Files that went away.
  public var removedFileCount: Int
  /// The index with the changes applied, to keep and to write for the next start.
  public var loadedFiles: LoadedFiles
}

extension SeedLoader {
  /// Reads only what `changes` names under `roots` (the paths a full load was given) and returns the records
  /// those files give now, against `loaded`, the index of the records loaded; nil when only a full load is
  /// right (the watcher lost track, or a path is under none of `roots`).
  ///
  /// A file is found under its root as a full walk finds it: the same shown path, relative path and system
  /// bytes, so its records get the ids a full load gives them.
  public func loadChanges(_ changes: FileChanges, roots: [String], from loaded: LoadedFiles) -> ChangeLoad? {
    guard !changes.everything else { return nil }
    let startedAt = Self.realTimeNanoseconds()
    var loaded = loaded
    var entries: [[UInt8]: RecordFileEntry] = [:]
    var gone: Set<[UInt8]> = []
    for directory in changes.directories {
      guard let relative = Self.relativePath(of: directory, roots: roots) else { return nil }
      var walker = FileWalker(maxEntries: options.maxFiles, system: system)
      walker.walk([directory])
      var found: Set<[UInt8]> = []
      for file in walker.files {
        let entry = RecordFileEntry(
          path: file.path,
          relativePath: relative.isEmpty ? file.relativePath : relative + "/" + file.relativePath,
          systemPath: file.systemPath)
        found.insert(entry.systemPathBytes)
        entries[entry.systemPathBytes] = entry
      }
      for path in loaded.paths(under: Array(directory.utf8)) where !found.contains(path) { gone.insert(path) }
    }
    for path in changes.files {
      let bytes = Array(path.utf8)
      guard entries[bytes] == nil else { continue }
      guard let relative = Self.relativePath(of: path, roots: roots) else { return nil }
      var info = stat()
      let name = path.split(separator: "/").last.map(String.init) ?? path
      if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, RecordFileName.isRecord(name) {
        entries[bytes] = RecordFileEntry(path: path, relativePath: relative.isEmpty ? name : relative)
      } else {
        gone.insert(bytes)
      }
    }

    var files: [ChangedFile] = []
    var parsed = 0
    let interner = StringInterner()
    let buffer = ReadBuffer()
    let scratch = DecodeScratch()
    for (bytes, entry) in entries {
      var info = stat()
      let stamp = entry.withSystemPath({ stat($0, &info) }) == 0 ? FileStamp(info) : nil
      if let stamp, let known = loaded.file(at: bytes), loaded.index.canReuse(known, now: stamp) { continue }
      let outcome = RecordFile.load(
        entry, options: options, interner: interner, buffer: buffer, scratch: scratch)
      parsed += 1
      files.append(
        ChangedFile(
          path: TextSanitizer.sanitize(entry.path), articles: outcome.articles,
          diagnostics: outcome.diagnostics,
          exists: true))
      if let stamp {
        loaded.set(
          IndexedFile(
            path: bytes, stamp: stamp, isRecordFile: outcome.isRecordFile, articles: outcome.articles,
            diagnostics: outcome.diagnostics))
      } else {
        loaded.remove(bytes)  // parsed again next time
      }
    }
    var removed = 0
    for bytes in gone where loaded.file(at: bytes) != nil {
      removed += 1
      loaded.remove(bytes)
      let path = TextSanitizer.sanitize(String(decoding: bytes, as: UTF8.self))
      files.append(ChangedFile(path: path, articles: [], diagnostics: [], exists: false))
    }
    loaded.advance(to: startedAt)
    return ChangeLoad(files: files, parsedFileCount: parsed, removedFileCount: removed, loadedFiles: loaded)
  }

  /// `path` relative to the root it is under ("" for a root itself; "sub/f.txt" for `root/sub/f.txt`), or
  /// nil when it is under none.
  static func relativePath(of path: String, roots: [String]) -> String? {
    for root in roots {
      if path == root { return "" }
      let prefix = root.hasSuffix("/") ? root : root + "/"
      if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
    }
    return nil
  }

  static func realTimeNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
  }
}
