#if canImport(Glibc)
  import Glibc
#endif

/// Where a load index lives on disk and how it is read and replaced.
///
/// One index per opened set of real paths, under `$XDG_CACHE_HOME/newsreader/` (else `~/.cache/newsreader/`):
/// it is a cache, and deleting it loses nothing but the next start's speed.
public struct LoadIndexFile: Sendable, Hashable {
  public var path: String

  public init(path: String) { self.path = path }

  /// The index file for opening `paths` with `options`, named by a hash of their real paths and the limits
  /// (which change what a file gives), in the cache directory that `environment` names; nil when neither
  /// `XDG_CACHE_HOME` nor `HOME` is set.
  public static func standard(
    for paths: [String], options: LoadOptions = LoadOptions(), environment: [String: String]
  ) -> LoadIndexFile? {
    let directory: String
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      directory = cache + "/newsreader"
    } else if let home = environment["HOME"], !home.isEmpty {
      directory = home + "/.cache/newsreader"
    } else {
      return nil
    }
    let limits = "\(options.maxFileBytes) \(options.maxNodesPerDocument) \(options.maxDepth)"
    let key = ([limits] + paths.map(realPath)).joined(separator: "\u{0}")
    return LoadIndexFile(path: directory + "/index-" + StableHash.hex(key) + ".nrindex")
  }

  private static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// What reading the index gave.
  public enum ReadOutcome: Sendable {
    /// No index yet: the first load at these paths.
    case missing
    case loaded(LoadIndex)
    /// An index exists but cannot be used; it will be rebuilt. The reason is for one message.
    case unusable(String)
  }

  /// Reads and checks the index; never traps on a damaged file.
  public func read(projection: LoadIndex.Projection = .everything) -> ReadOutcome {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT { return .missing }
      return .unusable("cannot open \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      return .unusable("\(path) is not a regular file")
    }
    // Read into memory of its own, which the decode gives back page by page as it goes: holding the whole
    // file until the end was most of the difference between a warm start's peak and a cold one's.
    guard let bytes = IndexBytes(reading: descriptor, count: Int(info.st_size)) else {
      return .unusable("cannot read \(path)")
    }
    let decoded = Result { () throws(IndexCorruption) in try LoadIndex.decode(bytes, projection: projection) }
    switch decoded {
    case .success(let index): return .loaded(index)
    case .failure(let error): return .unusable("the index \(path) \(error.reason); rebuilding it")
    }
  }

  /// The listing beside the index (`ListingSnapshot`): what `list` prints of every record, for the files
  /// as they were when it was written. It is checked against the files themselves (their path hashes and
  /// stamps), not against the index, so either file can be written without the other.
  public var listingPath: String {
    (path.hasSuffix(".nrindex") ? String(path.dropLast(".nrindex".count)) : path) + ".nrlisting"
  }

  static let listingMagic: [UInt8] = Array("NRLIST\n\0".utf8)

  /// What reading the listing beside the index gave.
  public enum ListingRead: Sendable {
    /// None yet (an index written by a newsreader before listings, or never written).
    case missing
    case loaded(ListingSnapshot)
    /// One exists but cannot be used; it is written again. The reason is for one message.
    case unusable(String)

    public var snapshot: ListingSnapshot? {
      if case .loaded(let snapshot) = self { return snapshot }
      return nil
    }
  }

  /// Reads the listing beside the index; a damaged or foreign file is never trusted (the caller then loads
  /// through the index).
  public func readListing() -> ListingRead {
    let descriptor = open(listingPath, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT { return .missing }
      return .unusable("cannot open \(listingPath): \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      return .unusable("\(listingPath) is not a regular file")
    }
    let head = Self.listingMagic.count + 4
    guard let bytes = Self.read(descriptor, count: Int(info.st_size)) else {
      return .unusable("cannot read \(listingPath)")
    }
    let refused = { (reason: String) in
      ListingRead.unusable("the listing \(listingPath) \(reason); rebuilding it")
    }
    guard bytes.count >= head, bytes.starts(with: Self.listingMagic) else {
      return refused("is not a newsreader listing")
    }
    let version = (0..<4).reduce(0) { $0 | UInt32(bytes[Self.listingMagic.count + $1]) << UInt32(8 * $1) }
    guard version == ListingSnapshot.formatVersion else {
      return refused("has format version \(version), this newsreader reads \(ListingSnapshot.formatVersion)")
    }
    do throws(IndexCorruption) {
      return .loaded(try ListingSnapshot(decoding: bytes[head...]))
    } catch {
      return refused(error.reason)
    }
  }

  /// Writes `section`, a listing as `ListingSnapshot.encoded` makes it, beside the index.
  public func writeListing(_ section: [UInt8]) throws(IndexWriteFailure) {
    var bytes = Self.listingMagic
    for shift in stride(from: 0, to: 32, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: ListingSnapshot.formatVersion >> UInt32(shift)))
    }
    bytes.append(contentsOf: section)
    try Self.replace(listingPath, with: bytes)
  }

  /// The whole of the file open as `descriptor`, `count` bytes long; nil when it is shorter or unreadable.
  private static func read(_ descriptor: Int32, count: Int) -> [UInt8]? {
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      var done = 0
      while done < count {
        let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(done))
        if got < 0 && errno == EINTR { continue }
        guard got > 0 else { break }
        done += got
      }
      failed = done < count
      initialized = failed ? 0 : count
    }
    return failed ? nil : bytes
  }

  /// Writes `index` atomically, then the listing of its records beside it.
  public func write(_ index: LoadIndex) throws(IndexWriteFailure) {
    // An index decoded for a listing lacks most fields of its records: written, it would lose them.
    guard index.projection == .everything else {
      throw IndexWriteFailure(path: path, reason: "it was read for a listing only")
    }
    defer { FreeMemory.release() }  // the encoded parts and the encoder's tables, freed on this thread
    try Self.replace(path, with: index.encodedParts())
    try writeListing(ListingSnapshot.encoded(index))
  }

  /// Replaces the file at `path` with `bytes` atomically: a temporary file beside it, synced, then renamed
  /// over it. A reader sees the old file or the new one, never half of one; two writers leave one whole.
  private static func replace(_ path: String, with bytes: [UInt8]) throws(IndexWriteFailure) {
    try replace(path, with: [bytes])
  }

  /// `replace(_:with:)` of the bytes of `parts` one after the other.
  private static func replace(_ path: String, with parts: [[UInt8]]) throws(IndexWriteFailure) {
    let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
    if let slash {
      let directory = String(path[..<slash])
      try makeDirectories(directory)
    }
    let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw IndexWriteFailure(path: temporary, errno: errno) }
    var failure: Int32 = 0
    for part in parts where failure == 0 {
      part.withUnsafeBytes { buffer in
        var written = 0
        while written < buffer.count {
          let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
          if count < 0 && errno == EINTR { continue }
          if count <= 0 {
            failure = count < 0 ? errno : ENOSPC
            return
          }
          written += count
        }
      }
    }
    if failure == 0 && fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0 && failure == 0 { failure = errno }
    if failure == 0 && rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw IndexWriteFailure(path: path, errno: failure)
    }
  }

  /// Removes the index (for `--no-index`-less rebuilds and tests); a missing file is fine.
  public func remove() {
    unlink(path)
    unlink(listingPath)
  }

  private static func makeDirectories(_ directory: String) throws(IndexWriteFailure) {
    var prefix = ""
    for component in directory.split(separator: "/", omittingEmptySubsequences: false) {
      prefix += prefix.isEmpty && component.isEmpty ? "/" : (prefix.hasSuffix("/") ? "" : "/") + component
      if component.isEmpty { continue }
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw IndexWriteFailure(path: prefix, errno: errno) }
    }
  }
}

/// The index could not be written; the load it describes is still complete, only the next start is slower.
public struct IndexWriteFailure: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String

  init(path: String, errno: Int32) {
    self.path = path
    reason = String(cString: strerror(errno))
  }

  init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write the index \(path): \(reason)" }
}
