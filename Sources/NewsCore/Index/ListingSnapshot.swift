/// The listing beside a load index (`LoadIndexFile.listingPath`): what `list` prints of every record
/// (`ListingRows`) with the final ids, each sort order's permutation, and each file's path hash, stamp and
/// row count (`ListedFile`), so that a `list` of a directory unchanged since the listing was written walks
/// and `stat`s the files, compares them with these, and prints, without decoding the index's records or
/// strings.
///
/// It is written with the index, and by a `list` that found files changed without rewriting the index (a
/// few changed files are parsed again at each start instead): it stands for the files, not for the index.
/// Anything that differs from when it was written (a file added, gone, renamed or changed, one too recent
/// for its stamp to prove anything, one that cannot be `stat`ed) leaves it unused, and the load goes
/// through the index.
public struct ListingSnapshot: Sendable {
  /// Bumped whenever the listing's layout changes (2: rows hold the scores; 3: each file's path hash,
  /// stamp and row count; 4: no digest of them all beside them).
  public static let formatVersion: UInt32 = 4

  /// When the load it lists began (the racy rule of `LoadIndex.canReuse`): for the index's listing, the
  /// index's own `writtenAt`.
  public let writtenAt: Int64
  /// The error diagnostics of the files (the walk's own come from the walk).
  public let fileErrorCount: Int
  public let rows: ListingRows
  /// Per `SortOrder.allCases`, the rows in that order (`ArticleOrdering.indices`).
  private let orders: [[Int32]]
  /// The files the rows were made from, in walk order.
  let files: [ListedFile]

  /// Every row, in load order, as a record holding what the row holds (`ListingRows.articles`).
  func articles() -> [Article] { rows.articles(0..<rows.count) }

  /// The rows' positions in `order`.
  public func indices(by order: SortOrder) -> [Int] {
    orders[SortOrder.allCases.firstIndex(of: order)!].map { Int($0) }
  }

  /// The listing of `index`'s files and records: the records with their final ids, as a load gives them.
  static func encoded(_ index: LoadIndex) -> [UInt8] {
    var articles = index.wholeArticles?.articles ?? index.files.flatMap { $0.articleSlice }
    ArticleIdentity.assign(to: &articles)
    let errors = index.files.reduce(0) { $0 + $1.diagnostics.lazy.filter { $0.severity == .error }.count }
    return encoded(
      articles, files: ListedFile.files(of: index), writtenAt: index.writtenAt, fileErrors: errors)
  }

  /// The listing of `articles` (ids unique, in load order) from `files`, whose diagnostics held
  /// `fileErrors` errors, loaded from `writtenAt` on.
  static func encoded(_ articles: [Article], files: [ListedFile], writtenAt: Int64, fileErrors: Int)
    -> [UInt8]
  {
    let rows = ListingRows(articles: articles)
    var content = IndexEncoder(
      reservingCapacity: rows.rowBytes.count + articles.count * 24 + files.count * 64 + 64)
    content.signed(writtenAt)
    content.unsigned(fileErrors)
    content.unsigned(files.count)
    for file in files {
      content.fixed(file.pathHash)
      content.stamp(file.stamp)
      content.unsigned(file.rows)
    }
    content.unsigned(articles.count)
    for order in SortOrder.allCases {
      for position in ArticleOrdering.indices(of: articles, by: order) {
        content.fixed32(UInt32(position))
      }
    }
    content.raw(rows.rowBytes)
    var section: [UInt8] = []
    section.reserveCapacity(8 + content.bytes.count)
    let checksum = content.bytes.withUnsafeBytes { IndexChecksum.value(of: $0) }
    for shift in stride(from: 0, to: 64, by: 8) {
      section.append(UInt8(truncatingIfNeeded: checksum >> shift))
    }
    section.append(contentsOf: content.bytes)
    return section
  }

  /// The listing in `bytes` (its checksum first), or why it cannot be used.
  init(decoding bytes: [UInt8]) throws(IndexCorruption) { try self.init(decoding: bytes[...]) }

