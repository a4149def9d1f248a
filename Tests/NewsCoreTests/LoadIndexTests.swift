import Foundation
import Synchronization
@testable import NewsCore
import Testing

/// The load index's file format: every field survives a round trip, and every kind of damage is refused
/// with a reason instead of a trap or a wrong record.
@Suite struct LoadIndexTests {
  /// A record with every field of the model set to something other than its default.
  static func everyFieldArticle() -> Article {
    let image = ImageRef(url: "https://img.example/a.jpg", width: 640, height: -1, isCached: true)
    let provider = Provider(name: "Provider ☃", domain: "example.org", images: [image, ImageRef()])
    var item = NewsItem(
      title: "Title 東京", excerpt: "Excerpt\n\nsecond paragraph", category: "world", type: "story",
      publishedDateTime: NewsDate(text: "2021-03-11T17:13:00Z", secondsSince1970: 1_615_482_780),
      originalUrl: "https://example.org/a", webUrl: "https://example.org/w",
      ampWebUrl: "https://amp.example/a",
      cdnAmpWebUrl: "https://cdn.example/a", quality: 87, heat: Int.min, published: false, provider: provider,
      topics: ["Science", "Space"], images: [image],
      extraFields: [ExtraField(key: "featuredContent", value: "{…}")])
    var related = item
    related.title = "Related"
    related.publishedDateTime = NewsDate(text: "yesterday", secondsSince1970: nil)
    related.published = true
    related.quality = nil
    related.provider = nil
    item.publishedDateTime = NewsDate(text: "2021-03-11 17:13:00 +01:00", secondsSince1970: 1_615_479_180)
    return Article(
      id: ArticleID("u0123456789abcd"),
      source: {
        var source = RecordSource(
          path: "dir/\u{FFFD}.txt", relativePath: "\u{FFFD}.txt", documentIndex: 2, line: 17)
        source.pathBytes = [0x64, 0x69, 0x72, 0x2F, 0xFF, 0x2E, 0x74, 0x78, 0x74]
        return source
      }(),
      item: item, related: [related, NewsItem(title: "bare")], secured: SecuredContent(byteCount: 4096),
      body: "# Body\n\ntext")
  }

  static func sampleIndex() -> LoadIndex {
    let stamp = FileStamp(
      device: 2049, inode: 1234, size: 3000, modified: 1_700_000_000_123_456_789, changed: -5)
    let diagnostic = Diagnostic(
      path: "dir/b.txt", line: 3, column: 9, severity: .warning, message: "quality: wrong type")
    let note = Diagnostic(
      path: "dir/fifo.txt", line: 0, column: 0, severity: .note, message: "a FIFO, not read")
    return LoadIndex(
      writtenAt: 1_700_000_001_000_000_000,
      files: [
        IndexedFile(
          path: Array("dir/a.txt".utf8), stamp: stamp, isRecordFile: true, articles: [everyFieldArticle()],
          diagnostics: []),
        IndexedFile(
          path: [0x64, 0x2F, 0xFF, 0x2E, 0x74, 0x78, 0x74], stamp: stamp, isRecordFile: true, articles: [],
          diagnostics: [diagnostic, note]),
        IndexedFile(
          path: Array("README.md".utf8), stamp: stamp, isRecordFile: false, articles: [], diagnostics: []),
      ])
  }

  static func decode(_ bytes: [UInt8]) throws(IndexCorruption) -> LoadIndex {
    try bytes.withUnsafeBytes { buffer in
      Result { () throws(IndexCorruption) in try LoadIndex.decode(buffer) }
    }.get()
  }

