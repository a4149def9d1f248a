import Foundation
import ScreenKit
import Testing

/// Compares a grid with its golden file in `Goldens/`; `NEWSREADER_RECORD_GOLDENS=1` writes the file instead.
enum GoldenScreen {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Goldens")

  static func expect(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let file = directory.appendingPathComponent(name + ".txt")
    let actual = grid.framedText
    if ProcessInfo.processInfo.environment["NEWSREADER_RECORD_GOLDENS"] == "1" {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      #expect(throws: Never.self, sourceLocation: sourceLocation) {
        try actual.write(to: file, atomically: true, encoding: .utf8)
      }
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "No golden \(name).txt; record it with NEWSREADER_RECORD_GOLDENS=1\n\(actual)",
        sourceLocation: sourceLocation)
      return
    }
    if actual != expected {
      Issue.record(
        "Screen differs from \(name).txt\nexpected:\n\(expected)\nactual:\n\(actual)",
        sourceLocation: sourceLocation)
    }
  }
}
