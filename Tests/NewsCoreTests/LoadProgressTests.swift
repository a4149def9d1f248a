import Foundation
import NewsCore
import Synchronization
import Testing

/// The loader reports how far it has got, so the reader can show progress on large directories.
@Suite struct LoadProgressTests {
  @Test(arguments: [1, 0])
  func progressStartsAtZeroEndsAtTheTotalAndNeverExceedsIt(concurrency: Int) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-progress-\(UUID())")
      .path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let total = 100
    for number in 0..<total {
      try "---\ntitle: t\(number)\n---\n".write(
        toFile: root + "/\(number).txt", atomically: true, encoding: .utf8)
    }
    let reports = Mutex<[(Int, Int)]>([])
    let result = SeedLoader(options: LoadOptions(concurrency: concurrency)).load(
      paths: [root], progressInterval: 20
    ) { read, all in
      reports.withLock { $0.append((read, all)) }
    }
    #expect(result.articles.count == total)
    let seen = reports.withLock { $0 }
    #expect(seen.first.map { $0 == (0, total) } == true)
    #expect(seen.last.map { $0 == (total, total) } == true)
    #expect(seen.allSatisfy { $0.1 == total && $0.0 >= 0 && $0.0 <= total })
    // Runs of 16 files cross a multiple of 20 at least four times on the way to 100.
    #expect(seen.count >= 6)
  }
}
