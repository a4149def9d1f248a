import Glibc
import NewsCore

/// The record files under a directory, found the way the reader finds them, with their total bytes.
struct CorpusFiles: Sendable {
  /// Suffixes of the files the reader opens as records.
  static let recordSuffixes = [".txt", ".md", ".yaml", ".yml"]

  var paths: [String]
  /// Sum of the files' sizes in bytes, the "corpus size on disk" that memory is compared with.
  var byteCount: Int

  /// Walks `root` depth first in name order; returns nil when `root` is not a readable directory.
  /// Without `measuringSizes` no file is stat'ed (the floor's walk: `byteCount` stays 0), as the
  /// loader's walk knows regular files from their directory entries.
  static func scan(_ root: String, measuringSizes: Bool = true) -> CorpusFiles? {
    var files = CorpusFiles(paths: [], byteCount: 0)
    guard files.walk(root, measuringSizes: measuringSizes) else { return nil }
    return files
  }

  /// Adds the record files under `directory`; false when it cannot be opened.
  private mutating func walk(_ directory: String, measuringSizes: Bool) -> Bool {
    guard let stream = opendir(directory) else { return false }
    var names: [(name: String, isDirectory: Bool)] = []
    while let entry = readdir(stream) {
      let name = DirectoryEntry.name(entry)
      if name.hasPrefix(".") { continue }
      names.append((name, DirectoryEntry.type(entry) == UInt8(DT_DIR)))
    }
    closedir(stream)
    for (name, isDirectory) in names.sorted(by: { $0.name < $1.name }) {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      if isDirectory {
        _ = walk(path, measuringSizes: measuringSizes)
      } else if CorpusFiles.recordSuffixes.contains(where: { name.hasSuffix($0) }) {
        guard measuringSizes else {
          paths.append(path)
          continue
        }
        var info = stat()
        guard stat(path, &info) == 0 else { continue }
        paths.append(path)
        byteCount += Int(info.st_size)
      }
    }
    return true
  }
}
