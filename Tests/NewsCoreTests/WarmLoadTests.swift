import Foundation
import Testing

@testable import NewsCore

/// A warm load (every file reused from a decoded index, the index's one array of records handed to the load)
/// against a parse of the same files: the same records field for field, ids and diagnostics alike.
@Suite struct WarmLoadTests {
  /// Loads `paths` cold through no index, then writes, reads back and decodes the index as a next start
  /// would (its time moved past the racy window of the files just written).
  static func decodedIndex(of paths: [String]) throws -> LoadIndex {
    let cold = SeedLoader().load(paths: paths, reusing: nil)
    var index = try #require(cold.updatedIndex)
    index.writtenAt += 2 * LoadIndex.racyWindow
    let bytes = index.encoded()
    return try bytes.withUnsafeBytes { buffer throws(IndexCorruption) in try LoadIndex.decode(buffer) }
  }

  static func expectWarmEqualsParsed(_ paths: [String], _ comment: Comment) throws {
    let reference = SeedLoaderReferenceTests.referenceLoad(paths)
    let index = try decodedIndex(of: paths)
    // The decoded files share one array in file order: what lets a warm load take it without copying.
    #expect(index.wholeArticles != nil, comment)
    for _ in 0..<2 {
      // Twice through the same index: making ids unique in the first load must not have changed the
      // base ids the index keeps (they share storage with the load's articles).
      let warm = SeedLoader().load(paths: paths, reusing: index)
      #expect(warm.result.parsedFileCount == 0, comment)
      #expect(warm.result.reusedFileCount == index.files.count, comment)
      #expect(warm.updatedIndex == nil, comment)
      SeedLoaderReferenceTests.expectSame(warm.result, reference, comment)
      // Without ids to make unique the load's articles are the index's array itself, not a copy.
      let baseIDs = try #require(index.wholeArticles).articles.map(\.id)
      if baseIDs == reference.articles.map(\.id), !baseIDs.isEmpty {
        let shared = try #require(index.wholeArticles).articles.withUnsafeBufferPointer { $0.baseAddress }
        #expect(warm.result.articles.withUnsafeBufferPointer { $0.baseAddress } == shared, comment)
      }
    }
  }