  /// The listing in `bytes` (its checksum first), or why it cannot be used.
  init(decoding bytes: ArraySlice<UInt8>) throws(IndexCorruption) {
    let decoded = bytes.withUnsafeBytes { buffer in
      Result { () throws(IndexCorruption) -> (ListingSnapshot) in
        guard buffer.count >= 8 else { throw IndexCorruption("has a listing shorter than its checksum") }
        let content = UnsafeRawBufferPointer(rebasing: buffer[8...])
        guard IndexChecksum.value(of: content) == buffer.loadUnaligned(as: UInt64.self).littleEndian else {
          throw IndexCorruption("fails its listing's checksum")
        }
        var decoder = IndexDecoder(buffer, from: 8)
        let writtenAt = try decoder.signed()
        let errors = try decoder.count(atMost: Int(Int32.max))
        // Each file takes at least 14 bytes.
        let fileCount = try decoder.count(atMost: decoder.remaining / 14)
        var files: [ListedFile] = []
        files.reserveCapacity(fileCount)
        var rowsOfFiles = 0
        for _ in 0..<fileCount {
          let pathHash = try decoder.fixed()
          let stamp = try decoder.stamp()
          let rows = try decoder.count(atMost: Int(Int32.max))
          rowsOfFiles += rows
          files.append(ListedFile(pathHash: pathHash, stamp: stamp, rows: rows))
        }
        // Each row takes at least 8 bytes, and 4 in each order: no count can claim more rows than that.
        let count = try decoder.count(atMost: decoder.remaining / (8 + 4 * SortOrder.allCases.count))
        guard count == rowsOfFiles else { throw IndexCorruption("has files that do not hold its rows") }
        var orders: [[Int32]] = []
        for _ in SortOrder.allCases {
          var seen = [Bool](repeating: false, count: count)
          var order: [Int32] = []
          order.reserveCapacity(count)
          for _ in 0..<count {
            let position = Int(try decoder.fixed32())
            guard position < count, !seen[position] else {
              throw IndexCorruption("has a listing order that is not a permutation")
            }
            seen[position] = true
            order.append(Int32(position))
          }
          orders.append(order)
        }
        let rowBytes = try decoder.raw()
        guard decoder.isAtEnd else { throw IndexCorruption("has bytes after its listing") }
        return ListingSnapshot(
          writtenAt: writtenAt, fileErrorCount: errors,
          rows: try ListingRows(rowBytes: rowBytes, count: count), orders: orders, files: files)
      }
    }
    self = try decoded.get()
  }

  private init(
    writtenAt: Int64, fileErrorCount: Int, rows: ListingRows, orders: [[Int32]], files: [ListedFile]
  ) {
    self.writtenAt = writtenAt
    self.fileErrorCount = fileErrorCount
    self.rows = rows
    self.orders = orders
    self.files = files
  }

  /// Whether `files`, as the walk found and stamped them, are the index's files unchanged: the same paths
  /// and stamps in the same order, each old enough for its stamp to prove it unchanged (`canReuse`).
  func describes(_ files: [RecordFileEntry]) -> Bool { changedFiles(files, atMost: 0)?.isEmpty == true }

  /// The positions of `walked` whose files must be read for their records (changed since the listing was
  /// written, or too recent for their stamps to prove otherwise), when the walk met the listing's files,
  /// the same paths in the same order, and at most `limit` of them need reading; nil otherwise.
  func changedFiles(_ walked: [RecordFileEntry], atMost limit: Int) -> [Int]? {
    guard walked.count == files.count else { return nil }
    let settled = writtenAt - LoadIndex.racyWindow
    var changed: [Int] = []
    for position in walked.indices {
      guard ListedFile.pathHash(of: walked[position]) == files[position].pathHash else { return nil }
      guard let stamp = walked[position].stamp, stamp == files[position].stamp, stamp.modified < settled,
        stamp.changed < settled
      else {
        changed.append(position)
        if changed.count > limit { return nil }
        continue
      }
    }
    return changed
  }

  /// Puts into `articles`, every row as `articles()` gives them, the records of each file in `replaced` (by
  /// its position among the listing's files) in place of its rows; ids are then unique across them all, as
  /// a load makes them. A file whose records are as many as its rows is written over in place.
  func replaceRows(in articles: inout [Article], with replaced: [Int: [Article]]) {
    guard !replaced.isEmpty else { return }
    let ranges = rowRanges(of: replaced)
    let unique = idsStayUnique(articles, ranges: ranges, replaced: replaced)
    // From the last file back, so the rows of the files before it stay where they were.
    for range in ranges.reversed() {
      articles.replaceSubrange(range.rows, with: replaced[range.position]!)
    }
    if !unique { ArticleIdentity.assign(to: &articles) }
  }

