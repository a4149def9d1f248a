#if canImport(Glibc)
  import Glibc
#endif

/// What `stat` says of a record file: the index trusts a file's records only while all of it is unchanged.
public struct FileStamp: Sendable, Hashable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int64
  /// Modification time, nanoseconds since 1970.
  public var modified: Int64
  /// Status change time, nanoseconds since 1970: catches a content change whose mtime was restored.
  public var changed: Int64

  public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
    self.device = device
    self.inode = inode
    self.size = size
    self.modified = modified
    self.changed = changed
  }

  /// The stamp of what `info` describes.
  init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
    changed = Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec)
  }
}

/// One record file as the index keeps it: what `stat` said when it was parsed, and what parsing gave.
public struct IndexedFile: Sendable {
  /// The path as opened, as bytes (a name need not be UTF-8).
  public var path: [UInt8]
  public var stamp: FileStamp
  /// False for a Markdown file without front matter: not a record file.
  public var isRecordFile: Bool
  public var diagnostics: [Diagnostic]
  /// The file's records when they are its own (made by `init` or set), else empty.
  private var ownArticles: [Article]
  /// Where the file's records are in an array shared with other files (a decoded index, a load): a warm
  /// start hands that one array to the load, so each record exists once, not once here and once there.
  private(set) var shared: SharedArticles?
  private(set) var sharedRange: Range<Int> = 0..<0

  public init(
    path: [UInt8], stamp: FileStamp, isRecordFile: Bool, articles: [Article], diagnostics: [Diagnostic]
  ) {
    self.path = path
    self.stamp = stamp
    self.isRecordFile = isRecordFile
    self.ownArticles = articles
    self.diagnostics = diagnostics
  }

  /// A file whose records are `range` of `shared`.
  init(
    path: [UInt8], stamp: FileStamp, isRecordFile: Bool, shared: SharedArticles, range: Range<Int>,
    diagnostics: [Diagnostic]
  ) {
    self.path = path
    self.stamp = stamp
    self.isRecordFile = isRecordFile
    self.ownArticles = []
    self.shared = shared
    self.sharedRange = range
    self.diagnostics = diagnostics
  }

  /// The file's records with their base ids (made unique across the load afterwards).
  public var articles: [Article] {
    get { shared.map { Array($0.articles[sharedRange]) } ?? ownArticles }
    set {
      ownArticles = newValue
      shared = nil
      sharedRange = 0..<0
    }
  }

  /// The file's records without copying them out of a shared array.
  var articleSlice: ArraySlice<Article> {
    shared.map { $0.articles[sharedRange] } ?? ownArticles[...]
  }

  /// Points the file's range at `shared` (the decoder makes the array after the files).
  mutating func shareArticles(_ shared: SharedArticles) { self.shared = shared }

  /// How many records the file gave.
  public var articleCount: Int { shared == nil ? ownArticles.count : sharedRange.count }
}

/// The records of many index files in one array, in file order; never changed once made, except taken
/// whole by the one owner of a decoded index (`takeArticles`).
final class SharedArticles: @unchecked Sendable {
  /// Read from any thread; written only by `takeArticles`, which no other thread may overlap.
  private(set) var articles: [Article]

  init(_ articles: [Article]) { self.articles = articles }

  /// The array, which this then no longer holds (it is left empty), so that a caller changing it changes
  /// it in place rather than copying it: only for a load that owns the index this belongs to and drops it.
  func takeArticles() -> [Article] {
    let taken = articles
    articles = []
    return taken
  }
}

/// A persistent record of a load, so the next start parses only the files that changed.
///
/// The file is a snapshot: a fixed header (magic, format version, payload size, checksum), then the payload
/// (when it was written, the string table, every file). It is written whole to a temporary file, synced and
/// renamed over the old one, so a reader sees the old index or the new one, never half of one; two readers
/// writing at once leave whichever renamed last.
public struct LoadIndex: Sendable {
  /// Bumped whenever the payload's layout or the loader's output for the same bytes changes.
  public static let formatVersion: UInt32 = 5
  static let magic: [UInt8] = Array("NRINDEX\n".utf8)
  static let headerSize = 8 + 4 + 4 + 8 + 8

  /// When the index was written, nanoseconds since 1970: files modified no earlier are parsed again next
  /// time (git's racy rule: a change within the same clock tick would not show in the stamp).
  public var writtenAt: Int64
  public var files: [IndexedFile]
  /// Which fields of the records were decoded: an index decoded for a listing is never written back.
  public private(set) var projection: Projection = .everything

