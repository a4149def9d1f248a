import Foundation
import Synchronization
import Testing

@testable import NewsCore

/// The listing beside the load index: rows that read back as the records' fields, orders that are the
/// loader's sort orders, and the files' path hashes and stamps that let a listing be used only while every
/// file is as it was.
@Suite struct ListingSnapshotTests {
  /// The bytes of `text`, for comparing with a row's fields.
  func bytes(_ field: UnsafeBufferPointer<UInt8>?) -> [UInt8]? { field.map(Array.init) }

  /// The index of `scratch` as it is now written to `.cache/index.nrindex` in it, as if two seconds from now
  /// (the files were just written: inside the racy window of an index written now), and a loader of it.
  func writeIndex(of scratch: IndexedLoadTests.Scratch) throws -> (LoadIndexFile, IndexedLoader) {
    let file = LoadIndexFile(path: scratch.root + "/.cache/index.nrindex")
    var index = try #require(SeedLoader().load(paths: [scratch.root], reusing: nil).updatedIndex)
    index.writtenAt += 2 * LoadIndex.racyWindow
    try file.write(index)
    return (file, IndexedLoader(loader: SeedLoader(), file: file))
  }

  func bytes(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }

  /// Every row holds its record's id, date, provider, title (the excerpt only without one) and first
  /// openable link, over the loader fixtures (records without titles, dates kept as text, no provider).
  @Test func rowsHoldWhatTheRecordsHold() throws {
    let articles =
      SeedLoader().load(paths: [FixturePaths.loader]).articles + [LoadIndexTests.everyFieldArticle()]
    #expect(articles.contains { $0.item.title == nil && $0.item.excerpt != nil })
    #expect(
      articles.contains {
        $0.item.publishedDateTime != nil && $0.item.publishedDateTime?.secondsSince1970 == nil
      })
    let rows = ListingRows(articles: articles)
    #expect(rows.count == articles.count)
    rows.withRows { row in
      for (position, article) in articles.enumerated() {
        let fields = row(position)
        #expect(bytes(fields.id) == bytes(article.id.rawValue))
        switch fields.date {
        case .none: #expect(article.item.publishedDateTime == nil)
        case .seconds(let seconds): #expect(seconds == article.item.publishedDateTime?.secondsSince1970)
        case .text(let text):
          #expect(article.item.publishedDateTime?.secondsSince1970 == nil)
          #expect(Array(text) == bytes(article.item.publishedDateTime?.text))
        }
        #expect(bytes(fields.provider) == bytes(article.item.provider?.name))
        #expect(bytes(fields.title) == bytes(article.item.title))
        #expect(bytes(fields.excerpt) == (article.item.title == nil ? bytes(article.item.excerpt) : nil))
        #expect(bytes(fields.link) == bytes(article.item.openableLink?.url))
        #expect(fields.quality == article.item.quality)
        #expect(fields.heat == article.item.heat)
      }
    }
  }

  /// The rows made back into articles (what a warm start lists) hold the same text, ASCII or not, and a
  /// provider name repeated across rows is one provider.
  @Test func rowsMadeBackIntoArticlesKeepTheirText() throws {
    func article(_ id: String, title: String?, excerpt: String? = nil, provider: String?) -> Article {
      Article(
        id: ArticleID(id), source: RecordSource(path: id, relativePath: id, documentIndex: 0, line: 1),
        item: NewsItem(
          title: title, excerpt: excerpt, originalUrl: "https://example.org/\(id)",
          provider: provider.map { Provider(name: $0) }))
    }
    let articles = [
      article("a", title: "Plain ASCII title", provider: "Outlet"),
      article("b", title: "Malmö café, 東京 and 🚲", provider: "Zeitung für Ünicode"),
      article("c", title: nil, excerpt: "Untitled: its excerpt, ü", provider: "Outlet"),
      article("d", title: "Another from the same outlet", provider: "Zeitung für Ünicode"),
      article("é-id", title: "", provider: nil),
    ]
    let made = ListingRows(articles: articles).articles(0..<articles.count)
    #expect(made.map(\.id) == articles.map(\.id))
    #expect(made.map(\.item.title) == articles.map(\.item.title))
    #expect(made.map(\.item.excerpt) == [nil, nil, "Untitled: its excerpt, ü", nil, nil])
    #expect(made.map(\.item.provider?.name) == articles.map(\.item.provider?.name))
    #expect(made.map(\.item.originalUrl) == articles.map(\.item.originalUrl))
    #expect(made[1].item.provider == made[3].item.provider)
  }

  /// The section of an index written from a load reads back with every sort order the loader's own.
  @Test func theSectionReadsBackWithTheLoadersOrders() throws {
    let load = SeedLoader().load(paths: [FixturePaths.loader], reusing: nil)
    let index = try #require(load.updatedIndex)
    let snapshot = try ListingSnapshot(decoding: ListingSnapshot.encoded(index))
    #expect(snapshot.rows.count == load.result.articles.count)
    let fileErrors = index.files.flatMap(\.diagnostics).filter { $0.severity == .error }.count
    #expect(fileErrors > 0)
    #expect(snapshot.fileErrorCount == fileErrors)
    for order in SortOrder.allCases {
      #expect(
        snapshot.indices(by: order) == ArticleOrdering.indices(of: load.result.articles, by: order),
        "\(order)")
    }
  }

  /// A listing uses the section only while every file is as the index has it: a file changed in place
  /// (same size, its mtime put back), added or removed, and a file too recent for its stamp, each send it
  /// through the records instead; and what the records give then is what a parse gives.
  @Test func theSectionIsUsedOnlyWhileNothingChanged() throws {
    let scratch = try IndexedLoadTests.Scratch()
    for number in 0..<5 { try scratch.write("f\(number).txt", title: "Title \(number)") }
    let file = LoadIndexFile(path: scratch.root + "/.cache/index.nrindex")
    let indexed = IndexedLoader(loader: SeedLoader(), file: file)
    /// Writes the index of the directory as it is now, as if written two seconds from now (the files
    /// were just written: inside the racy window of an index written now).
    func writeIndex() throws {
      var index = try #require(SeedLoader().load(paths: [scratch.root], reusing: nil).updatedIndex)
      index.writtenAt += 2 * LoadIndex.racyWindow
      try file.write(index)
    }
    func listing() -> IndexedLoader.Listing<Int> {
      indexed.loadListing(paths: [scratch.root]) { $0.rows.count }
    }
    func expectLoaded(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
      guard case .loaded(let outcome) = listing() else {
        Issue.record("\(what): the section was used", sourceLocation: sourceLocation)
        return
      }
      let full = SeedLoader().load(paths: [scratch.root])
      #expect(
        outcome.result.articles.map { $0.item.title } == full.articles.map { $0.item.title },
        sourceLocation: sourceLocation)
    }

    try writeIndex()
    guard case .rows(let snapshot, let prepared, let walk) = listing() else {
      Issue.record("an index of the files as they are should give its rows")
      return
    }
    #expect(prepared == 5)
    #expect(snapshot.indices(by: .title).count == 5)
    #expect(walk.articles.isEmpty && !walk.hasPathProblem)

    // The same size and the mtime put back: only the change time tells.
    let changed = scratch.root + "/f2.txt"
    var before = stat()
    stat(changed, &before)
    try scratch.write("f2.txt", title: "Title X")
    var times = [before.st_atim, before.st_mtim]
    utimensat(AT_FDCWD, changed, &times, 0)
    expectLoaded("a file changed in place")
    try writeIndex()
    guard case .rows = listing() else {
      Issue.record("the index written again should give its rows")
      return
    }

    try scratch.write("f9.txt", title: "Added")
    expectLoaded("a file added")
    try writeIndex()
    try FileManager.default.removeItem(atPath: scratch.root + "/f0.txt")
    expectLoaded("a file removed")

    // An index written within the racy window of a file's change proves nothing about it.
    var recent = try #require(SeedLoader().load(paths: [scratch.root], reusing: nil).updatedIndex)
    recent.writtenAt = recent.files.map(\.stamp.changed).max()! + LoadIndex.racyWindow / 2
    try file.write(recent)
    expectLoaded("an index as recent as a file")
  }

  /// A damaged section is never used: a flipped byte fails its checksum, and a section with a valid
  /// checksum whose files do not hold its rows, whose order repeats a row, or whose rows do not fill it, is
  /// refused.
  @Test func aDamagedSectionIsRefused() throws {
    let load = SeedLoader().load(paths: [FixturePaths.loader], reusing: nil)
    let section = ListingSnapshot.encoded(try #require(load.updatedIndex))
    for position in stride(from: 0, to: section.count, by: max(1, section.count / 200)) {
      var damaged = section
      damaged[position] ^= 0x20
      #expect(throws: IndexCorruption.self) { try ListingSnapshot(decoding: damaged) }
    }
    func sealed(_ content: IndexEncoder) -> [UInt8] {
      var bytes: [UInt8] = []
      let checksum = content.bytes.withUnsafeBytes { IndexChecksum.value(of: $0) }
      for shift in stride(from: 0, to: 64, by: 8) {
        bytes.append(UInt8(truncatingIfNeeded: checksum >> shift))
      }
      return bytes + content.bytes
    }
    let rows = ListingRows(articles: Array(load.result.articles.prefix(2)))
    func content(order: [UInt32], rowBytes: [UInt8], rowsOfFile: Int = 2) -> IndexEncoder {
      var content = IndexEncoder()
      content.signed(1)
      content.unsigned(0 as UInt64)
      content.unsigned(1 as UInt64)  // one file: its path hash, stamp and rows
      content.fixed(0)
      for _ in 0..<5 { content.unsigned(0 as UInt64) }
      content.unsigned(rowsOfFile)
      content.unsigned(2 as UInt64)
      for _ in SortOrder.allCases { for position in order { content.fixed32(position) } }
      content.raw(rowBytes)
      return content
    }
    #expect((try? ListingSnapshot(decoding: sealed(content(order: [1, 0], rowBytes: rows.rowBytes)))) != nil)
    #expect(throws: IndexCorruption("has files that do not hold its rows")) {
      try ListingSnapshot(decoding: sealed(content(order: [1, 0], rowBytes: rows.rowBytes, rowsOfFile: 3)))
    }
    #expect(throws: IndexCorruption("has a listing order that is not a permutation")) {
      try ListingSnapshot(decoding: sealed(content(order: [1, 1], rowBytes: rows.rowBytes)))
    }
    #expect(throws: IndexCorruption("has a listing order that is not a permutation")) {
      try ListingSnapshot(decoding: sealed(content(order: [0, 2], rowBytes: rows.rowBytes)))
    }
    #expect(throws: IndexCorruption.self) {
      try ListingSnapshot(
        decoding: sealed(content(order: [1, 0], rowBytes: rows.rowBytes.dropLast(1).map { $0 })))
    }
    #expect(throws: IndexCorruption("the listing's rows do not fill it")) {
      try ListingSnapshot(decoding: sealed(content(order: [1, 0], rowBytes: rows.rowBytes + [0])))
    }
  }

  /// The listing beside the index is a file of its own, read without the index: a damaged, truncated,
  /// foreign-version or missing one gives none, and leaves the index usable.
  @Test func theListingFileIsReadAloneAndRefusedWhenDamaged() throws {
    let scratch = try IndexedLoadTests.Scratch()
    try scratch.write("a.txt", title: "Alpha")
    let load = SeedLoader().load(paths: [scratch.root], reusing: nil)
    let file = LoadIndexFile(path: scratch.root + "/.cache/index.nrindex")
    #expect(file.listingPath == scratch.root + "/.cache/index.nrlisting")
    try file.write(try #require(load.updatedIndex))
    #expect(file.readListing().snapshot?.rows.count == 1)
    let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file.listingPath)))
    func expectRefused(_ bytes: [UInt8], _ what: String, because reason: String) throws {
      try Data(bytes).write(to: URL(fileURLWithPath: file.listingPath))
      guard case .unusable(let said) = file.readListing() else {
        Issue.record("\(what): the listing should be unusable")
        return
      }
      #expect(said == "the listing \(file.listingPath) \(reason); rebuilding it", "\(what)")
      guard case .loaded = file.read() else {
        Issue.record("\(what): the index should still be usable")
        return
      }
    }
    var flipped = written
    flipped[LoadIndexFile.listingMagic.count + 4 + 12] ^= 0x01
    try expectRefused(flipped, "a flipped byte", because: "fails its listing's checksum")
    var version = written
    version[LoadIndexFile.listingMagic.count] &+= 1
    try expectRefused(
      version, "another format version",
      because:
        "has format version \(ListingSnapshot.formatVersion + 1), this newsreader reads \(ListingSnapshot.formatVersion)"
    )
    try expectRefused(
      Array(written.prefix(written.count - 1)), "truncated", because: "fails its listing's checksum")
    try expectRefused(
      Array(written.prefix(3)), "shorter than its header", because: "is not a newsreader listing")
    try expectRefused(
      Array("---\ntitle: not a listing\n".utf8), "a record file", because: "is not a newsreader listing")
    try FileManager.default.removeItem(atPath: file.listingPath)
    guard case .missing = file.readListing() else {
      Issue.record("a listing removed should read as missing")
      return
    }
    file.remove()
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }

  /// A `list` that finds a few files changed, too few to write the index again, writes a listing of the
  /// files as they are now: the next one prints its rows, which are a full parse's.
  @Test func aListingOfAFewChangedFilesIsWrittenWithoutTheIndex() throws {
    let scratch = try IndexedLoadTests.Scratch()
    for number in 0..<40 { try scratch.write("f\(number).txt", title: "Title \(number)") }
    let (file, indexed) = try writeIndex(of: scratch)
    try scratch.write("f3.txt", title: "A changed title three")
    // The change is then older than the racy window of the load that follows (a clock condition).
    Thread.sleep(forTimeInterval: Double(LoadIndex.racyWindow) / 1e9 + 0.1)
    guard case .loaded(let outcome) = indexed.loadListing(paths: [scratch.root], preparing: { _ in 0 }) else {
      Issue.record("a changed file should send the listing through the index")
      return
    }
    #expect(outcome.result.parsedFileCount == 1)
    #expect(outcome.pendingIndex == nil, "one file of 40: the index is not written again")
    #expect(outcome.pendingListing != nil)
    #expect(indexed.writeIndex(of: outcome) == nil)
    guard case .rows(let snapshot, _, _) = indexed.loadListing(paths: [scratch.root], preparing: { _ in 0 })
    else {
      Issue.record("the listing written should describe the files")
      return
    }
    let full = SeedLoader().load(paths: [scratch.root])
    #expect(snapshot.rows.rowBytes == ListingRows(articles: full.articles).rowBytes)
    for order in SortOrder.allCases {
      #expect(snapshot.indices(by: order) == ArticleOrdering.indices(of: full.articles, by: order))
    }

    // A damaged listing beside a good index: one message, the records from the index, a new listing.
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: file.listingPath))
    guard case .loaded(let repaired) = indexed.loadListing(paths: [scratch.root], preparing: { _ in 0 })
    else {
      Issue.record("a damaged listing should not be used")
      return
    }
    #expect(
      repaired.indexProblem == "the listing \(file.listingPath) is not a newsreader listing; rebuilding it")
    #expect(repaired.result.articles.count == 40)
    #expect(indexed.writeIndex(of: repaired) == nil)
    guard case .rows = indexed.loadListing(paths: [scratch.root], preparing: { _ in 0 }) else {
      Issue.record("the listing written again should describe the files")
      return
    }
  }

  /// A warm start with a preview lists every record from the listing beside the index, in load order with
  /// the whole load's ids and the fields a list shows, before the index's records are decoded. With a file
  /// changed it is still the listing, that file's records parsed in place of its rows; with a file added
  /// (the walk meets other files than the listing's) only records parsed are previewed.
  @Test func aWarmStartPreviewsEveryRecordFromTheListing() throws {
    let scratch = try IndexedLoadTests.Scratch()
    for number in 0..<30 {
      let record = """
        ---
        title: Title \((number * 7) % 30)
        publishedDateTime: 2024-03-\(10 + number % 9)T08:00:00Z
        provider:
          name: Outlet \(number % 4)
        topics: [one, two]
        originalUrl: https://example.org/\(number)
        ---

        """
      try Data(record.utf8).write(to: URL(fileURLWithPath: scratch.root + "/f\(number).txt"))
    }
    let (_, indexed) = try writeIndex(of: scratch)
    let delivered = Mutex<[(articles: [Article], part: LoadPreview.Part)]>([])
    func start() -> LoadResult {
      delivered.withLock { $0 = [] }
      let preview = LoadPreview(first: 5, order: .title) { catalog, part in
        delivered.withLock { $0.append((catalog.articles, part)) }
      }
      return indexed.load(paths: [scratch.root], preview: preview).result
    }

    let warm = start()
    let previewed = try #require(delivered.withLock { $0.last })
    #expect(previewed.part == .listing)
    let listed = previewed.articles
    #expect(listed.map(\.id) == warm.articles.map(\.id))
    #expect(listed.map(\.item.title) == warm.articles.map(\.item.title))
    #expect(listed.map(\.item.provider?.name) == warm.articles.map(\.item.provider?.name))
    #expect(
      listed.map(\.item.publishedDateTime?.secondsSince1970)
        == warm.articles.map(\.item.publishedDateTime?.secondsSince1970))
    #expect(listed.map(\.item.originalUrl) == warm.articles.map { $0.item.openableLink?.url })
    #expect(listed.allSatisfy { $0.source.path.isEmpty }, "the listing's rows, not records parsed")
    #expect(listed.allSatisfy { $0.item.topics.isEmpty && $0.related.isEmpty }, "no more than the rows hold")

    // One file changed (its stamp differs from the listing's): its record parsed, the others' rows.
    try scratch.write("f3.txt", title: "Changed")
    let changed = start()
    let afterChange = try #require(delivered.withLock { $0.last })
    #expect(afterChange.part == .listing)
    #expect(afterChange.articles.map(\.id) == changed.articles.map(\.id))
    #expect(afterChange.articles.map(\.item.title) == changed.articles.map(\.item.title))
    let parsed = afterChange.articles.filter { !$0.source.path.isEmpty }
    #expect(parsed.map(\.item.title) == ["Changed"], "only the changed file is parsed")

    // A changed file whose record now shares another's URL gets the id a full load gives it.
    try scratch.write("f5.txt", title: "Shares a link", url: "https://example.org/1")
    let shared = start()
    let afterSharing = try #require(delivered.withLock { $0.last })
    #expect(afterSharing.part == .listing)
    #expect(afterSharing.articles.map(\.id) == shared.articles.map(\.id))
    #expect(Set(afterSharing.articles.map(\.id)).count == 30, "the ids stay unique")

    try scratch.write("new.txt", title: "Added")
    _ = start()
    let parts = delivered.withLock { $0 }
    #expect(
      parts.allSatisfy { $0.part == .parsed }, "after a file is added only records parsed are previewed")
    #expect(parts.allSatisfy { $0.articles.allSatisfy { !$0.source.path.isEmpty } })
  }

  /// A listing's files must hold its rows: a file section whose row counts do not add up to the rows is
  /// refused, and the positions of changed files are found only while the walk meets the same paths.
  @Test func theFilesSectionIsCheckedAndMatchedByPosition() throws {
    let scratch = try IndexedLoadTests.Scratch()
    for number in 0..<6 { try scratch.write("f\(number).txt", title: "Title \(number)") }
    var index = try #require(SeedLoader().load(paths: [scratch.root], reusing: nil).updatedIndex)
    index.writtenAt += 2 * LoadIndex.racyWindow
    let articles = index.files.flatMap { $0.articleSlice }
    let files = ListedFile.files(of: index)
    let fewer = ListingSnapshot.encoded(
      articles, files: Array(files.dropLast()), writtenAt: index.writtenAt,
      fileErrors: 0)
    #expect(throws: IndexCorruption.self) { try ListingSnapshot(decoding: fewer) }

    let snapshot = try ListingSnapshot(decoding: ListingSnapshot.encoded(index))
    #expect(snapshot.files == files)
    let walked = SeedLoader().stampedWalk([scratch.root]).files
    #expect(snapshot.changedFiles(walked, atMost: 2) == [])
    try scratch.write("f2.txt", title: "Changed")
    try scratch.write("f4.txt", title: "Changed too")
    let rewalked = SeedLoader().stampedWalk([scratch.root]).files
    #expect(snapshot.changedFiles(rewalked, atMost: 2) == [2, 4])
    #expect(snapshot.changedFiles(rewalked, atMost: 1) == nil, "more changed files than asked for")
    try FileManager.default.moveItem(atPath: scratch.root + "/f5.txt", toPath: scratch.root + "/g5.txt")
    #expect(snapshot.changedFiles(SeedLoader().stampedWalk([scratch.root]).files, atMost: 6) == nil)
  }

  /// A reader's warm start that finds the listing missing, damaged (said once) or of other files (one
  /// added), while the index is not written again, writes a listing of its own load: the next start lists
  /// from it.
  @Test func aWarmStartWritesTheListingItCouldNotUse() throws {
    let scratch = try IndexedLoadTests.Scratch()
    for number in 0..<20 { try scratch.write("f\(number).txt", title: "Title \(number)") }
    let (file, indexed) = try writeIndex(of: scratch)
    func start() -> (IndexedLoader.Outcome, [LoadPreview.Part]) {
      let parts = Mutex<[LoadPreview.Part]>([])
      let preview = LoadPreview { _, part in parts.withLock { $0.append(part) } }
      let outcome = indexed.load(paths: [scratch.root], preview: preview)
      return (outcome, parts.withLock { $0 })
    }

    try FileManager.default.removeItem(atPath: file.listingPath)
    var (missing, _) = start()
    #expect(missing.pendingIndex == nil, "one missing listing does not rewrite the index")
    let written = try #require(missing.pendingListing)
    #expect(written.articles.map(\.id) == missing.result.articles.map(\.id))
    // As if written two seconds later, as a real next start would find it: the files were all just made.
    missing.pendingListing?.writtenAt += 2 * LoadIndex.racyWindow
    #expect(indexed.writeIndex(of: missing) == nil)
    #expect(start().1.last == .listing, "the next start lists from the listing written")

    // A damaged listing is said once, and written again the same way.
    try Data("not a listing".utf8).write(to: URL(fileURLWithPath: file.listingPath))
    var (damaged, _) = start()
    #expect(
      damaged.indexProblem == "the listing \(file.listingPath) is not a newsreader listing; rebuilding it")
    #expect(damaged.pendingListing?.articles.count == 20)
    damaged.pendingListing?.writtenAt += 2 * LoadIndex.racyWindow
    #expect(indexed.writeIndex(of: damaged) == nil)
    let (repaired, repairedParts) = start()
    #expect(repairedParts.last == .listing)
    #expect(repaired.indexProblem == nil && repaired.pendingListing == nil, "nothing more to say or write")

    try scratch.write("added.txt", title: "Added")
    var (added, parts) = start()
    #expect(!parts.contains(.listing))
    #expect(added.pendingIndex == nil)
    #expect(added.pendingListing?.articles.count == 21)
    added.pendingListing?.writtenAt += 2 * LoadIndex.racyWindow
    #expect(indexed.writeIndex(of: added) == nil)
    #expect(start().1.last == .listing)
  }
}
