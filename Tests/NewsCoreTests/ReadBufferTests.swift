import Foundation
import Testing

@testable import NewsCore

/// Files are read one after another into one reused buffer: each read must give exactly that file's bytes.
@Suite struct ReadBufferTests {
  @Test func readsGiveEachFileExactlyWhateverWasReadBefore() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-read-\(UUID())").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    // Larger than the buffer's first capacity, then smaller, then empty, then small again.
    let contents: [[UInt8]] = [
      Array(repeating: UInt8(ascii: "x"), count: 200_000), Array("short".utf8), [], Array("ab\ncd".utf8),
    ]
    let buffer = ReadBuffer(capacity: 16)
    for (index, bytes) in contents.enumerated() {
      let path = root + "/\(index).txt"
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let read = try RecordFile.read(path, maxBytes: 1 << 20, into: buffer).get()
      #expect(Array(read) == bytes)
    }
    let refused = RecordFile.read(root + "/0.txt", maxBytes: 1000, into: buffer)
    #expect(throws: RecordFile.ReadProblem.self) { try refused.get() }
    let missing = RecordFile.read(root + "/none.txt", maxBytes: 1000, into: buffer)
    #expect(throws: RecordFile.ReadProblem.self) { try missing.get() }
  }

  @Test func oneThreadLoadOfLargeThenSmallFilesKeepsEachFilesText() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-reuse-\(UUID())")
      .path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let long = String(repeating: "long title ", count: 10_000)
    try "---\ntitle: \(long)\n---\nBody of a.\n".write(
      toFile: root + "/a.txt", atomically: false, encoding: .utf8)
    try "---\ntitle: B\n---\n".write(toFile: root + "/b.txt", atomically: false, encoding: .utf8)
    try "---\ntitle: C\nexcerpt: c\n---\nBody of c.\n".write(
      toFile: root + "/c.txt", atomically: false, encoding: .utf8)
    let result = SeedLoader(options: LoadOptions(concurrency: 1)).load(paths: [root])
    #expect(result.articles.map(\.title) == [long.trimmingCharacters(in: .whitespaces), "B", "C"])
    #expect(result.articles.map(\.body) == ["Body of a.\n", nil, "Body of c.\n"])
    #expect(result.diagnostics.isEmpty)
  }
}