  @Test func everyFieldRoundTrips() throws {
    let index = Self.sampleIndex()
    let decoded = try Self.decode(index.encoded())
    #expect(decoded.writtenAt == index.writtenAt)
    #expect(decoded.files.count == 3)
    for (got, want) in zip(decoded.files, index.files) {
      #expect(got.path == want.path)
      #expect(got.stamp == want.stamp)
      #expect(got.isRecordFile == want.isRecordFile)
      #expect(got.articles == want.articles)
      #expect(got.diagnostics == want.diagnostics)
    }
    // The date texts come back exactly, canonical or not.
    let article = try #require(decoded.files.first?.articles.first)
    #expect(article.item.publishedDateTime?.text == "2021-03-11 17:13:00 +01:00")
    #expect(article.related[0].publishedDateTime?.text == "yesterday")
    #expect(article.related[0].publishedDateTime?.secondsSince1970 == nil)
  }

  /// Text of several string blocks: each block ends at the first string that takes it to the block size,
  /// and every string reads back, whichever block it fell in.
  @Test func aTableOfManyBlocksRoundTrips() throws {
    let stamp = FileStamp(device: 1, inode: 1, size: 1, modified: 1, changed: 1)
    // 7 excerpts of 400,000 bytes: blocks end after the 3rd and the 6th, the 7th is a block of its own.
    let articles = (0..<7).map { number in
      Article(
        id: ArticleID("id\(number)"),
        source: RecordSource(
          path: "d/\(number).txt", relativePath: "\(number).txt", documentIndex: 0, line: 1),
        item: NewsItem(
          title: "Title \(number)",
          excerpt: String(repeating: Character(UnicodeScalar(0x61 + number)!), count: 400_000)
        ),
        related: [
          NewsItem(title: "Related \(number)", excerpt: String(repeating: "é", count: 1_000 * number))
        ])
    }
    let index = LoadIndex(
      writtenAt: 5,
      files: [
        IndexedFile(
          path: Array("d/a.txt".utf8), stamp: stamp, isRecordFile: true, articles: articles, diagnostics: [])
      ])
    let bytes = index.encoded()
    let decoded = try Self.decode(bytes)
    #expect(decoded.files.first?.articles == articles)
    // The table's block count follows the header and the time of writing.
    let blocks = try bytes.withUnsafeBytes { buffer throws(IndexCorruption) in
      var reader = IndexDecoder(buffer, from: LoadIndex.headerSize)
      _ = try reader.signed()
      return try reader.unsigned()
    }
    #expect(blocks == 3)
  }

