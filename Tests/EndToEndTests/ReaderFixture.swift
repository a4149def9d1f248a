import Foundation
import TestSupport

/// The built binary and a private directory of records for one end-to-end test.
struct ReaderFixture {
  static let packageRoot = BuiltProduct.packageRoot
  static let binary = BuiltProduct.binary

  let directory: String

  /// A fresh directory holding `records` (file name → YAML text).
  init(records: [String: String]) throws {
    directory =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("nr-e2e-\(getpid())-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (name, text) in records {
      try Data(text.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
    }
  }

  func remove() { try? FileManager.default.removeItem(atPath: directory) }

  func path(_ name: String) -> String { "\(directory)/\(name)" }

  /// Three articles with distinct topics, one with related coverage, dated so "newest first" is 1, 2, 3.
  static let standardRecords: [String: String] = [
    "one.txt": """
    ---
    title: "Harbour tunnel opens to traffic"
    excerpt: "The tunnel under the harbour opened on Monday after six years of work."
    publishedDateTime: 2024-05-03T09:00:00Z
    originalUrl: "https://example.org/e2e/harbour-tunnel"
    webUrl: "https://example.org/e2e/harbour-tunnel?web"
    provider: { name: Coast Herald, domain: example.org }
    topics: [Transport, City]
    related:
      - title: "Tunnel traffic lighter than forecast"
        excerpt: "First-day counts were below the forecast."
        webUrl: "https://example.org/e2e/tunnel-traffic"
        provider: { name: Metro Daily }
    ---
    """,
    "two.txt": """
    ---
    title: "東京の桜、例年より早く満開"
    excerpt: "気象庁は東京の桜が満開になったと発表した。"
    publishedDateTime: 2024-05-02T09:00:00Z
    webUrl: "https://example.org/e2e/sakura"
    provider: { name: みなと新聞 }
    topics: [Nature]
    ---
    """,
    "three.txt": """
    ---
    title: "Council approves bike lanes"
    excerpt: "Eleven kilometres of protected lanes by next spring."
    publishedDateTime: 2024-05-01T09:00:00Z
    webUrl: "https://example.org/e2e/bike-lanes"
    provider: { name: Coast Herald }
    topics: [Transport]
    ---
    """,
  ]
}
