internal import CFileSystem
import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A record file found under one of the opened paths.
struct RecordFileEntry: Sendable {
  /// The path to show: the opened path joined with the relative part (a name that is not UTF-8 shows each
  /// byte that is not as U+FFFD).
  var path: String
  /// The path relative to the opened directory (the file name when a file was opened).
  var relativePath: String
  /// The path's bytes when `path` is not exactly them (some name in it is not UTF-8); nil otherwise.
  var systemPath: [UInt8]? = nil
  /// What `stat` said of the file during the walk, when the walk was asked to stamp files
  /// (`FileWalker.stampsFiles`) and the call succeeded; nil otherwise.
  var stamp: FileStamp? = nil

  /// Calls `body` with the path as the system knows it: the bytes `readdir` gave, never the shown form.
  func withSystemPath<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
    guard let systemPath else { return path.withCString(body) }
    return (systemPath + [0]).withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
    }
  }
}

/// The file-system calls the walk makes, as values, so a test can make one fail the way it fails for an
/// unprivileged user or a failing disk (the tests here run as root, whom permissions never stop).
struct WalkerSystem: Sendable {
  var statPath: @Sendable (UnsafePointer<CChar>, inout stat) -> Int32
  var openDirectory: @Sendable (UnsafePointer<CChar>) -> OpaquePointer?
  /// `readdir`: nil at the end, or on failure with `errno` set.
  var readEntry: @Sendable (OpaquePointer) -> UnsafeMutablePointer<dirent>?
  var statAt: @Sendable (Int32, UnsafePointer<CChar>, inout stat, Int32) -> Int32
  /// The `f_type` of the file system holding the path (Linux), nil when unknown.
  var fileSystemType: @Sendable (UnsafePointer<CChar>) -> Int?

  static let live = WalkerSystem(
    statPath: { stat($0, &$1) },
    openDirectory: { opendir($0) },
    readEntry: { readdir($0) },
    statAt: { fstatat($0, $1, &$2, $3) },
    fileSystemType: { path in
      let type = newsreader_file_system_type(path)
      return type == -1 ? nil : Int(truncatingIfNeeded: type)
    })
}

/// Finds record files: directories walked recursively in sorted order, hidden entries skipped, symbolic links
/// followed but no directory (or file) visited twice, so a link loop neither hangs nor duplicates records.
///
/// The walk is bounded: a link back to an opened directory or one above it is not followed (a link to `/`
/// would read the whole machine), pseudo-file systems (`/proc`, `/sys`, `/dev` and their kind) are never
/// entered, and past `maxEntries` directory entries it stops with an error. Every failed call is a
/// diagnostic with the system's reason.
///
/// Regular files are known from their directory entry alone (its type and inode number), without a `stat`
/// each: at 100,000 files those path lookups were about 3 % of a load. Only directories (for their device
/// and inode, which loop detection needs), symbolic links and entries of unknown type are `stat`ed.
struct FileWalker {
  static let recordExtensions: Set<String> = ["txt", "md", "markdown", "yaml", "yml"]

  /// Directory entries (files and directories, hidden ones not counted) examined before the walk stops.
  var maxEntries: Int
  let system: WalkerSystem
  var files: [RecordFileEntry] = []
  var missingPaths: [String] = []
  /// Paths that exist but hold no record file.
  var emptyPaths: [String] = []
  /// Paths that exist but could not be read; `diagnostics` says why.
  var unreadablePaths: [String] = []
  /// Problems of the walk itself, in walk order: unreadable entries, links not followed, special files.
  var diagnostics: [Diagnostic] = []
  /// Whether the walk stopped at `maxEntries`.
  private(set) var stoppedAtLimit = false
  /// Whether each record file is `stat`ed while its directory is open, for its stamp (a load that checks an
  /// index against every file): by name from the open directory, not by a path looked up again from the
  /// root, which made the stat of 100,000 files a third slower.
  var stampsFiles = false

