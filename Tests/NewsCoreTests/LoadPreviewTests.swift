import Foundation
import Synchronization
import Testing

@testable import NewsCore

/// The records a load hands out while it runs (`LoadPreview`): growing, never losing an article, each one
/// a record of the finished load, with ids unique among themselves; nothing after the load returns.
@Suite struct LoadPreviewTests {
  /// What each preview held: its records' (path, document) keys, titles and ids.
  struct Delivery {
    var keys: Set<String>
    var titles: [String: String]
    var ids: [String]
  }

  private static func key(_ article: Article) -> String {
    "\(article.source.path)#\(article.source.documentIndex)"
  }

  /// Loads `paths` with a preview (first step `first`, doubling) and returns the load and the deliveries.
  private func load(
    _ paths: [String], first: Int, concurrency: Int, reusing index: LoadIndex? = nil, viaIndex: Bool = false
  ) -> (LoadResult, [Delivery], LoadPreview) {
    let deliveries = Mutex<[Delivery]>([])
    let preview = LoadPreview(first: first, growth: 2) { catalog, part in
      let articles = catalog.articles
      #expect(part == .parsed, "no listing without an index file")
      let delivery = Delivery(
        keys: Set(articles.map(Self.key)),
        titles: Dictionary(articles.map { (Self.key($0), $0.item.title ?? "") }, uniquingKeysWith: { $1 }),
        ids: articles.map(\.id.rawValue))
      deliveries.withLock { $0.append(delivery) }
    }
    let loader = SeedLoader(options: LoadOptions(concurrency: concurrency))
    let result =
      viaIndex
      ? loader.load(paths: paths, reusing: index, progressInterval: 64, preview: preview).result
      : loader.load(paths: paths, progressInterval: 64, preview: preview)
    return (result, deliveries.withLock { $0 }, preview)
  }

  private func expectPreviews(_ deliveries: [Delivery], of result: LoadResult, _ comment: Comment) {
    let finalTitles = Dictionary(
      result.articles.map { (Self.key($0), $0.item.title ?? "") }, uniquingKeysWith: { $1 })
    var previous: Set<String> = []
    for (number, delivery) in deliveries.enumerated() {
      #expect(Set(delivery.ids).count == delivery.ids.count, "preview \(number): ids unique, \(comment)")
      #expect(delivery.keys.isSuperset(of: previous), "preview \(number) keeps every article, \(comment)")
      #expect(delivery.keys.count > previous.count, "preview \(number) grows, \(comment)")
      #expect(delivery.keys.count < result.articles.count, "a preview is a part, \(comment)")
      for (key, title) in delivery.titles {
        #expect(finalTitles[key] == title, "preview \(number): \(key) is a record of the load, \(comment)")
      }
      previous = delivery.keys
    }
  }

  @Test(arguments: [1, 2, 4])
  func previewsGrowAndHoldOnlyTheLoadsRecords(concurrency: Int) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-preview-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try SeedLoaderReferenceTests.writeCorpus(at: root, files: 3000, seed: 7)
    let (result, deliveries, preview) = load([root.path], first: 16, concurrency: concurrency)
    #expect(
      result.articlesAndDiagnostics
        == SeedLoaderReferenceTests.referenceLoad([root.path]).articlesAndDiagnostics)
    #expect(deliveries.count >= 3, "\(deliveries.count) previews of \(result.articles.count) records")
    #expect(preview.deliveredCount == deliveries.count, "nothing is delivered after the load returned")
    expectPreviews(deliveries, of: result, "\(concurrency) threads")
  }

  /// One large directory: its first files get a head start before the walk has read and sorted it all,
  /// and the previews after it still keep those articles until their files are parsed.
  @Test func aLargeDirectorysFirstFilesAreListedFirstAndKept() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-head-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for index in 0..<2000 {
      try "---\ntitle: Flat \(index)\noriginalUrl: https://example.org/\(index % 700)\n---\n"
        .write(toFile: root.path + "/r\(index).txt", atomically: false, encoding: .utf8)
    }
    let (result, deliveries, _) = load([root.path], first: 64, concurrency: 2)
    #expect(result.articles.count == 2000)
    #expect(!deliveries.isEmpty)
    #expect(deliveries.first.map(\.keys.count) ?? 0 >= 64, "the first preview is a screenful")
    expectPreviews(deliveries, of: result, "one directory")
  }

  /// A first load through an empty index (the first start with an index) previews as a plain load does;
  /// the index it gives still reuses every file.
  @Test func aLoadWritingItsFirstIndexPreviewsAndStillStampsEveryFile() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-stamps-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try SeedLoaderReferenceTests.writeCorpus(at: root, files: 600, seed: 11)
    let first = SeedLoader(options: LoadOptions(concurrency: 2)).load(paths: [root.path], reusing: nil)
    let (result, deliveries, _) = load([root.path], first: 16, concurrency: 2, viaIndex: true)
    #expect(result.articles == first.result.articles)
    expectPreviews(deliveries, of: result, "through the index")
    // The stamps come from the `fstat` of each read, not a `stat` of each path first: they are the files'.
    let index = try #require(first.updatedIndex)
    #expect(index.files.count == 600)
    for file in index.files {
      var info = stat()
      let path = String(decoding: file.path, as: UTF8.self)
      #expect(stat(path, &info) == 0)
      #expect(file.stamp == FileStamp(info), "\(path)")
    }
  }
}

extension LoadResult {
  /// The records and diagnostics, the parts a preview's load must not change.
  fileprivate var articlesAndDiagnostics: [String] {
    articles.map { "\($0.id.rawValue) \($0.item.title ?? "")" } + diagnostics.map(\.message)
  }
}