  /// Which fields of each record a decode makes.
  public enum Projection: Sendable {
    /// Every field: the records as a parse gives them.
    case everything
    /// What a listing prints and sorts by (id, source, title, dates, scores, provider name and domain,
    /// category, type, the links; the excerpt only where there is no title), for `list` in text or TSV
    /// without a query. Related coverage, topics, images, other fields and bodies are left as bytes, and
    /// their strings are never made.
    case listing
  }

  /// The one array holding every file's records in file order, when the files still share one (a decoded
  /// index, or the index a load made): a load that reuses every file takes it as its articles.
  var wholeArticles: SharedArticles? {
    guard let shared = files.first?.shared else { return files.isEmpty ? SharedArticles([]) : nil }
    var next = 0
    for file in files {
      guard file.shared === shared, file.sharedRange.lowerBound == next else { return nil }
      next = file.sharedRange.upperBound
    }
    return next == shared.articles.count ? shared : nil
  }

  public init(writtenAt: Int64, files: [IndexedFile]) {
    self.writtenAt = writtenAt
    self.files = files
  }

  /// How close to `writtenAt` a change makes a file racy. File times come from a coarse clock (a scheduler
  /// tick, up to 10 ms), so a file written just before the load began may have changed again within the
  /// same tick without a new time; a second covers every clock and costs only a reparse of recent files.
  public static let racyWindow: Int64 = 1_000_000_000

  /// Whether `file`'s stored records can stand for the file now described by `stamp`: the stamps are equal
  /// and the file was not changed so close to the load that wrote the index that its stamp proves nothing.
  public func canReuse(_ file: IndexedFile, now stamp: FileStamp) -> Bool {
    file.stamp == stamp && file.stamp.modified < writtenAt - Self.racyWindow
      && file.stamp.changed < writtenAt - Self.racyWindow
  }

  // MARK: Encoding

  /// Files per chunk of the files section: chunks are decoded on all cores at once, each into its own part
  /// of the one record array; 4,096 makes 25 chunks at 100,000 files, enough to keep the cores evenly busy.
  static let filesPerChunk = 4_096

  /// The whole file: header and payload.
  ///
  /// The payload is when it was written, the string table, then the files section: the file count, the
  /// chunk directory (per chunk its files, records and bytes) and the chunks, each a run of files. (Format
  /// 3 began with the listing section, which is a file of its own now: `LoadIndexFile.listingPath`.)
  public func encoded() -> [UInt8] { Array(encodedParts().joined()) }

  /// `encoded()` as the parts it is written in, in order (the header, the time, the string table's blocks,
  /// the files section): written one after the other, the index is never copied into one buffer, which was
  /// one more copy of all of it at a cold start's peak.
  func encodedParts() -> [[UInt8]] {
    var body = IndexEncoder(reservingCapacity: 1 << 20)
    var chunks: [(files: Int, articles: Int, bytes: Int)] = []
    var chunkStart = 0
    var chunkFiles = 0
    var chunkArticles = 0
    for (position, file) in files.enumerated() {
      body.raw(file.path)
      body.stamp(file.stamp)
      body.byte(file.isRecordFile ? 1 : 0)
      let articles = file.articleSlice
      body.unsigned(articles.count)
      for article in articles { body.article(article) }
      body.unsigned(file.diagnostics.count)
      for diagnostic in file.diagnostics { body.diagnostic(diagnostic) }
      chunkFiles += 1
      chunkArticles += articles.count
      if chunkFiles == Self.filesPerChunk || position == files.count - 1 {
        chunks.append((chunkFiles, chunkArticles, body.bytes.count - chunkStart))
        chunkStart = body.bytes.count
        chunkFiles = 0
        chunkArticles = 0
      }
    }
    var head = IndexEncoder()
    head.signed(writtenAt)
    var directory = IndexEncoder()
    directory.unsigned(files.count)
    directory.unsigned(chunks.count)
    for chunk in chunks {
      directory.unsigned(chunk.files)
      directory.unsigned(chunk.articles)
      directory.unsigned(chunk.bytes)
    }
    var parts: [[UInt8]] = [[], head.bytes]
    parts.append(contentsOf: body.encodedStringTableParts())
    parts.append(directory.bytes)
    parts.append(body.bytes)
    var checksum = IndexChecksum(count: parts.reduce(0) { $0 + $1.count })
    for part in parts { part.withUnsafeBytes { checksum.add($0) } }
    var header = Self.magic
    Self.appendLittleEndian(UInt64(Self.formatVersion), bytes: 4, to: &header)
    Self.appendLittleEndian(0, bytes: 4, to: &header)
    Self.appendLittleEndian(UInt64(checksum.count), bytes: 8, to: &header)
    Self.appendLittleEndian(checksum.value, bytes: 8, to: &header)
    parts[0] = header
    return parts
  }