  /// The checksum of bytes given in parts is the checksum of them as one buffer, wherever the parts split
  /// a word, empty parts included.
  @Test func aChecksumInPartsIsTheChecksumOfTheWhole() {
    var random = SystemRandomNumberGenerator()
    let bytes = (0..<203).map { _ in UInt8.random(in: 0...255, using: &random) }
    let whole = bytes.withUnsafeBytes { IndexChecksum.value(of: $0) }
    for first in 0...bytes.count {
      for second in [
        first, min(bytes.count, first + 1), min(bytes.count, first + 7), min(bytes.count, first + 13),
      ] {
        var checksum = IndexChecksum(count: bytes.count)
        for range in [0..<first, first..<first, first..<second, second..<bytes.count] {
          bytes[range].withUnsafeBytes { checksum.add($0) }
        }
        #expect(checksum.value == whole, "split at \(first) and \(second)")
      }
    }
    #expect(
      bytes.withUnsafeBytes { IndexChecksum.value(of: UnsafeRawBufferPointer(rebasing: $0[..<202])) } != whole
    )
  }

  @Test func loadedRecordsRoundTrip() throws {
    let result = SeedLoader().load(paths: [FixturePaths.loader])
    #expect(!result.articles.isEmpty)
    let stamp = FileStamp(device: 1, inode: 1, size: 1, modified: 1, changed: 1)
    let index = LoadIndex(
      writtenAt: 2,
      files: [
        IndexedFile(
          path: [], stamp: stamp, isRecordFile: true, articles: result.articles,
          diagnostics: result.diagnostics)
      ])
    let decoded = try Self.decode(index.encoded())
    #expect(decoded.files[0].articles == result.articles)
    #expect(decoded.files[0].diagnostics == result.diagnostics)
  }

  /// What a listing keeps of a record, as the full decode has it: the rest is left out.
  static func listed(_ article: Article) -> Article {
    var item = NewsItem()
    item.title = article.item.title
    item.excerpt = article.item.title == nil ? article.item.excerpt : nil
    item.category = article.item.category
    item.type = article.item.type
    item.publishedDateTime = article.item.publishedDateTime
    item.originalUrl = article.item.originalUrl
    item.webUrl = article.item.webUrl
    item.ampWebUrl = article.item.ampWebUrl
    item.cdnAmpWebUrl = article.item.cdnAmpWebUrl
    item.quality = article.item.quality
    item.heat = article.item.heat
    item.published = article.item.published
    item.provider = article.item.provider.map { Provider(name: $0.name, domain: $0.domain) }
    return Article(id: article.id, source: article.source, item: item, secured: article.secured)
  }

  /// The listing projection decodes exactly what a listing prints and sorts by, the same as the full decode
  /// gives it, over the loader fixtures (records with and without titles, related coverage, every field)
  /// and the every-field record; the files and their diagnostics come back whole.
  @Test func aListingDecodesItsFieldsAsTheFullDecodeDoes() throws {
    let result = SeedLoader().load(paths: [FixturePaths.loader])
    #expect(result.articles.contains { $0.item.title == nil && $0.item.excerpt != nil })
    #expect(result.articles.contains { !$0.related.isEmpty })
    let stamp = FileStamp(device: 1, inode: 1, size: 1, modified: 1, changed: 1)
    let articles = result.articles + [Self.everyFieldArticle()]
    let index = LoadIndex(
      writtenAt: 2,
      files: [
        IndexedFile(
          path: [], stamp: stamp, isRecordFile: true, articles: articles, diagnostics: result.diagnostics)
      ])
    let bytes = index.encoded()
    let listing = try bytes.withUnsafeBytes { buffer in
      Result { () throws(IndexCorruption) in try LoadIndex.decode(buffer, projection: .listing) }
    }.get()
    #expect(listing.projection == .listing)
    #expect(listing.files[0].articles == articles.map(Self.listed))
    #expect(listing.files[0].diagnostics == result.diagnostics)
    // Every damaged byte is refused by a listing too: nothing of it is taken on trust.
    for position in stride(from: LoadIndex.headerSize, to: bytes.count, by: max(1, bytes.count / 200)) {
      var damaged = bytes
      damaged[position] ^= 0x5A
      #expect(throws: IndexCorruption.self) {
        try damaged.withUnsafeBytes { buffer in
          Result { () throws(IndexCorruption) in try LoadIndex.decode(buffer, projection: .listing) }
        }.get()
      }
    }
  }

  /// An index decoded for a listing lacks most of its records' fields: it is never written over the real one.
  @Test func aListingIndexIsNeverWritten() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "nr-index-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = LoadIndexFile(path: directory.path + "/index.nrindex")
    try file.write(Self.sampleIndex())
    guard case .loaded(let listing) = file.read(projection: .listing) else {
      Issue.record("the written index did not read back for a listing")
      return
    }
    #expect(throws: IndexWriteFailure.self) { try file.write(listing) }
    guard case .loaded(let whole) = file.read() else {
      Issue.record("the index was damaged by the refused write")
      return
    }
    #expect(whole.files.map(\.articles) == Self.sampleIndex().files.map(\.articles))
  }

  /// "Café" precomposed and "Café" with a combining accent are equal as Swift strings, not as bytes: each
  /// comes back as it was written.
  /// More files than one chunk holds: the chunks are decoded side by side into one record array, and every
  /// file gets back its own records, in order, whatever the chunk it fell in.
  @Test func manyChunksRoundTripIntoOneArray() throws {
    let base = Self.everyFieldArticle()
    var files: [IndexedFile] = []
    let count = LoadIndex.filesPerChunk * 2 + 17
    for number in 0..<count {
      // Files with none, one and two records, so chunks hold different numbers of records.
      let articles = (0..<(number % 3)).map { document -> Article in
        var article = base
        article.id = ArticleID("\(number)-\(document)")
        article.item.title = "title \(number) \(document)"
        article.source.documentIndex = document
        return article
      }
      let stamp = FileStamp(device: 1, inode: UInt64(number), size: 10, modified: 1, changed: 1)
      files.append(
        IndexedFile(
          path: Array("dir/\(number).txt".utf8), stamp: stamp, isRecordFile: true, articles: articles,
          diagnostics: number % 5 == 0
            ? [Diagnostic(path: "dir/\(number).txt", line: 1, column: 1, severity: .warning, message: "w")]
            : []))
    }
    let index = LoadIndex(writtenAt: 5, files: files)
    let decoded = try Self.decode(index.encoded())
    #expect(decoded.files.count == count)
    for (got, want) in zip(decoded.files, index.files) {
      #expect(got.path == want.path)
      #expect(got.stamp == want.stamp)
      #expect(got.articles == want.articles)
      #expect(got.diagnostics == want.diagnostics)
    }
    // One array, in file order: what a warm load takes whole.
    let whole = try #require(decoded.wholeArticles)
    #expect(whole.articles == index.files.flatMap(\.articles))
    // A listing decodes the chunks on all cores too, each worker making strings of its own.
    let bytes = index.encoded()
    let listing = try bytes.withUnsafeBytes { buffer in
      Result { () throws(IndexCorruption) in try LoadIndex.decode(buffer, projection: .listing) }
    }.get()
    #expect(listing.files.map(\.path) == index.files.map(\.path))
    #expect(try #require(listing.wholeArticles).articles == index.files.flatMap(\.articles).map(Self.listed))
  }

  @Test func stringsThatOnlyNormalizeAlikeStayApart() throws {
    var first = Self.everyFieldArticle()
    first.item.title = "Caf\u{E9}"
    var second = first
    second.item.title = "Cafe\u{301}"
    let stamp = FileStamp(device: 1, inode: 1, size: 1, modified: 1, changed: 1)
    let index = LoadIndex(
      writtenAt: 2,
      files: [
        IndexedFile(path: [], stamp: stamp, isRecordFile: true, articles: [first, second], diagnostics: [])
      ])
    let decoded = try Self.decode(index.encoded())
    #expect(
      decoded.files[0].articles.map { Array($0.item.title!.utf8) } == [
        Array("Caf\u{E9}".utf8), Array("Cafe\u{301}".utf8),
      ])
  }

  @Test func everyTruncationIsRefused() {
    let bytes = Self.sampleIndex().encoded()
    for length in 0..<bytes.count {
      #expect(throws: IndexCorruption.self) { try Self.decode(Array(bytes[..<length])) }
    }
  }

  @Test func everyFlippedByteIsRefused() {
    let bytes = Self.sampleIndex().encoded()
    for offset in bytes.indices {
      var damaged = bytes
      damaged[offset] ^= 0x5A
      #expect(throws: IndexCorruption.self) { try Self.decode(damaged) }
    }
  }

  @Test func otherVersionsAndFilesAreRefusedWithAReason() throws {
    var bytes = Self.sampleIndex().encoded()
    bytes[8] = UInt8(LoadIndex.formatVersion + 1)
    do {
      _ = try Self.decode(bytes)
      Issue.record("a foreign version was accepted")
    } catch {
      #expect(error.reason.contains("format version"))
    }
    do {
      _ = try Self.decode(Array("---\ntitle: not an index\n".utf8) + [UInt8](repeating: 0, count: 40))
      Issue.record("a record file was accepted as an index")
    } catch {
      #expect(error.reason == "is not a newsreader index")
    }
  }

  /// A payload whose checksum is right but whose counts lie (what a writer bug would give) still cannot trap.
  @Test func lyingCountsWithAValidChecksumAreRefused() throws {
    var payload = IndexEncoder()
    payload.signed(1)
    payload.unsigned(UInt64(1) << 40)  // a string table "that large"
    let header = Self.header(forPayload: payload.bytes)
    #expect(throws: IndexCorruption.self) { try Self.decode(header + payload.bytes) }

    var file = IndexEncoder()
    file.raw([0x61])
    for _ in 0..<5 { file.unsigned(1 as UInt64) }
    file.byte(1)
    file.unsigned(1 as UInt64)  // one article
    file.unsigned(7 as UInt64)  // string number 6 of none
    for _ in 0..<32 { file.unsigned(0 as UInt64) }  // enough bytes for the directory's one record
    func files(chunk: (files: Int, articles: Int, bytes: Int)) -> [UInt8] {
      var payload = IndexEncoder()
      payload.signed(1)
      payload.unsigned(0 as UInt64)  // no strings
      payload.unsigned(1 as UInt64)  // one file
      payload.unsigned(1 as UInt64)  // in one chunk
      payload.unsigned(chunk.files)
      payload.unsigned(chunk.articles)
      payload.unsigned(chunk.bytes)
      return Self.header(forPayload: payload.bytes + file.bytes) + payload.bytes + file.bytes
    }
    let reason = { (bytes: [UInt8]) -> String? in
      do throws(IndexCorruption) {
        _ = try Self.decode(bytes)
        return nil
      } catch {
        return error.reason
      }
    }
    #expect(reason(files(chunk: (1, 1, file.bytes.count))) == "a string number is out of range")
    // A directory whose chunk is longer than the bytes, or claims more records than they could hold.
    #expect(reason(files(chunk: (1, 1, file.bytes.count + 1))) == "a count is out of range")
    let tooMany = file.bytes.count / LoadIndex.fewestBytesPerArticle + 1
    #expect(reason(files(chunk: (1, tooMany, file.bytes.count))) == "a chunk of files is out of range")
    #expect(reason(files(chunk: (2, 1, file.bytes.count))) == "a chunk of files is out of range")
    #expect(
      reason(files(chunk: (1, 0, file.bytes.count))) == "a chunk holds more records than its directory says")
  }

  static func header(forPayload payload: [UInt8]) -> [UInt8] {
    var header = LoadIndex.magic
    func append(_ value: UInt64, _ count: Int) {
      for index in 0..<count { header.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * index))) }
    }
    append(UInt64(LoadIndex.formatVersion), 4)
    append(0, 4)
    append(UInt64(payload.count), 8)
    append(payload.withUnsafeBytes { IndexChecksum.value(of: $0) }, 8)
    return header
  }

  @Test func writeIsAtomicAndReadBack() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "nr-index-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = LoadIndexFile(path: directory.path + "/nested/index.nrindex")
    guard case .missing = file.read() else {
      Issue.record("a missing index should read as missing")
      return
    }
    try file.write(Self.sampleIndex())
    guard case .loaded(let index) = file.read() else {
      Issue.record("the written index did not read back")
      return
    }
    #expect(index.files.count == 3)
    // No temporary file is left beside it.
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/nested")
    #expect(left.sorted() == ["index.nrindex", "index.nrlisting"])
    // Damage on disk gives one reason, and the next write replaces it.
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: file.path))
    guard case .unusable(let reason) = file.read() else {
      Issue.record("a damaged index should be unusable")
      return
    }
    #expect(reason.contains("shorter than its header"))
  }

  /// Two writers at once (two readers of the same paths) and a reader beside them: every read sees one
  /// whole index, one writer's or the other's, never a torn or mixed one, and the last rename leaves a valid
  /// index with no temporary file beside it.
  @Test func concurrentWritersLeaveOneValidIndex() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "nr-index-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = LoadIndexFile(path: directory.path + "/index.nrindex")
    let one = Self.sampleIndex()
    let other: LoadIndex = {
      var index = Self.sampleIndex()
      index.writtenAt += 1
      index.files.removeLast()
      return index
    }()
    try file.write(one)
    let failures = Mutex<[String]>([])
    let seen = Mutex<Set<Int64>>([])
    DispatchQueue.concurrentPerform(iterations: 3) { worker in
      for _ in 0..<40 {
        switch worker {
        case 0, 1:
          do throws(IndexWriteFailure) {
            try file.write(worker == 0 ? one : other)
          } catch {
            failures.withLock { $0.append(error.description) }
          }
        default:
          switch file.read() {
          case .loaded(let index):
            let whole =
              (index.writtenAt == one.writtenAt && index.files.count == one.files.count)
              || (index.writtenAt == other.writtenAt && index.files.count == other.files.count)
            if !whole { failures.withLock { $0.append("a mixed index") } }
            seen.withLock { _ = $0.insert(index.writtenAt) }
          case .missing: failures.withLock { $0.append("the index went missing") }
          case .unusable(let reason): failures.withLock { $0.append(reason) }
          }
        }
      }
    }
    #expect(failures.withLock { $0 }.isEmpty)
    #expect(!seen.withLock { $0 }.isEmpty)
    guard case .loaded(let last) = file.read() else {
      Issue.record("the index left by the writers does not read")
      return
    }
    #expect([one.writtenAt, other.writtenAt].contains(last.writtenAt))
    // The listing beside it is one writer's whole listing too (each stands for the files, not for the
    // index it was written with, so it need not be the same writer's).
    #expect([one.writtenAt, other.writtenAt].contains(file.readListing().snapshot?.writtenAt ?? -1))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
        "index.nrindex", "index.nrlisting",
      ])
  }

  @Test func writeFailsWithTheSystemsReason() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "nr-index-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    // A regular file where the cache directory should be: mkdir fails whoever runs the test.
    try Data().write(to: directory)
    let file = LoadIndexFile(path: directory.path + "/index.nrindex")
    #expect(throws: IndexWriteFailure.self) { try file.write(Self.sampleIndex()) }
    // The listing beside it cannot be written either.
    #expect(throws: IndexWriteFailure.self) {
      try file.writeListing(ListingSnapshot.encoded(Self.sampleIndex()))
    }
  }

  @Test func standardPathFollowsXDGAndKeysOnRealPaths() throws {
    let a = LoadIndexFile.standard(for: ["."], environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])
    let b = LoadIndexFile.standard(for: ["./"], environment: ["XDG_CACHE_HOME": "/c"])
    #expect(a?.path.hasPrefix("/c/newsreader/index-") == true)
    #expect(a == b)
    let home = LoadIndexFile.standard(for: ["."], environment: ["HOME": "/h"])
    #expect(home?.path.hasPrefix("/h/.cache/newsreader/index-") == true)
    #expect(LoadIndexFile.standard(for: ["."], environment: [:]) == nil)
  }

  @Test func racyFilesAreNotReused() {
    let second: Int64 = 1_000_000_000
    let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 100 * second, changed: 100 * second)
    let file = IndexedFile(path: [], stamp: stamp, isRecordFile: true, articles: [], diagnostics: [])
    #expect(LoadIndex(writtenAt: 102 * second, files: []).canReuse(file, now: stamp))
    // Modified within the racy window before the index's load: the stamp cannot prove it unchanged.
    #expect(!LoadIndex(writtenAt: 100 * second + 5, files: []).canReuse(file, now: stamp))
    var changed = stamp
    changed.changed = 150 * second
    #expect(!LoadIndex(writtenAt: 200 * second, files: []).canReuse(file, now: changed))
  }
}
