import Foundation
import Testing

@testable import NewsCore

/// The parallel load (records placed in uninitialized storage by the loading threads, then closed up)
/// against a plain one: every file read in order on one thread, records appended, then ids assigned.
@Suite struct SeedLoaderReferenceTests {
  /// The straightforward load the fast one must agree with.
  static func referenceLoad(_ paths: [String], options: LoadOptions = LoadOptions()) -> LoadResult {
    var walker = FileWalker()
    walker.walk(paths)
    var articles: [Article] = []
    var diagnostics: [Diagnostic] = []
    var fileCount = 0
    for file in walker.files {
      let outcome = RecordFile.load(file, options: options)
      articles.append(contentsOf: outcome.articles)
      if outcome.isRecordFile {
        fileCount += 1
        diagnostics.append(contentsOf: outcome.diagnostics)
      }
    }
    ArticleIdentity.assign(to: &articles)
    var result = LoadResult(
      articles: articles, diagnostics: diagnostics, fileCount: fileCount, missingPaths: walker.missingPaths)
    result.emptyPaths = walker.emptyPaths
    return result
  }

  static func expectSame(_ fast: LoadResult, _ reference: LoadResult, _ comment: Comment) {
    #expect(fast.articles.count == reference.articles.count, comment)
    #expect(fast.articles == reference.articles, comment)
    #expect(fast.diagnostics == reference.diagnostics, comment)
    #expect(fast.fileCount == reference.fileCount, comment)
    #expect(fast.missingPaths == reference.missingPaths, comment)
    #expect(fast.emptyPaths == reference.emptyPaths, comment)
  }

  /// Files of every shape the placement treats differently: one record (placed), several (merged), none
  /// (a gap to close), not a record file, unreadable YAML; in runs, so whole claimed runs lack a record.
  static func writeCorpus(at root: URL, files: Int, seed: UInt64) throws {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var shape = 0
    for index in 0..<files {
      // Keep a shape for a while now and then, so a run of 16 claimed files can be all gaps or all records.
      if next(4) == 0 { shape = next(7) }
      let directory = root.appendingPathComponent("d\(index / 50)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let url = "https://example.org/\(next(index / 3 + 1))"  // shared URLs exercise the id suffixes
      let text: String
      let name: String
      switch shape {
      case 0, 1, 2:
        name = "f\(index).txt"
        text = "---\ntitle: Title \(index)\noriginalUrl: \(url)\ntopics: [t\(next(5))]\n---\nBody \(index)\n"
      case 3:
        name = "f\(index).yaml"
        text = (0..<(2 + next(3))).map { "---\ntitle: Doc \($0) of \(index)\nwebUrl: \(url)\n" }.joined()
      case 4:
        name = "f\(index).yaml"
        text = "excerpt_missing: true\nheat: \(index)\n"  // neither title nor excerpt: an error, no record
      case 5:
        name = "f\(index).md"
        text = "# Not a record file \(index)\n"
      default:
        name = "f\(index).yml"
        text = index % 2 == 0 ? "title: [unclosed\n" : ""
      }
      try text.write(to: directory.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }
  }

  @Test(arguments: [1, 2, 3, 8])
  func generatedCorpusLoadsAsThePlainLoadDoes(concurrency: Int) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-reference-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    for (files, seed) in [(0, 1), (1, 2), (17, 3), (700, UInt64(concurrency) * 31)] {
      try? FileManager.default.removeItem(at: root)
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      try Self.writeCorpus(at: root, files: files, seed: seed)
      let paths = [root.path, root.path + "/missing"]
      let reference = Self.referenceLoad(paths)
      let fast = SeedLoader(options: LoadOptions(concurrency: concurrency)).load(paths: paths)
      Self.expectSame(fast, reference, "\(files) files, seed \(seed), \(concurrency) threads")
      if files == 700 { #expect(reference.articles.count > 300 && reference.diagnostics.count > 50) }
    }
  }

  @Test func fixturesLoadAsThePlainLoadDoes() {
    let reference = Self.referenceLoad([FixturePaths.loader])
    #expect(reference.articles.count > 0)
    for concurrency in [0, 1, 4] {
      let fast = SeedLoader(options: LoadOptions(concurrency: concurrency)).load(paths: [FixturePaths.loader])
      Self.expectSame(fast, reference, "fixtures, \(concurrency) threads")
    }
  }
}