  private var visited = IdentitySet()
  /// Directories found to hold a record file somewhere below, so a path given again is not "empty".
  private var directoriesWithRecords: Set<FileIdentity> = []
  private var openedPaths: Set<FileIdentity> = []
  /// The opened directories and every directory above them: a link to one leads back into the walk.
  private var enclosing: Set<FileIdentity> = []
  /// The directories being walked, outermost first.
  private var stack: [FileIdentity] = []
  /// `/proc`, `/sys` and `/dev` by identity, so a bind mount or link to them is known too.
  private var pseudoDirectories: [FileIdentity: String] = [:]
  private var entriesSeen = 0
  /// Called once with the first `headStartCount` regular record files the walk meets, in the file system's
  /// order, while it goes on: a first load parses them at once to list a screenful of articles before the
  /// walk of a large directory (and its sort) is done. They are found again in the walk's own order later.
  var headStart: (([RecordFileEntry]) -> Void)? = nil
  var headStartCount = 64
  private var headStartFiles: [RecordFileEntry] = []

  init(maxEntries: Int = 1_000_000, system: WalkerSystem = .live) {
    self.maxEntries = maxEntries
    self.system = system
  }

  /// A file's device and inode: a hard link or a symbolic link to a file already found has the same.
  private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// The identities met so far: an open-addressing table of device and inode pairs. A `Set` hashes each
  /// with SipHash and rehashes as it grows, which was a seventh of a warm listing's walk at 100,000 files.
  private struct IdentitySet {
    /// Pairs of device and inode; a slot whose inode is `empty` holds nothing.
    private var slots: [UInt64]
    private var count = 0
    private static let empty = UInt64.max
    /// The devices with an inode of all ones, which no slot can hold (no file system gives one, but a
    /// table must not trust that).
    private var allOnes: [UInt64] = []

    init() { slots = Array(repeating: Self.empty, count: 2 * 1024) }

    func contains(_ identity: FileIdentity) -> Bool {
      if identity.inode == Self.empty { return allOnes.contains(identity.device) }
      let mask = slots.count / 2 - 1
      var slot = Self.slot(identity, mask)
      while slots[2 * slot + 1] != Self.empty {
        if slots[2 * slot] == identity.device && slots[2 * slot + 1] == identity.inode { return true }
        slot = (slot + 1) & mask
      }
      return false
    }

    /// Adds `identity`; false when it was there already.
    @discardableResult
    mutating func insert(_ identity: FileIdentity) -> Bool {
      if identity.inode == Self.empty {
        if allOnes.contains(identity.device) { return false }
        allOnes.append(identity.device)
        return true
      }
      if 4 * (count + 1) > 3 * (slots.count / 2) { grow() }
      let mask = slots.count / 2 - 1
      var slot = Self.slot(identity, mask)
      while slots[2 * slot + 1] != Self.empty {
        if slots[2 * slot] == identity.device && slots[2 * slot + 1] == identity.inode { return false }
        slot = (slot + 1) & mask
      }
      slots[2 * slot] = identity.device
      slots[2 * slot + 1] = identity.inode
      count += 1
      return true
    }