  private static func appendLittleEndian(_ value: UInt64, bytes: Int, to output: inout [UInt8]) {
    for index in 0..<bytes { output.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * index))) }
  }

  private static func littleEndian(_ bytes: UnsafeRawBufferPointer, at offset: Int, count: Int) -> UInt64 {
    var value: UInt64 = 0
    for index in 0..<count { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
    return value
  }

  // MARK: Decoding

  /// The index in `bytes`, or why it cannot be used (wrong magic, another format version, a size or checksum
  /// that does not match, or a payload that does not decode).
  public static func decode(_ bytes: UnsafeRawBufferPointer, projection: Projection = .everything)
    throws(IndexCorruption) -> LoadIndex
  {
    try decode(bytes, releasing: nil, projection: projection)
  }

  /// The index in `file`'s bytes, each page given back once the decode is past it.
  static func decode(_ file: IndexBytes, projection: Projection = .everything) throws(IndexCorruption)
    -> LoadIndex
  {
    try decode(file.buffer, releasing: file, projection: projection)
  }

  /// Decodes `bytes`; `releasing`, when given, owns them and is told how far the decode has read (it never
  /// reads behind that again).
  private static func decode(
    _ bytes: UnsafeRawBufferPointer, releasing: IndexBytes?, projection: Projection
  ) throws(IndexCorruption) -> LoadIndex {
    guard bytes.count >= headerSize else { throw IndexCorruption("is shorter than its header") }
    guard magic.indices.allSatisfy({ bytes[$0] == magic[$0] }) else {
      throw IndexCorruption("is not a newsreader index")
    }
    let version = littleEndian(bytes, at: 8, count: 4)
    guard version == UInt64(formatVersion) else {
      throw IndexCorruption("has format version \(version), this newsreader reads \(formatVersion)")
    }
    guard littleEndian(bytes, at: 12, count: 4) == 0 else {
      throw IndexCorruption("has unknown header flags")
    }
    let payloadSize = littleEndian(bytes, at: 16, count: 8)
    guard payloadSize == UInt64(bytes.count - headerSize) else {
      throw IndexCorruption("is truncated or has trailing bytes")
    }
    let payload = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
    guard IndexChecksum.value(of: payload) == littleEndian(bytes, at: 24, count: 8) else {
      throw IndexCorruption("fails its checksum")
    }
    var decoder = IndexDecoder(bytes, from: headerSize)
    let writtenAt = try decoder.signed()
    decoder.projection = projection
    switch projection {
    case .everything: try decoder.readStringTable()
    case .listing: try decoder.readLazyStringTable()
    }
    // The compressed strings are most of the file and are done with.
    releasing?.release(before: decoder.offset)
    let (decodedFiles, articles) = try decodeFiles(&decoder)
    let shared = SharedArticles(articles)
    var files = decodedFiles
    for position in files.indices { files[position].shareArticles(shared) }
    var index = LoadIndex(writtenAt: writtenAt, files: files)
    index.projection = projection
    return index
  }
}

/// A fast 64-bit checksum of an index payload, eight bytes at a time: it catches a torn or damaged file (the
/// rename makes a torn file unlikely, a full disk or another program does not), not an attacker.
struct IndexChecksum {
  static func value(of bytes: UnsafeRawBufferPointer) -> UInt64 {
    var checksum = IndexChecksum(count: bytes.count)
    checksum.add(bytes)
    return checksum.value
  }

  /// The checksum of `count` bytes given in parts, in order (`add`), as if they were one buffer.
  let count: Int
  private var hash: UInt64
  /// Bytes of a word begun at the end of one part and finished in the next.
  private var pending: UInt64 = 0
  private var pendingCount = 0

  init(count: Int) {
    self.count = count
    hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
  }

  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    var offset = 0
    let count = bytes.count
    if pendingCount > 0 {
      while pendingCount < 8 && offset < count {
        pending |= UInt64(bytes[offset]) << UInt64(8 * pendingCount)
        pendingCount += 1
        offset += 1
      }
      guard pendingCount == 8 else { return }
      mix(pending)
      pending = 0
      pendingCount = 0
    }
    while offset + 8 <= count {
      mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    while offset < count {
      pending |= UInt64(bytes[offset]) << UInt64(8 * pendingCount)
      pendingCount += 1
      offset += 1
    }
  }

  @inline(__always)
  private mutating func mix(_ word: UInt64) {
    hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 29
  }

  /// The checksum of everything added: the last bytes, fewer than a word, are mixed in last.
  var value: UInt64 {
    let hash = (self.hash ^ pending) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 32)
  }
}
