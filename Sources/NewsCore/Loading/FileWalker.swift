#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A record file found under one of the opened paths.
struct RecordFileEntry: Sendable {
  /// The path to open and to show: the opened path joined with the relative part.
  var path: String
  /// The path relative to the opened directory (the file name when a file was opened).
  var relativePath: String
}

/// Finds record files: directories walked recursively in sorted order, hidden entries skipped, symbolic links
/// followed but no directory (or file) visited twice, so a link loop neither hangs nor duplicates records.
struct FileWalker {
  static let recordExtensions: Set<String> = ["txt", "md", "markdown", "yaml", "yml"]

  var files: [RecordFileEntry] = []
  var missingPaths: [String] = []
  /// Paths that exist but hold no record file.
  var emptyPaths: [String] = []
  private var visited: Set<FileIdentity> = []

  private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// Whether `name` ends in one of the record extensions (case-insensitive).
  static func isRecordFile(_ name: String) -> Bool {
    guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
    let suffix = name[name.utf8.index(after: dot)...]
    return recordExtensions.contains(suffix.lowercased())
  }

  mutating func walk(_ paths: [String]) {
    for root in paths {
      let before = files.count
      var info = stat()
      guard stat(root, &info) == 0 else {
        missingPaths.append(root)
        continue
      }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        walkDirectory(fsPath: root, displayPrefix: prefix, relativePrefix: "", info: info)
      } else if (info.st_mode & S_IFMT) == S_IFREG {
        let name = root.split(separator: "/").last.map(String.init) ?? root
        if Self.isRecordFile(name), visited.insert(identity(info)).inserted {
          files.append(RecordFileEntry(path: root, relativePath: name))
        }
      }
      if files.count == before { emptyPaths.append(root) }
    }
  }

  private func identity(_ info: stat) -> FileIdentity {
    FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  private mutating func walkDirectory(
    fsPath: String, displayPrefix: String, relativePrefix: String, info: stat
  ) {
    guard visited.insert(identity(info)).inserted, let directory = opendir(fsPath) else { return }
    var names: [String] = []
    while let entry = readdir(directory) {
      // Read the name in place: a dirent is only as long as its name (d_reclen), so loading the whole
      // struct (`entry.pointee`) can read past the end of the directory buffer and fault.
      let namePointer = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
      let name = String(cString: namePointer.assumingMemoryBound(to: CChar.self))
      if name.hasPrefix(".") { continue }  // hidden, and . and ..
      names.append(name)
    }
    closedir(directory)
    // Byte order, not String's Unicode order, so the walk is the same on every machine.
    names.sort { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
    let base = fsPath.hasSuffix("/") ? fsPath : fsPath + "/"
    for name in names {
      var child = stat()
      guard stat(base + name, &child) == 0 else { continue }  // a dangling link is not a record
      if (child.st_mode & S_IFMT) == S_IFDIR {
        walkDirectory(
          fsPath: base + name, displayPrefix: displayPrefix + name + "/",
          relativePrefix: relativePrefix + name + "/",
          info: child)
      } else if (child.st_mode & S_IFMT) == S_IFREG, Self.isRecordFile(name),
        visited.insert(identity(child)).inserted
      {
        files.append(RecordFileEntry(path: displayPrefix + name, relativePath: relativePrefix + name))
      }
    }
  }
}