    private static func slot(_ identity: FileIdentity, _ mask: Int) -> Int {
      var hash = (identity.inode ^ (identity.device &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      return Int(truncatingIfNeeded: hash) & mask
    }

    private mutating func grow() {
      let old = slots
      slots = Array(repeating: Self.empty, count: old.count * 2)
      count = 0
      for pair in stride(from: 0, to: old.count, by: 2) where old[pair + 1] != Self.empty {
        insert(FileIdentity(device: old[pair], inode: old[pair + 1]))
      }
    }
  }

  /// One directory entry worth keeping, classified while its directory is open.
  private struct Child {
    var name: String
    /// The name's bytes when it is not UTF-8 (then `name` is its shown form).
    var rawName: [UInt8]?
    var isDirectory: Bool
    var identity: FileIdentity
    /// The file's stamp, when the walk stamps files (`stampsFiles`).
    var stamp: FileStamp? = nil
  }

  /// Linux `statfs` types of file systems that are views of the kernel, not files: walking them reads
  /// endless or blocking pseudo-files (devtmpfs reports tmpfs's type: `/dev` is known by identity instead).
  static let pseudoFileSystemTypes: [Int: String] = [
    0x9fa0: "proc", 0x6265_6572: "sysfs", 0x1cd1: "devpts", 0x6462_6720: "debugfs", 0x7472_6163: "tracefs",
    0x7365_6673: "securityfs", 0x0027_e0eb: "cgroup", 0x6367_7270: "cgroup2", 0x6165_676c: "pstore",
    0xcafe_4a11: "bpf", 0x6265_6570: "configfs", 0x6573_5543: "fusectl", 0xf97c_ff8c: "selinuxfs",
    0xde5e_81e4: "efivarfs", 0x6e73_6673: "nsfs", 0x4249_4e4d: "binfmt_misc", 0x1980_0202: "mqueue",
  ]

  /// Whether `name` ends in one of the record extensions (case-insensitive).
  static func isRecordFile(_ name: String) -> Bool {
    guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
    let suffix = name[name.utf8.index(after: dot)...]
    // An ASCII suffix (every name of a usual directory) is compared as its lowercased bytes, without a
    // string made and hashed for each of 100,000 files.
    var packed: UInt64 = 0
    var length = 0
    for byte in suffix.utf8 {
      guard byte < 0x80, length < 8 else { return recordExtensions.contains(suffix.lowercased()) }
      let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
      packed |= UInt64(lower) << UInt64(8 * length)
      length += 1
    }
    return packedRecordExtensions.contains(packed)
  }

  /// `recordExtensions` as their bytes packed little-endian into a word each (all are ASCII, at most 8).
  private static let packedRecordExtensions: [UInt64] = recordExtensions.map { word in
    word.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
  }

  mutating func walk(_ paths: [String]) {
    for name in ["/proc", "/sys", "/dev"] {
      var info = stat()
      if system.statPath(name, &info) == 0 { pseudoDirectories[identity(info)] = name }
    }
    for root in paths { markEnclosing(root) }
    for root in paths {
      if stoppedAtLimit { break }
      walkRoot(root)
    }
  }

  private mutating func walkRoot(_ root: String) {
    var info = stat()
    guard system.statPath(root, &info) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR {
        missingPaths.append(root)
      } else {
        report(.error, root, "cannot read: \(Self.reason(code))")
        unreadablePaths.append(root)
      }
      return
    }
    let identity = identity(info)
    // The same file or directory given again (`f f`, `./f f`) loads once, as if given once.
    guard openedPaths.insert(identity).inserted else { return }
    let kind = info.st_mode & S_IFMT
    if kind == S_IFDIR {
      if visited.contains(identity) {
        // Inside a directory already walked (`dir dir/sub`): its records are loaded already.
        if !directoriesWithRecords.contains(identity) { emptyPaths.append(root) }
        return
      }
      if let pseudo = pseudoFileSystem(root, identity: identity) {
        report(.error, root, "is a pseudo-file system (\(pseudo)), never read for records")
        unreadablePaths.append(root)
        return
      }
      let prefix = root.hasSuffix("/") ? root : root + "/"
      switch walkDirectory(display: prefix, raw: nil, relativePrefix: "", identity: identity) {
      case nil: unreadablePaths.append(root)
      case false? where !stoppedAtLimit: emptyPaths.append(root)
      default: break
      }
    } else if kind == S_IFREG {
      let name = root.split(separator: "/").last.map(String.init) ?? root
      guard Self.isRecordFile(name) else {
        emptyPaths.append(root)
        return
      }
      if visited.insert(identity) {
        files.append(RecordFileEntry(path: root, relativePath: name))
      }
    } else {
      report(.note, root, "\(Self.kindName(kind)), not a regular file; not read")
      emptyPaths.append(root)
    }
  }

  /// Adds the directory `root` names (or holds `root`, for a file) and every directory above it.
  private mutating func markEnclosing(_ root: String) {
    guard let resolved = realpath(root, nil) else { return }
    var path = String(cString: resolved)
    free(resolved)
    while true {
      var info = stat()
      if system.statPath(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
        enclosing.insert(identity(info))
      }
      guard path != "/", let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
      path = slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }
  }

