import Foundation
import NewsCore
import Testing

/// `originalUrl` and `webUrl` share one string when they are the same text, and stay exact when they differ.
@Suite struct URLSharingTests {
  func load(_ yaml: String) throws -> Article {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-urls-\(UUID())").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    try ("---\ntitle: T\n" + yaml + "---\n").write(
      toFile: root + "/r.txt", atomically: false, encoding: .utf8)
    let result = SeedLoader().load(paths: [root])
    #expect(result.diagnostics.isEmpty)
    return try #require(result.articles.first)
  }

  func storage(_ text: String?) -> UnsafePointer<UInt8>? {
    text?.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
  }

  @Test(arguments: [
    "originalUrl: https://example.org/a/long/path/to/a/story\nwebUrl: \"https://example.org/a/long/path/to/a/story\"\n",
    "webUrl: https://example.org/a/long/path/to/a/story\noriginalUrl: 'https://example.org/a/long/path/to/a/story'\n",
  ])
  func equalURLsShareOneString(yaml: String) throws {
    let article = try load(yaml)
    #expect(article.originalUrl == "https://example.org/a/long/path/to/a/story")
    #expect(article.webUrl == article.originalUrl)
    #expect(storage(article.webUrl) != nil && storage(article.webUrl) == storage(article.originalUrl))
  }

  @Test func differentOrUncleanURLsKeepTheirOwnSanitizedText() throws {
    let article = try load(
      "originalUrl: \"https://example.org/\\e[31mred/story\"\nwebUrl: https://example.org/red/story/amp\n")
    #expect(article.originalUrl == "https://example.org/red/story")
    #expect(article.webUrl == "https://example.org/red/story/amp")
    let unclean = try load(
      "webUrl: https://example.org/red/story\noriginalUrl: \"https://example.org/red\\e[0m/story\"\n")
    #expect(unclean.originalUrl == "https://example.org/red/story")
    #expect(unclean.webUrl == "https://example.org/red/story")
  }
}
