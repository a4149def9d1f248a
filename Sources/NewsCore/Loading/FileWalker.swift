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
///
/// Regular files are known from their directory entry alone (its type and inode number), without a `stat`
/// each: at 100,000 files those path lookups were about 3 % of a load. Only directories (for their device
/// and inode, which loop detection needs), symbolic links and entries of unknown type are `stat`ed.
struct FileWalker {
  static let recordExtensions: Set<String> = ["txt", "md", "markdown", "yaml", "yml"]

  var files: [RecordFileEntry] = []
  var missingPaths: [String] = []
  /// Paths that exist but hold no record file.
  var emptyPaths: [String] = []
  private var visited: Set<FileIdentity> = []

  /// A file's device and inode: a hard link or a symbolic link to a file already found has the same.
  private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// One directory entry worth keeping, classified while its directory is open.
  private struct Child {
    var name: String
    var isDirectory: Bool
    var identity: FileIdentity
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
        walkDirectory(fsPath: root, displayPrefix: prefix, relativePrefix: "", identity: identity(info))
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
    fsPath: String, displayPrefix: String, relativePrefix: String, identity: FileIdentity
  ) {
    guard visited.insert(identity).inserted, let directory = opendir(fsPath) else { return }
    var children = Self.children(of: directory, device: identity.device)
    closedir(directory)
    // Byte order, not String's Unicode order, so the walk is the same on every machine.
    children.sort { Self.bytesPrecede($0.name, $1.name) }
    let base = fsPath.hasSuffix("/") ? fsPath : fsPath + "/"
    for child in children {
      if child.isDirectory {
        walkDirectory(
          fsPath: base + child.name, displayPrefix: displayPrefix + child.name + "/",
          relativePrefix: relativePrefix + child.name + "/", identity: child.identity)
      } else if visited.insert(child.identity).inserted {
        files.append(
          RecordFileEntry(path: displayPrefix + child.name, relativePath: relativePrefix + child.name))
      }
    }
  }

  /// The directories and record files of an open directory, hidden entries skipped. `device` is the
  /// directory's own: a regular file's entry is on the same file system, so it and the entry's inode
  /// number identify the file (a mount point is always a directory, and directories are `stat`ed).
  private static func children(of directory: OpaquePointer, device: UInt64) -> [Child] {
    var children: [Child] = []
    let descriptor = dirfd(directory)
    while let entry = readdir(directory) {
      // Read the fields in place: a dirent is only as long as its name (d_reclen), so loading the whole
      // struct (`entry.pointee`) can read past the end of the directory buffer and fault.
      let raw = UnsafeRawPointer(entry)
      let namePointer = (raw + MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
        .assumingMemoryBound(to: CChar.self)
      if namePointer.pointee == CChar(UInt8(ascii: ".")) { continue }  // hidden, and . and ..
      let type = raw.load(fromByteOffset: MemoryLayout<dirent>.offset(of: \dirent.d_type)!, as: UInt8.self)
      let name = String(cString: namePointer)
      switch type {
      case UInt8(DT_REG):
        guard isRecordFile(name) else { continue }
        let inode = raw.load(fromByteOffset: MemoryLayout<dirent>.offset(of: \dirent.d_ino)!, as: ino_t.self)
        children.append(
          Child(name: name, isDirectory: false, identity: FileIdentity(device: device, inode: UInt64(inode))))
      case UInt8(DT_DIR), UInt8(DT_LNK), UInt8(DT_UNKNOWN):
        // Directories need their device (a mount point changes it); links and unknown entries their target.
        var info = stat()
        guard fstatat(descriptor, namePointer, &info, 0) == 0 else { continue }  // a dangling link
        let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        if (info.st_mode & S_IFMT) == S_IFDIR {
          children.append(Child(name: name, isDirectory: true, identity: identity))
        } else if (info.st_mode & S_IFMT) == S_IFREG, isRecordFile(name) {
          children.append(Child(name: name, isDirectory: false, identity: identity))
        }
      default:
        continue  // fifos, sockets, devices: never records
      }
    }
    return children
  }

  /// Whether `left`'s UTF-8 bytes sort before `right`'s.
  private static func bytesPrecede(_ left: String, _ right: String) -> Bool {
    let ordered = left.utf8.withContiguousStorageIfAvailable { a in
      right.utf8.withContiguousStorageIfAvailable { b in
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        return order != 0 ? order < 0 : a.count < b.count
      }
    }
    return (ordered ?? nil) ?? left.utf8.lexicographicallyPrecedes(right.utf8)
  }
}
