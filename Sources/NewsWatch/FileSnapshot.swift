import NewsCore

#if canImport(Glibc)
  import Glibc
#endif

/// The record files under some paths with what `stat` says of each: the rescan fallback compares two of
/// these instead of listening to inotify.
public struct FileSnapshot: Sendable, Equatable {
  /// What a change of a file changes: its identity, size and times.
  public struct Stamp: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64
  }

  /// Each record file's path (as walked from the paths given) and stamp.
  public private(set) var files: [String: Stamp] = [:]

  /// Walks `paths` the way the loader does (hidden entries and non-record names skipped), at most
  /// `maxEntries` entries so a huge tree cannot stall the watcher forever.
  public init(paths: [String], maxEntries: Int = 2_000_000) {
    var budget = maxEntries
    for path in paths { add(path, budget: &budget) }
  }

  /// The record files added, removed or changed (by stamp) since `old`.
  public func changedPaths(since old: FileSnapshot) -> Set<String> {
    var paths: Set<String> = []
    for (path, stamp) in files where old.files[path] != stamp { paths.insert(path) }
    for path in old.files.keys where files[path] == nil { paths.insert(path) }
    return paths
  }

  private mutating func add(_ path: String, budget: inout Int) {
    guard budget > 0 else { return }
    budget -= 1
    var info = stat()
    guard stat(path, &info) == 0 else { return }
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      guard let directory = opendir(path) else { return }
      defer { closedir(directory) }
      var names: [String] = []
      while let entry = readdir(directory) {
        let name = DirectoryEntry.name(entry)
        if name.hasPrefix(".") { continue }
        names.append(name)
      }
      let prefix = path.hasSuffix("/") ? path : path + "/"
      for name in names { add(prefix + name, budget: &budget) }
    case S_IFREG:
      let name = path.split(separator: "/").last.map(String.init) ?? path
      guard RecordFileName.isRecord(name) else { return }
      files[path] = Stamp(
        device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
        modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
        changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    default: return
    }
  }
}
