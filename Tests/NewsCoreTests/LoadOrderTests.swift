import Foundation
import NewsCore
import Testing

/// A file's only record is placed straight into the result and files with several records are merged
/// afterwards: the result must still be every record in file order, with no gaps for files without one.
@Suite struct LoadOrderTests {
  static let files: [(name: String, text: String)] = [
    ("a.txt", "---\ntitle: a\n---\n"),
    ("b.yaml", "title: b1\n---\ntitle: b2\n---\ntitle: b3\n"),
    ("c.txt", "---\ntitle: [unclosed\n---\n"),
    ("d.txt", "---\ntitle: d\n---\nA Markdown body.\n"),
    ("e.md", "Just notes, no front matter.\n"),
    ("f.yaml", "title: f1\n---\ntitle: f2\n"),
    ("g.txt", ""),
    ("h.txt", "---\ntitle: h\n---\n"),
  ]

  @Test(arguments: [1, 0])
  func recordsComeInFileOrderWithoutGaps(concurrency: Int) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-order-\(UUID())")
      .path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    for file in Self.files {
      try file.text.write(toFile: root + "/" + file.name, atomically: true, encoding: .utf8)
    }
    let result = SeedLoader(options: LoadOptions(concurrency: concurrency)).load(paths: [root])
    #expect(result.articles.map(\.title) == ["a", "b1", "b2", "b3", "d", "f1", "f2", "h"])
    #expect(result.articles.map(\.source.documentIndex) == [0, 0, 1, 2, 0, 0, 1, 0])
    #expect(result.articles.map(\.body) == [nil, nil, nil, nil, "A Markdown body.\n", nil, nil, nil])
    #expect(Set(result.articles.map(\.id)).count == 8)
    #expect(result.errorCount == 1)
  }
}