  /// Records without shared URLs: the one-copy path is the one taken (the fixtures and generated files
  /// above have records sharing a URL, whose ids the load changes, which copies the array once).
  @Test func distinctRecordsShareTheIndexArray() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-warm-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for number in 0..<50 {
      let text = "---\ntitle: Record \(number)\noriginalUrl: https://example.org/\(number)\n---\n"
      try text.write(to: root.appendingPathComponent("r\(number).txt"), atomically: false, encoding: .utf8)
    }
    let index = try Self.decodedIndex(of: [root.path])
    let warm = SeedLoader().load(paths: [root.path], reusing: index)
    #expect(warm.result.articles.count == 50)
    let shared = try #require(index.wholeArticles).articles.withUnsafeBufferPointer { $0.baseAddress }
    #expect(warm.result.articles.withUnsafeBufferPointer { $0.baseAddress } == shared)
    SeedLoaderReferenceTests.expectSame(
      warm.result, SeedLoaderReferenceTests.referenceLoad([root.path]), "50 distinct records")
  }

  /// An index file whose string table is not UTF-8 behind a valid checksum: the load parses everything,
  /// says so in one message and has a new index to write.
  @Test func invalidStringTableIsRebuiltWithOneMessage() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-warm-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try SeedLoaderReferenceTests.writeCorpus(at: root, files: 40, seed: 13)
    let file = LoadIndexFile(path: root.path + "/cache/index.nrindex")
    try file.write(try Self.decodedIndex(of: [root.path]))
    try FileManager.default.createDirectory(
      atPath: root.path + "/cache", withIntermediateDirectories: true)
    try Data(Self.invalidTableIndex([0x61, 0xFF])).write(to: URL(fileURLWithPath: file.path))
    let outcome = IndexedLoader(loader: SeedLoader(), file: file).load(paths: [root.path])
    #expect(outcome.indexProblem == "the index \(file.path) a string is not UTF-8; rebuilding it")
    #expect(outcome.result.reusedFileCount == 0)
    #expect(outcome.pendingIndex != nil)
    SeedLoaderReferenceTests.expectSame(
      outcome.result, SeedLoaderReferenceTests.referenceLoad([root.path]), "rebuilt")
  }

  /// A whole index file (header and payload) whose one string is `text`, checksum valid.
  static func invalidTableIndex(_ text: [UInt8]) -> [UInt8] {
    var block = IndexEncoder()
    block.unsigned(text.count)
    for byte in text { block.byte(byte) }
    let compressed = IndexCompression.compress(block.bytes)
    var payload = IndexEncoder()
    payload.signed(1)
    payload.unsigned(1 as UInt64)  // one block
    payload.unsigned(1 as UInt64)  // of one string
    payload.unsigned(block.bytes.count)
    payload.unsigned(compressed.count)
    for byte in compressed { payload.byte(byte) }
    payload.unsigned(0 as UInt64)  // no files
    return LoadIndexTests.header(forPayload: payload.bytes) + payload.bytes
  }

  @Test func fixturesLoadWarmAsParsed() throws {
    try Self.expectWarmEqualsParsed([FixturePaths.loader], "fixtures")
  }

  /// Generated files of every shape (one record, several, none, not a record file, broken YAML, URLs
  /// shared so ids get suffixes).
  @Test func generatedRecordsLoadWarmAsParsed() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-warm-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    for (files, seed) in [(0, 5), (1, 6), (700, 7)] {
      try? FileManager.default.removeItem(at: root)
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      try SeedLoaderReferenceTests.writeCorpus(at: root, files: files, seed: UInt64(seed))
      try Self.expectWarmEqualsParsed([root.path], "\(files) generated files")
    }
  }

  @Test func realCorpusLoadsWarmAsParsed() throws {
    guard let real = FixturePaths.shared("corpus/real") else {
      print("skipped: ../shared/corpus/real is missing")
      return
    }
    try Self.expectWarmEqualsParsed([real], "the real corpus")
  }

  /// A file whose records are a range of the shared array reads and writes like one with its own records.
  @Test func sharedFileRecordsCanBeReadAndReplaced() throws {
    var index = try Self.decodedIndex(of: [FixturePaths.loader])
    let position = try #require(index.files.firstIndex { $0.articleCount == 1 })
    let article = try #require(index.files[position].articles.first)
    #expect(Array(index.files[position].articleSlice) == [article])
    var replaced = article
    replaced.item.title = "Replaced"
    index.files[position].articles = [replaced]
    #expect(index.files[position].articles == [replaced])
    #expect(index.files[position].articleCount == 1)
    // No longer one array in file order: a load then takes the general path, with the same result.
    #expect(index.wholeArticles == nil)
    let decoded = try index.encoded().withUnsafeBytes { buffer throws(IndexCorruption) in
      try LoadIndex.decode(buffer)
    }
    #expect(decoded.files[position].articles == [replaced])
  }

  /// Reading an index file gives back each decoded page to the system as it goes; what it decodes is what
  /// decoding the whole file in memory gives.
  @Test func readingTheFileDecodesAsTheBytesDo() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-warm-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try SeedLoaderReferenceTests.writeCorpus(at: root, files: 2_000, seed: 11)
    let index = try Self.decodedIndex(of: [root.path])
    let file = LoadIndexFile(path: root.path + "/cache/index.nrindex")
    try file.write(index)
    let bytes = index.encoded()
    #expect(bytes.count > 16 * 4096)  // several pages to give back
    guard case .loaded(let read) = file.read() else {
      Issue.record("the index written could not be read")
      return
    }
    #expect(read.writtenAt == index.writtenAt)
    #expect(read.files.count == index.files.count)
    for (got, want) in zip(read.files, index.files) {
      #expect(got.path == want.path)
      #expect(got.stamp == want.stamp)
      #expect(got.articles == want.articles)
      #expect(got.diagnostics == want.diagnostics)
    }
  }

  /// A string table whose bytes are not UTF-8 behind a valid checksum (a writer bug, or a file made to
  /// pass the checksum) is refused as corrupt, never turned into a string.
  @Test func invalidUTF8BehindAValidChecksumIsRefused() throws {
    for text in [[0xFF], [0x61, 0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x61, 0x80, 0x62]] as [[UInt8]] {
      let file = Self.invalidTableIndex(text)
      #expect(throws: IndexCorruption("a string is not UTF-8")) {
        try file.withUnsafeBytes { buffer throws(IndexCorruption) in try LoadIndex.decode(buffer) }
      }
    }
  }
}