  private func identity(_ info: stat) -> FileIdentity {
    FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  /// The kind of pseudo-file system `path` is on, or nil for an ordinary one.
  private func pseudoFileSystem(_ path: UnsafePointer<CChar>, identity: FileIdentity) -> String? {
    if let name = pseudoDirectories[identity] { return name }
    return system.fileSystemType(path).flatMap { Self.pseudoFileSystemTypes[$0] }
  }

  /// Walks a directory not walked before: whether a record file is under it (found now or earlier), or nil
  /// when the directory could not be read.
  private mutating func walkDirectory(
    display: String, raw: [UInt8]?, relativePrefix: String, identity: FileIdentity
  ) -> Bool? {
    visited.insert(identity)
    let shown = Self.directoryName(display)
    let opened = Self.withPath(display, raw) { system.openDirectory($0) }
    guard let directory = opened else {
      report(.error, shown, "cannot read directory: \(Self.reason(errno))")
      return nil
    }
    stack.append(identity)
    defer { stack.removeLast() }
    var children = self.children(
      of: directory, device: identity.device, display: display, raw: raw, relativePrefix: relativePrefix)
    if stampsFiles { stamp(&children, in: dirfd(directory)) }
    closedir(directory)
    // Byte order, not String's Unicode order, so the walk is the same on every machine.
    children = Self.sortedByName(children)
    var found = false
    for child in children {
      // At the limit the files already listed still load; no directory is entered any more.
      if stoppedAtLimit && child.isDirectory { continue }
      let childRaw =
        raw != nil || child.rawName != nil
        ? (raw ?? Array(display.utf8)) + (child.rawName ?? Array(child.name.utf8)) : nil
      if child.isDirectory {
        if visited.contains(child.identity) {
          found = found || directoriesWithRecords.contains(child.identity)
          continue
        }
        let childDisplay = display + child.name + "/"
        // Only a mount point changes the file system, and only a mount point changes the device.
        if child.identity.device != identity.device,
          let pseudo = Self.withPath(
            childDisplay, childRaw.map { $0 + [UInt8(ascii: "/")] },
            {
              pseudoFileSystem($0, identity: child.identity)
            })
        {
          report(.warning, display + child.name, "is a pseudo-file system (\(pseudo)), not walked")
          continue
        }
        let below = walkDirectory(
          display: childDisplay, raw: childRaw.map { $0 + [UInt8(ascii: "/")] },
          relativePrefix: relativePrefix + child.name + "/", identity: child.identity)
        if below == true { found = true }
      } else {
        found = true
        if visited.insert(child.identity) {
          files.append(
            RecordFileEntry(
              path: display + child.name, relativePath: relativePrefix + child.name, systemPath: childRaw,
              stamp: child.stamp))
        }
      }
    }
    if found { directoriesWithRecords.insert(identity) }
    return found
  }

  /// Stamps the record files among `children` by their names in the open directory `descriptor`; a file
  /// that cannot be `stat`ed keeps no stamp (it is parsed, and reading it says why).
  ///
  /// A large directory is stamped on all cores, each a part of it: a `stat` is most of a warm listing's
  /// walk (0.26 s of a core for 100,000 files here, 0.14 s on two).
  private func stamp(_ children: inout [Child], in descriptor: Int32) {
    let system = self.system
    children.withUnsafeMutableBufferPointer { buffer in
      let shared = StampedChildren(buffer: buffer)
      let parts =
        buffer.count >= Self.filesStampedInParallel ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
      let perPart = (buffer.count + parts - 1) / parts
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        let range = min(part * perPart, shared.buffer.count)..<min((part + 1) * perPart, shared.buffer.count)
        for position in range where !shared.buffer[position].isDirectory {
          var info = stat()
          let found: Int32
          if let raw = shared.buffer[position].rawName {
            found = (raw + [0]).withUnsafeBufferPointer { bytes in
              bytes.withMemoryRebound(to: CChar.self) { system.statAt(descriptor, $0.baseAddress!, &info, 0) }
            }
          } else {
            found = shared.buffer[position].name.withCString { system.statAt(descriptor, $0, &info, 0) }
          }
          if found == 0 { shared.buffer[position].stamp = FileStamp(info) }
        }
      }
    }
  }

  /// Entries in a directory from which its stamps are taken on several threads at once.
  static let filesStampedInParallel = 512

  /// A directory's entries shared by the threads stamping them, each writing only its own part.
  private struct StampedChildren: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Child>
  }

