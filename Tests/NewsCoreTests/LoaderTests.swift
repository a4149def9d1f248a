import Foundation
import NewsCore
import Testing

/// Loader behaviour over the fixture files: the records, or the exact diagnostics.
@Suite struct LoaderTests {
  func load(_ relative: String, options: LoadOptions = LoadOptions()) -> LoadResult {
    SeedLoader(options: options).load(paths: [FixturePaths.loader + "/" + relative])
  }

  /// Diagnostics without the path prefix: `line:column: severity: message`.
  func located(_ result: LoadResult) -> [String] {
    result.diagnostics.map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
  }

  @Test func fullRecordHasEveryField() throws {
    let result = load("good/full.txt")
    #expect(result.diagnostics.isEmpty)
    let article = try #require(result.articles.first)
    #expect(result.articles.count == 1)
    #expect(article.title == "Full record")
    #expect(article.excerpt == "First paragraph.\n\nSecond paragraph.")
    #expect(article.category == "news")
    #expect(article.type == "article")
    #expect(
      article.publishedDateTime == NewsDate(text: "2021-03-11T17:13:00Z", secondsSince1970: 1_615_482_780))
    #expect(article.originalUrl == "https://example.org/original")
    #expect(article.webUrl == "https://example.org/web")
    #expect(article.ampWebUrl == "https://example.org/amp")
    #expect(article.cdnAmpWebUrl == "https://cdn.example.org/amp")
    #expect(article.quality == 54)
    #expect(article.heat == -1)
    #expect(article.published == false)
    #expect(
      article.provider
        == Provider(
          name: "Example Outlet", domain: "example.org",
          images: [ImageRef(url: "https://example.org/logo.png", width: 32, height: 32)]))
    #expect(article.topics == ["Computer Vision", "AI"])
    #expect(
      article.images == [ImageRef(url: "https://example.org/a.jpg", width: 640, height: 260, isCached: true)])
    #expect(article.related.count == 1)
    #expect(article.related[0].title == "Related one")
    #expect(article.related[0].provider?.name == "Other Outlet")
    #expect(article.related[0].quality == 71)
    #expect(article.extraFields == [ExtraField(key: "featuredContent", value: "kept as text")])
    #expect(article.secured == SecuredContent(byteCount: 10))
    #expect(article.body == nil)
    #expect(article.source.relativePath == "full.txt")
    #expect(article.source.documentIndex == 0)
    #expect(article.id == ArticleID("u" + StableHash.hex("https://example.org/original").prefix(14)))
  }

  @Test func byteOrderMarkAndCRLF() throws {
    let result = load("good/bom-crlf.txt")
    #expect(result.diagnostics.isEmpty)
    let article = try #require(result.articles.first)
    #expect(article.title == "BOM and CRLF")
    #expect(article.excerpt == "line one\nline two\n")
    #expect(article.topics == ["A"])
  }

  @Test func severalDocumentsAreSeveralRecordsAndTheTrailingEmptyOneIsNot() {
    let result = load("good/several.yaml")
    #expect(result.diagnostics.isEmpty)
    #expect(result.articles.map(\.title) == ["One", "Two", nil])
    #expect(result.articles.map(\.excerpt) == [nil, nil, "Three has only an excerpt"])
    #expect(result.articles.map(\.source.documentIndex) == [0, 1, 2])
    #expect(Set(result.articles.map(\.id)).count == 3)
  }

  @Test func frontMatterWithMarkdownBody() throws {
    let article = try #require(load("good/body.md").articles.first)
    #expect(article.title == "With body")
    #expect(article.body == "# Heading\n\nText with red.\n")
  }

  @Test func plainYAMLFileAndIgnoredFiles() {
    let result = load("good")
    #expect(result.fileCount == 5)  // notes.json ignored, README.md without front matter is not a record file
    #expect(
      result.articles.map(\.source.relativePath) == [
        "body.md", "bom-crlf.txt", "full.txt", "plain.yml", "several.yaml", "several.yaml", "several.yaml",
      ])
    #expect(result.articles.first { $0.title == "Plain YAML file" }?.quality == 3)
  }

  /// Each hostile file with exactly the diagnostics it must give and the titles it must still yield.
  static let hostileCases: [(file: String, diagnostics: [String], titles: [String?])] = [
    (
      "alias-bomb.txt",
      [
        "6:36: error: document has more than 100000 nodes (alias expansions included); refused; no record read from this file"
      ], []
    ),
    ("binary.txt", ["1:1: error: control characters are not allowed; no record read from this file"], []),
    ("deep.txt", ["3:67: error: nesting deeper than 64 levels; refused; no record read from this file"], []),
    ("duplicate.txt", ["3:1: warning: duplicate key 'title'; the last value wins"], ["Second"]),
    ("empty.txt", ["0:0: warning: empty file, no record"], []),
    ("invalid-utf8.txt", ["2:12: error: invalid trailing UTF-8 octet; no record read from this file"], []),
    ("no-title.txt", ["1:1: error: record has neither title nor excerpt"], []),
    ("not-a-mapping.txt", ["2:1: error: document is a list, not a mapping of record fields"], []),
    (
      "odd-date.txt",
      [
        "3:20: warning: publishedDateTime 'last Tuesday' is not a date format this reader knows; it sorts last"
      ], ["Odd date"]
    ),
    (
      "syntax-error.txt",
      [
        "4:1: error: while scanning a quoted scalar, found unexpected document indicator; no record read from this file"
      ], []
    ),
    (
      "tabs.txt",
      [
        "4:1: error: while scanning for the next token, found character that cannot start any token; no record read from this file"
      ], []
    ),
    ("tags.txt", ["5:7: warning: heat should be a whole number, not the text \"5\"; field ignored"], ["123"]),
    (
      "wrong-types-kept.txt", ["3:10: warning: quality should be a whole number, not 'high'; field ignored"],
      ["Kept"]
    ),
    ("ünïcödé-名前.txt", [], ["Unicode file name"]),
    ("nulls.txt", [], ["Nulls"]),
    ("merge.txt", [], ["Own title"]),
  ]

  @Test(arguments: hostileCases.indices)
  func hostileFile(_ index: Int) {
    let testCase = Self.hostileCases[index]
    let result = load("hostile/" + testCase.file)
    #expect(located(result) == testCase.diagnostics, "\(testCase.file)")
    #expect(result.articles.map(\.title) == testCase.titles, "\(testCase.file)")
    #expect(result.diagnostics.allSatisfy { $0.path.hasSuffix("hostile/" + testCase.file) })
  }

  @Test func wrongTypeInEveryFieldWarnsForEachAndLosesTheRecordWithoutTitle() {
    let result = load("hostile/wrong-types.txt")
    let fields = [
      "title should be text, not a list", "excerpt should be text, not a mapping",
      "category should be text, not a list", "type should be text, not a mapping",
      "publishedDateTime should be a date, not a list", "originalUrl should be text, not a list",
      "webUrl should be text, not a mapping", "ampWebUrl should be text, not a list",
      "cdnAmpWebUrl should be text, not a list", "quality should be a whole number, not 'high'",
      "heat should be a whole number, not the text \"12\"", "published should be true or false, not 'maybe'",
      "provider should be a mapping, not 'just a name'", "topics should be a list, not 'AI'",
      "images should be a list, not 'picture'", "related should be a list, not 'none'",
      "secured should be text, not a list",
    ]
    let expected = fields.indices.map { "\($0 + 2):" }
    #expect(result.diagnostics.count == fields.count + 1)
    for (index, field) in fields.enumerated() {
      let diagnostic = result.diagnostics[index]
      #expect(diagnostic.severity == .warning)
      #expect(diagnostic.line == index + 2)
      #expect(diagnostic.message == field + "; field ignored")
      #expect(expected[index] == "\(diagnostic.line):")
    }
    #expect(located(result).last == "1:1: error: record has neither title nor excerpt")
    #expect(result.articles.isEmpty)
  }

  @Test func nullsLeaveFieldsAbsent() throws {
    let article = try #require(load("hostile/nulls.txt").articles.first)
    #expect(
      article.excerpt == nil && article.category == nil && article.quality == nil && article.provider == nil)
    #expect(article.topics == ["AI"])
    #expect(article.related.isEmpty && article.secured == nil)
  }

  @Test func tagsAndQuotingDecideTypes() throws {
    let article = try #require(load("hostile/tags.txt").articles.first)
    #expect(article.title == "123")
    #expect(article.excerpt == "tagged text")
    #expect(article.quality == 7)
    #expect(article.heat == nil)
  }

  @Test func mergeKeysApplyWhereNotGivenExplicitly() throws {
    let article = try #require(load("hostile/merge.txt").articles.first)
    #expect(article.title == "Own title")
    #expect(article.category == "merged")
    #expect(article.quality == 9)
    #expect(
      article.extraFields == [
        ExtraField(key: "base", value: "{category: merged, title: Base title, quality: 1}")
      ])
  }

  @Test func escapeAndControlSequencesAreRemovedFromEveryTextField() throws {
    let result = load("hostile/escapes.txt")
    #expect(result.diagnostics.isEmpty)
    let article = try #require(result.articles.first)
    #expect(article.title == "Red title and  done")
    #expect(article.excerpt == "Para one\n\nPara two evil iso csi  end bell")
    #expect(article.category == "cat egory e")
    #expect(article.type == "type")
    #expect(article.originalUrl == "javascript:alert(1)")
    #expect(article.webUrl == "https://example.org/web")
    #expect(article.provider == Provider(name: "Prov", domain: "domain"))
    #expect(article.topics == ["topic"])
    #expect(article.related.map(\.title) == ["reltitle"])
    #expect(article.extraFields == [ExtraField(key: "unknown", value: "xy")])
    #expect(article.item.openableURL == "https://example.org/web")
  }

  @Test func veryLongFieldsAreKeptWhole() throws {
    let article = try #require(load("hostile/long.txt").articles.first)
    #expect(article.title?.utf8.count == 5 * 40_000)  // the quoted scalar keeps its final space
    #expect(article.excerpt?.utf8.count == 300_000)
  }

  @Test func fileSizeLimitRefusesLargerFiles() {
    let result = load("hostile/long.txt", options: LoadOptions(maxFileBytes: 1000))
    #expect(result.articles.isEmpty)
    #expect(
      located(result) == ["0:0: error: file is 500028 bytes, more than the limit of 1000 bytes; skipped"])
  }

  @Test func hiddenFilesAndDirectoriesAreSkipped() {
    let result = load("hostile")
    #expect(!result.articles.contains { $0.title == "Hidden" || $0.title == "Hidden file" })
    #expect(!result.diagnostics.contains { $0.path.contains("/.hidden") })
    #expect(result.fileCount == 19)
  }

  @Test func missingAndEmptyPathsAreReported() throws {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-empty-\(UUID())")
      .path
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let result = SeedLoader().load(paths: ["/nonexistent/newsreader", empty])
    #expect(result.missingPaths == ["/nonexistent/newsreader"])
    #expect(result.emptyPaths == [empty])
  }

  @Test func symlinkLoopNeitherHangsNorDuplicates() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-loop-\(UUID())").path
    let manager = FileManager.default
    try manager.createDirectory(atPath: root + "/a/b", withIntermediateDirectories: true)
    defer { try? manager.removeItem(atPath: root) }
    try "---\ntitle: Looped\n---\n".write(toFile: root + "/a/b/record.txt", atomically: true, encoding: .utf8)
    try manager.createSymbolicLink(atPath: root + "/a/b/up", withDestinationPath: "..")
    try manager.createSymbolicLink(atPath: root + "/self", withDestinationPath: root)
    try manager.createSymbolicLink(
      atPath: root + "/record-link.txt", withDestinationPath: root + "/a/b/record.txt")
    try manager.createSymbolicLink(atPath: root + "/dangling.txt", withDestinationPath: root + "/nowhere")
    let result = SeedLoader().load(paths: [root])
    #expect(result.articles.map(\.title) == ["Looped"])
    #expect(result.diagnostics.map(\.severity) == [.note, .warning, .warning])  // dangling.txt, up, self
  }

  @Test func sharedURLsGetDistinctStableIDs() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-ids-\(UUID())").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    for name in ["a.txt", "b.txt"] {
      try "---\ntitle: \(name)\nwebUrl: https://example.org/same\n---\n".write(
        toFile: root + "/" + name, atomically: true, encoding: .utf8)
    }
    let first = SeedLoader().load(paths: [root]).articles.map(\.id)
    let again = SeedLoader(options: LoadOptions(concurrency: 1)).load(paths: [root + "/"]).articles.map(\.id)
    let base = "u" + StableHash.hex("https://example.org/same").prefix(14)
    #expect(first.count == 2 && Set(first).count == 2)
    #expect(first[0] == ArticleID(base))
    #expect(first[1] == ArticleID(base + "-" + StableHash.hex("b.txt#0").prefix(8)))
    #expect(first == again)
  }

  @Test func parallelAndSequentialLoadsAgree() {
    let parallel = SeedLoader(options: LoadOptions(concurrency: 0)).load(paths: [FixturePaths.loader])
    let sequential = SeedLoader(options: LoadOptions(concurrency: 1)).load(paths: [FixturePaths.loader])
    #expect(parallel.articles == sequential.articles)
    #expect(parallel.diagnostics == sequential.diagnostics)
  }
}
