import Foundation
import NewsCore

extension Benchmark {
  /// The load index: writing it after a cold load, a warm load from it (nothing changed, and one file
  /// changed), and its size against the corpus.
  mutating func measureIndex(directory: String, files: CorpusFiles, floor: Double) {
    let records = files.paths.count
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "newsbench-index-\(getpid())-\(records)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = LoadIndexFile(path: scratch.path + "/index.nrindex")
    let loader = SeedLoader()
    progress("index \(records): cold load to write it")
    // Only the index is kept of the cold load.
    guard var index = loader.load(paths: [directory], reusing: nil).updatedIndex else {
      problems.append("a load without an index gave no index to write")
      return
    }
    // The bench reads the index at once: pretend it is older than the racy window, as it is on a real start.
    index.writtenAt += 2 * LoadIndex.racyWindow
    let writeSeconds = medianSeconds("index \(records): write") {
      do { try file.write(index) } catch { problems.append("\(error)") }
    }
    rows.append(
      BenchRow(
        key: "index_write_seconds", label: "index: encode and write", records: records, value: writeSeconds,
        unit: "s", ratio: writeSeconds / floor, ratioTo: "floor", note: "temporary file, fsync, rename"))
    func bytes(_ path: String) -> Int {
      (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
    let listing = bytes(file.listingPath)
    let size = bytes(file.path) + listing
    rows.append(
      BenchRow(
        key: "index_bytes", label: "index: size on disk", records: records,
        value: Double(size) / 1_048_576, unit: "MiB", ratio: Double(size) / Double(max(1, files.byteCount)),
        ratioTo: "corpus bytes",
        note: "\(files.byteCount / 1_048_576) MiB of record files; the listing beside the index is "
          + "\(listing / 1_048_576) MiB of it"))
    index = LoadIndex(writtenAt: 0, files: [])

    var warm = LoadResult()
    let warmSeconds = medianSeconds("index \(records): warm load") {
      warm = LoadResult()
      guard case .loaded(let read) = file.read() else {
        problems.append("the index just written could not be read")
        return
      }
      warm = loader.load(paths: [directory], reusing: read).result
    }
    if warm.reusedFileCount != records {
      problems.append("a warm load reused \(warm.reusedFileCount) of \(records) files")
    }
    rows.append(
      BenchRow(
        key: "warm_load_seconds", label: "warm load: read the index, stat every file", records: records,
        value: warmSeconds, unit: "s", ratio: warmSeconds / floor, ratioTo: "floor",
        note: "\(warm.articles.count) records; parsed \(warm.parsedFileCount), reused \(warm.reusedFileCount)"
      ))
  }
}