  /// The directories and record files of an open directory, hidden entries skipped; what cannot be
  /// classified, links not followed and special files named like records become diagnostics. `device` is
  /// the directory's own: a regular file's entry is on the same file system, so it and the entry's inode
  /// number identify the file (a mount point is always a directory, and directories are `stat`ed).
  private mutating func children(
    of directory: OpaquePointer, device: UInt64, display: String, raw directoryRaw: [UInt8]?,
    relativePrefix: String
  ) -> [Child] {
    var children: [Child] = []
    let descriptor = dirfd(directory)
    let firstDiagnostic = diagnostics.count
    // Entries come in the file system's order: their diagnostics are sorted as the records are.
    defer { diagnostics[firstDiagnostic...].sort { Self.bytesPrecede($0.path, $1.path) } }
    while true {
      errno = 0
      guard let entry = system.readEntry(directory) else {
        if errno != 0 {
          report(.error, Self.directoryName(display), "cannot read directory: \(Self.reason(errno))")
        }
        break
      }
      // Read the fields in place: a dirent is only as long as its name (d_reclen), so loading the whole
      // struct (`entry.pointee`) can read past the end of the directory buffer and fault.
      let raw = UnsafeRawPointer(entry)
      let namePointer = (raw + MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
        .assumingMemoryBound(to: CChar.self)
      if namePointer.pointee == CChar(UInt8(ascii: ".")) { continue }  // hidden, and . and ..
      entriesSeen += 1
      if entriesSeen > maxEntries {
        stoppedAtLimit = true
        report(
          .error, Self.directoryName(display),
          "more than \(maxEntries) files and directories to examine; the walk stopped at the limit (--max-files \(maxEntries))"
        )
        break
      }
      let type = raw.load(fromByteOffset: MemoryLayout<dirent>.offset(of: \dirent.d_type)!, as: UInt8.self)
      // The bytes readdir gave are the name to open; a String is made from them only for showing.
      var rawName: [UInt8]? = nil
      let name: String
      if let valid = String(validatingCString: namePointer) {
        name = valid
      } else {
        let bytes = Array(
          UnsafeBufferPointer(
            start: UnsafeRawPointer(namePointer).assumingMemoryBound(to: UInt8.self),
            count: strlen(namePointer)))
        rawName = bytes
        name = String(decoding: bytes, as: UTF8.self)
      }
      switch type {
      case UInt8(DT_REG):
        guard Self.isRecordFile(name) else { continue }
        let inode = raw.load(fromByteOffset: MemoryLayout<dirent>.offset(of: \dirent.d_ino)!, as: ino_t.self)
        children.append(
          Child(
            name: name, rawName: rawName, isDirectory: false,
            identity: FileIdentity(device: device, inode: UInt64(inode))))
        if headStart != nil {
          collectHeadStart(name: name, rawName: rawName, in: display, directoryRaw, relativePrefix)
        }
      case UInt8(DT_DIR), UInt8(DT_LNK), UInt8(DT_UNKNOWN):
        // Directories need their device (a mount point changes it); links and unknown entries their target.
        var isLink = type == UInt8(DT_LNK)
        var info = stat()
        if type == UInt8(DT_UNKNOWN) {
          guard system.statAt(descriptor, namePointer, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            report(.error, display + name, "cannot read: \(Self.reason(errno))")
            continue
          }
          isLink = info.st_mode & S_IFMT == S_IFLNK
        }
        if isLink || type == UInt8(DT_DIR) {
          guard system.statAt(descriptor, namePointer, &info, 0) == 0 else {
            let code = errno
            if isLink && (code == ENOENT || code == ELOOP) {
              // A dangling or looping link is no record, but one named like a record is worth a word.
              if Self.isRecordFile(name) {
                report(
                  .note, display + name,
                  code == ENOENT
                    ? "symbolic link to nothing (\(Self.reason(code))); skipped"
                    : "symbolic link loop (\(Self.reason(code))); skipped")
              }
            } else {
              report(.error, display + name, "cannot read: \(Self.reason(code))")
            }
            continue
          }
        }
        let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR {
          if isLink, enclosing.contains(identity) || stack.contains(identity) {
            let target = Self.linkTarget(descriptor, namePointer)
            report(
              .warning, display + name,
              "symbolic link back to an opened directory or one above it (\(target)); not followed"
            )
            continue
          }
          children.append(Child(name: name, rawName: rawName, isDirectory: true, identity: identity))
        } else if Self.isRecordFile(name) {
          if kind == S_IFREG {
            children.append(Child(name: name, rawName: rawName, isDirectory: false, identity: identity))
          } else {
            report(.note, display + name, "\(Self.kindName(kind)), not a regular file; skipped")
          }
        }
      default:
        // Fifos, sockets, devices: never records (opening a fifo would block the load).
        if Self.isRecordFile(name) {
          report(
            .note, display + name,
            "\(Self.kindName(Self.mode(ofEntryType: type))), not a regular file; skipped")
        }
      }
    }
    return children
  }

  private mutating func report(_ severity: Diagnostic.Severity, _ path: String, _ message: String) {
    diagnostics.append(
      Diagnostic(path: TextSanitizer.sanitize(path), line: 0, column: 0, severity: severity, message: message)
    )
  }

  /// A directory's shown path without its final slash (`/` stays `/`).
  private static func directoryName(_ display: String) -> String {
    display.count > 1 ? String(display.dropLast()) : display
  }

  /// The system's reason for `code` (`strerror`), e.g. "Permission denied".
  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  private static func kindName(_ kind: mode_t) -> String {
    switch kind {
    case S_IFIFO: return "a FIFO"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    case S_IFDIR: return "a directory"
    default: return "a special file"
    }
  }

  private static func mode(ofEntryType type: UInt8) -> mode_t {
    switch Int32(type) {
    case Int32(DT_FIFO): return S_IFIFO
    case Int32(DT_CHR): return S_IFCHR
    case Int32(DT_BLK): return S_IFBLK
    case Int32(DT_SOCK): return S_IFSOCK
    default: return 0
    }
  }

  /// What a symbolic link says, sanitized, for messages.
  private static func linkTarget(_ descriptor: Int32, _ name: UnsafePointer<CChar>) -> String {
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { readlinkat(descriptor, name, $0.baseAddress!, $0.count) }
    }
    guard count > 0 else { return "?" }
    return TextSanitizer.sanitize(String(decoding: buffer[..<count], as: UTF8.self))
  }

