import Foundation
import Testing

@testable import NewsCore

/// Loads through the load index against every way a record file can change: each must give exactly what
/// a full parse of the same files gives, parsing only what changed.
@Suite struct IndexedLoadTests {
  /// A scratch directory of record files, removed afterwards.
  final class Scratch {
    let root: String

    init() throws {
      root =
        FileManager.default.temporaryDirectory.appendingPathComponent("nr-indexed-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ relative: String, title: String, url: String? = nil) throws {
      let path = root + "/" + relative
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      let link = url ?? "https://example.org/\(relative)"
      try Data("---\ntitle: \(title)\noriginalUrl: \(link)\n---\n".utf8).write(to: URL(fileURLWithPath: path))
    }
  }

  let loader = SeedLoader()

  /// Loads through `index` and pretends the new index was written two seconds later, as it would be on a
  /// real next start: files just written in the test are otherwise inside the racy window and reparsed.
  func load(_ scratch: Scratch, _ index: LoadIndex?) -> (LoadResult, LoadIndex?) {
    let load = loader.load(paths: [scratch.root], reusing: index)
    var updated = load.updatedIndex
    updated?.writtenAt += 2 * LoadIndex.racyWindow
    return (load.result, updated ?? index)
  }

  func titles(_ result: LoadResult) -> [String] { result.articles.map { $0.item.title ?? "" } }

  /// The indexed result must equal a full load of the same directory, records and diagnostics alike.
  func expectSameAsFullLoad(
    _ result: LoadResult, _ scratch: Scratch, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let full = loader.load(paths: [scratch.root])
    #expect(result.articles == full.articles, sourceLocation: sourceLocation)
    #expect(result.diagnostics == full.diagnostics, sourceLocation: sourceLocation)
    #expect(result.fileCount == full.fileCount, sourceLocation: sourceLocation)
  }