  /// The records of `replaced` (as in `replaceRows`) by the row each takes over, when they can take the
  /// rows' places one for one: each file gives as many records as it had rows, and no record's id is a
  /// kept row's or another record's. Nil otherwise (`replaceRows` then puts them in).
  func rowReplacements(in articles: [Article], with replaced: [Int: [Article]]) -> [Int: Article]? {
    let ranges = rowRanges(of: replaced)
    guard ranges.allSatisfy({ replaced[$0.position]!.count == $0.rows.count }) else { return nil }
    var replacements: [Int: Article] = [:]
    var keepsIDs = true
    for range in ranges {
      for (row, record) in zip(range.rows, replaced[range.position]!) {
        replacements[row] = record
        keepsIDs = keepsIDs && record.id == articles[row].id
      }
    }
    // A record with its row's id (a file edited, its links kept) is unique as the row was; otherwise every
    // kept id is compared.
    guard keepsIDs || idsStayUnique(articles, ranges: ranges, replaced: replaced) else { return nil }
    return replacements
  }

  /// The rows of each file in `replaced`, by its position among the listing's files, in file order.
  private func rowRanges(of replaced: [Int: [Article]]) -> [(position: Int, rows: Range<Int>)] {
    var ranges: [(position: Int, rows: Range<Int>)] = []
    var row = 0
    for (position, file) in files.enumerated() {
      if replaced[position] != nil { ranges.append((position, row..<row + file.rows)) }
      row += file.rows
    }
    return ranges
  }

  /// Whether the records replacing the rows of `ranges` keep their own ids: the rows' ids are unique already,
  /// so a parsed record keeps its id unless a kept row or another record has it (records sharing a URL).
  /// The kept ids are compared by a hash of their bytes, which costs a fraction of a set of strings; a hash
  /// that matches only by chance says no, and the ids are made again the way a load makes them.
  private func idsStayUnique(
    _ articles: [Article], ranges: [(position: Int, rows: Range<Int>)], replaced: [Int: [Article]]
  ) -> Bool {
    var taken = Set<UInt64>(minimumCapacity: articles.count)
    articles.withUnsafeBufferPointer { rows in
      var next = 0
      for range in ranges {
        for index in next..<range.rows.lowerBound { taken.insert(StableHash.value(rows[index].id.rawValue)) }
        next = range.rows.upperBound
      }
      for index in next..<rows.count { taken.insert(StableHash.value(rows[index].id.rawValue)) }
    }
    for range in ranges {
      for record in replaced[range.position]!
      where !taken.insert(StableHash.value(record.id.rawValue)).inserted {
        return false
      }
    }
    return true
  }
}

/// What a listing keeps of each file its rows came from: enough to tell, position by position, whether the
/// walk found the same file unchanged.
struct ListedFile: Sendable, Equatable {
  /// `StableHash` of the path's bytes as the system knows them.
  var pathHash: UInt64
  var stamp: FileStamp
  /// How many records (rows) the file holds, one after another in the listing.
  var rows: Int

  static func pathHash(of entry: RecordFileEntry) -> UInt64 {
    if let systemPath = entry.systemPath { return StableHash.value(systemPath) }
    return StableHash.value(entry.path)
  }

  /// The files of `index`, in its order.
  static func files(of index: LoadIndex) -> [ListedFile] {
    index.files.map {
      ListedFile(pathHash: StableHash.value($0.path), stamp: $0.stamp, rows: $0.articleCount)
    }
  }
}

extension IndexEncoder {
  /// A file's stamp, as the index and the listing both keep it.
  mutating func stamp(_ stamp: FileStamp) {
    unsigned(stamp.device)
    unsigned(stamp.inode)
    signed(stamp.size)
    signed(stamp.modified)
    signed(stamp.changed)
  }

  /// Eight bytes, little-endian.
  mutating func fixed(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { byte(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
  }

  /// Four bytes, little-endian.
  mutating func fixed32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { byte(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
  }
}

extension IndexDecoder {
  mutating func stamp() throws(IndexCorruption) -> FileStamp {
    FileStamp(
      device: try unsigned(), inode: try unsigned(), size: try signed(), modified: try signed(),
      changed: try signed())
  }

  mutating func fixed() throws(IndexCorruption) -> UInt64 {
    var value: UInt64 = 0
    for shift in stride(from: 0, to: 64, by: 8) { value |= UInt64(try byte()) << UInt64(shift) }
    return value
  }

  mutating func fixed32() throws(IndexCorruption) -> UInt32 {
    var value: UInt32 = 0
    for shift in stride(from: 0, to: 32, by: 8) { value |= UInt32(try byte()) << UInt32(shift) }
    return value
  }
}
