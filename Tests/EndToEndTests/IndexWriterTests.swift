import Foundation
import NewsCore
import Testing

@testable import newsreader

/// The index after watched changes is written once they pause, the latest one, and at the end if it waits.
@Suite struct IndexWriterTests {
  static func index(files count: Int) -> LoadIndex {
    let stamp = FileStamp(device: 1, inode: 1, size: 1, modified: 1, changed: 1)
    return LoadIndex(
      writtenAt: Int64(count),
      files: (0..<count).map {
        IndexedFile(
          path: Array("f\($0)".utf8), stamp: stamp, isRecordFile: true, articles: [], diagnostics: [])
      })
  }

  static func written(_ file: LoadIndexFile) -> Int? {
    if case .loaded(let index) = file.read() { return index.files.count }
    return nil
  }

  private func scratch() -> LoadIndexFile {
    LoadIndexFile(path: NSTemporaryDirectory() + "nr-writer-\(UUID().uuidString)/index.nrindex")
  }

  @Test func aRunOfChangesIsWrittenOnceItPausesAndTheLatestWins() throws {
    let file = scratch()
    defer { try? FileManager.default.removeItem(atPath: (file.path as NSString).deletingLastPathComponent) }
    let writer = IndexWriter(file: file, quiet: 0.3)
    for count in 1...3 { writer.schedule(Self.index(files: count)) { _ in } }
    #expect(Self.written(file) == nil, "nothing before the pause")
    let deadline = Date().addingTimeInterval(10)
    while Self.written(file) == nil && Date() < deadline { usleep(20_000) }
    #expect(Self.written(file) == 3)
  }

  @Test func finishWritesWhatStillWaits() throws {
    let file = scratch()
    defer { try? FileManager.default.removeItem(atPath: (file.path as NSString).deletingLastPathComponent) }
    let writer = IndexWriter(file: file, quiet: 60)
    writer.schedule(Self.index(files: 2)) { _ in }
    writer.finish()
    #expect(Self.written(file) == 2)
  }
}