  func fresh() throws -> (Scratch, LoadIndex) {
    let scratch = try Scratch()
    try scratch.write("a.txt", title: "Alpha")
    try scratch.write("b.txt", title: "Bravo")
    try scratch.write("sub/c.txt", title: "Charlie")
    let (first, index) = load(scratch, nil)
    #expect(first.parsedFileCount == 3)
    #expect(first.reusedFileCount == 0)
    return (scratch, try #require(index))
  }

  /// One changed file of many is parsed again at each start rather than the index rewritten for it; past
  /// the threshold the index is written again.
  @Test func aFewChangedFilesAreParsedAgainRatherThanTheIndexRewritten() throws {
    let scratch = try Scratch()
    for number in 0..<40 { try scratch.write("f\(number).txt", title: "Title \(number)") }
    let (_, written) = load(scratch, nil)
    // Hidden, so the walk does not see it.
    let file = LoadIndexFile(path: scratch.root + "/.cache/index.nrindex")
    try file.write(try #require(written))
    let indexed = IndexedLoader(loader: loader, file: file)

    try scratch.write("f3.txt", title: "Changed three")
    let one = indexed.load(paths: [scratch.root])
    #expect(one.result.parsedFileCount == 1)
    #expect(one.result.reusedFileCount == 39)
    #expect(one.pendingIndex == nil, "one file of 40 is parsed again next time instead")
    #expect(one.index != nil, "the load's own index is kept for loads of changes")
    #expect(titles(one.result).contains("Changed three"))
    expectSameAsFullLoad(one.result, scratch)
    // The load took the records of the index it read over (the splice writes into that array): its own
    // index has every record, and a load from it is a full parse's.
    // (Aged past the racy window, as the next start would find it.)
    var own = try #require(one.index)
    own.writtenAt += 2 * LoadIndex.racyWindow
    let fromMemory = loader.load(paths: [scratch.root], reusing: own)
    #expect(fromMemory.result.parsedFileCount == 0)
    expectSameAsFullLoad(fromMemory.result, scratch)
    let again = indexed.load(paths: [scratch.root])
    #expect(again.result.parsedFileCount == 1, "the index on disk still has the old file")
    #expect(titles(again.result).contains("Changed three"))

    let threshold = IndexedLoader.rewriteThreshold(files: 40)
    #expect(threshold == 16)
    for number in 0..<threshold { try scratch.write("f\(number).txt", title: "Again \(number)") }
    let many = indexed.load(paths: [scratch.root])
    #expect(many.result.parsedFileCount == threshold)
    #expect(many.pendingIndex != nil, "\(threshold) changed files: the index is written again")
    expectSameAsFullLoad(many.result, scratch)
  }

  /// `index` with an array of records of its own, as a decode gives: taking it leaves `index` whole.
  static func copied(_ index: LoadIndex) -> LoadIndex {
    let shared = SharedArticles(index.files.flatMap(\.articles))
    var files = index.files
    var next = 0
    for position in files.indices {
      let count = files[position].articleCount
      files[position] = IndexedFile(
        path: files[position].path, stamp: files[position].stamp, isRecordFile: files[position].isRecordFile,
        shared: shared, range: next..<next + count, diagnostics: files[position].diagnostics)
      next += count
    }
    return LoadIndex(writtenAt: index.writtenAt, files: files)
  }

  /// Changed files at their own positions, among files of every shape (several documents, none, not a
  /// record file, unreadable YAML): their records are put in place in the index's array (or, when a file's
  /// count of records changes, the load takes the general path); either way the load is a full parse's.
  @Test func changedFilesInPlaceGiveWhatAFullParseGives() throws {
    let scratch = try Scratch()
    let root = URL(fileURLWithPath: scratch.root)
    try SeedLoaderReferenceTests.writeCorpus(at: root, files: 300, seed: 5)
    let (_, written) = load(scratch, nil)
    var index = try #require(written)
    let paths = try FileManager.default.subpathsOfDirectory(atPath: scratch.root).filter {
      $0.hasSuffix(".txt") || $0.hasSuffix(".yaml")
    }.sorted()
    #expect(paths.count > 100)
    let edits: [(String, String)] = [
      // The same record, its title and URL changed: the id changes too.
      (paths[3], "---\ntitle: Spliced one\noriginalUrl: https://example.org/spliced\n---\n"),
      // Two documents in place of whatever the file held.
      (paths[40], "---\ntitle: Doc A\n---\ntitle: Doc B\n"),
      // An error in place of a record.
      (paths[77], "title: [unclosed\n"),
      (paths[paths.count - 1], "---\ntitle: The last\nwebUrl: https://example.org/0\n---\n"),
    ]
    for (step, (path, text)) in edits.enumerated() {
      try Data(text.utf8).write(to: root.appendingPathComponent(path))
      // A load that owns a copy of the index (as one decoded from its file for the load does) takes its
      // records over and changes them in place; it gives the same as the load that copies them.
      let owned = loader.load(
        paths: [scratch.root], reusingLater: { [index] in Self.copied(index) }, ownsIndex: true)
      #expect(owned.result.parsedFileCount == 1, "step \(step)")
      expectSameAsFullLoad(owned.result, scratch)
      let (result, updated) = load(scratch, index)
      #expect(result.parsedFileCount == 1, "step \(step)")
      expectSameAsFullLoad(result, scratch)
      index = try #require(updated)
      // The index the load made gives the same again, parsing nothing.
      let again = loader.load(paths: [scratch.root], reusing: index)
      #expect(again.result.parsedFileCount == 0, "step \(step)")
      expectSameAsFullLoad(again.result, scratch)
    }
  }

  @Test func unchangedFilesAreAllReusedAndNothingIsWritten() throws {
    let (scratch, index) = try fresh()
    let load = loader.load(paths: [scratch.root], reusing: index)
    #expect(load.result.parsedFileCount == 0)
    #expect(load.result.reusedFileCount == 3)
    #expect(load.updatedIndex == nil)
    expectSameAsFullLoad(load.result, scratch)
  }

  @Test func sameSizeContentWithRestoredModificationTimeIsParsedAgain() throws {
    let (scratch, index) = try fresh()
    let path = scratch.root + "/a.txt"
    let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
    try scratch.write("a.txt", title: "Alpxa")  // same size
    try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: path)
    let (result, _) = load(scratch, index)
    #expect(result.parsedFileCount == 1)
    #expect(titles(result).contains("Alpxa"))
    expectSameAsFullLoad(result, scratch)
  }

  @Test func renameDeleteAddAndNewSubdirectory() throws {
    let (scratch, index) = try fresh()
    try FileManager.default.moveItem(atPath: scratch.root + "/a.txt", toPath: scratch.root + "/z.txt")
    try FileManager.default.removeItem(atPath: scratch.root + "/b.txt")
    try scratch.write("d.txt", title: "Delta")
    try scratch.write("new/deeper/e.txt", title: "Echo")
    let (result, updated) = load(scratch, index)
    #expect(result.parsedFileCount == 3)  // z (renamed), d, e
    #expect(result.reusedFileCount == 1)  // sub/c
    #expect(result.removedFileCount == 2)  // a, b
    #expect(Set(titles(result)) == ["Alpha", "Charlie", "Delta", "Echo"])
    expectSameAsFullLoad(result, scratch)
    #expect(updated?.files.count == 4)
  }

  @Test func fileReplacedByADirectory() throws {
    let (scratch, index) = try fresh()
    try FileManager.default.removeItem(atPath: scratch.root + "/b.txt")
    try scratch.write("b.txt/inner.txt", title: "Inner")
    let (result, _) = load(scratch, index)
    #expect(result.removedFileCount == 1)
    #expect(titles(result).contains("Inner"))
    #expect(!titles(result).contains("Bravo"))
    expectSameAsFullLoad(result, scratch)
  }

  @Test func permissionChangeIsParsedAgain() throws {
    let (scratch, index) = try fresh()
    // chmod changes the status-change time: the file is parsed again, and whatever reading it now gives
    // (records as root, "Permission denied" otherwise) is what a full load gives.
    chmod(scratch.root + "/a.txt", 0)
    defer { chmod(scratch.root + "/a.txt", 0o644) }
    let (result, _) = load(scratch, index)
    #expect(result.parsedFileCount == 1)
    expectSameAsFullLoad(result, scratch)
  }

  /// Two records sharing a URL get their ids made unique across reused and parsed files as a full load
  /// does, so a warm start never gives a record another id than a cold one.
  @Test func duplicateIdsAreAssignedAcrossReusedAndParsedFiles() throws {
    let (scratch, index) = try fresh()
    try scratch.write("0.txt", title: "Same URL", url: "https://example.org/b.txt")
    let (result, second) = load(scratch, index)
    expectSameAsFullLoad(result, scratch)
    try FileManager.default.removeItem(atPath: scratch.root + "/0.txt")
    let (third, _) = load(scratch, second)
    expectSameAsFullLoad(third, scratch)
  }

  @Test func diagnosticsOfReusedFilesAreKept() throws {
    let scratch = try Scratch()
    try Data("---\ntitle: [unclosed\n---\n".utf8).write(to: URL(fileURLWithPath: scratch.root + "/bad.txt"))
    try scratch.write("ok.txt", title: "Fine")
    let (first, index) = load(scratch, nil)
    #expect(first.errorCount == 1)
    let (second, _) = load(scratch, index)
    #expect(second.reusedFileCount == 2)
    #expect(second.diagnostics == first.diagnostics)
  }

  @Test func aFileChangedJustBeforeTheLoadIsRacyAndParsedNextTime() throws {
    let scratch = try Scratch()
    try scratch.write("a.txt", title: "Alpha")
    // No pretending here: the index's time is the load's own, within a second of the file's change.
    let first = loader.load(paths: [scratch.root], reusing: nil)
    let second = loader.load(paths: [scratch.root], reusing: first.updatedIndex)
    #expect(second.result.parsedFileCount == 1)
    #expect(second.result.reusedFileCount == 0)
  }
}