  /// Calls `body` with `display` as a C path, or with `raw` when it is given (a name in it is not UTF-8).
  private static func withPath<Result>(
    _ display: String, _ raw: [UInt8]?, _ body: (UnsafePointer<CChar>) -> Result
  ) -> Result {
    RecordFileEntry(path: display, relativePath: "", systemPath: raw).withSystemPath(body)
  }

  /// Adds a record file met in a directory's entries to the head start, and hands the head start over once
  /// it has `headStartCount` files.
  private mutating func collectHeadStart(
    name: String, rawName: [UInt8]?, in display: String, _ directoryRaw: [UInt8]?, _ relativePrefix: String
  ) {
    guard let take = headStart else { return }
    let systemPath =
      directoryRaw != nil || rawName != nil
      ? (directoryRaw ?? Array(display.utf8)) + (rawName ?? Array(name.utf8)) : nil
    headStartFiles.append(
      RecordFileEntry(path: display + name, relativePath: relativePrefix + name, systemPath: systemPath))
    guard headStartFiles.count >= headStartCount else { return }
    headStart = nil
    take(headStartFiles)
    headStartFiles = []
  }

  /// `children` in the byte order of their names. Each name's first eight bytes are one number compared
  /// first, and the names themselves only on a tie: sorting 100,000 names by comparing their bytes at every
  /// step was most of the walk of a large directory.
  private static func sortedByName(_ children: [Child]) -> [Child] {
    guard children.count > 1 else { return children }
    var keys: [(prefix: UInt64, index: Int32)] = []
    keys.reserveCapacity(children.count)
    for (index, child) in children.enumerated() {
      // Big-endian, padded with zero bytes: a name that is a prefix of another (no name holds a NUL) sorts
      // first, as it does byte by byte.
      var prefix: UInt64 = 0
      var taken = 0
      func take(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
          guard taken < 8 else { break }
          prefix |= UInt64(byte) << (56 - 8 * UInt64(taken))
          taken += 1
        }
      }
      if let raw = child.rawName { take(raw) } else { take(child.name.utf8) }
      keys.append((prefix, Int32(index)))
    }
    keys.sort { left, right in
      left.prefix != right.prefix
        ? left.prefix < right.prefix : bytesPrecede(children[Int(left.index)], children[Int(right.index)])
    }
    return keys.map { children[Int($0.index)] }
  }

  /// Whether `left`'s name bytes sort before `right`'s.
  private static func bytesPrecede(_ left: Child, _ right: Child) -> Bool {
    if left.rawName != nil || right.rawName != nil {
      return (left.rawName ?? Array(left.name.utf8)).lexicographicallyPrecedes(
        right.rawName ?? Array(right.name.utf8))
    }
    return bytesPrecede(left.name, right.name)
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
