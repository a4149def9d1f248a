internal import CFileSystem
import NewsCore

#if canImport(Glibc)
  import Glibc
#endif

/// What the watcher tells its owner.
public enum WatchSignal: Sendable, Equatable {
  /// The first event of a run arrived: `changed` follows once the run is due (about 200 ms later), so the
  /// owner can be ready to take it at once.
  case changing
  /// Record files changed, appeared or went away (a coalesced run of events): these, or everything when
  /// the watcher lost track of which (its queue overflowed, an opened directory went away).
  case changed(FileChanges)
  /// Watching continues by rescanning `stat` results every few seconds; `reason` says why, once.
  case rescanning(reason: String)
}

/// Watches record files under some paths and signals, coalesced, when they change: inotify on every
/// directory (new ones get watches as they appear), and a rescan of `stat` results every `rescanInterval`
/// seconds when inotify cannot be trusted (its queue overflowed, the watch limit is reached, or a network
/// file system whose changes it never reports).
///
/// `run()` blocks its thread, waking at most every `pollLimit` seconds to see whether it was cancelled.
public final class DirectoryWatcher: Sendable {
  public let paths: [String]
  public let calls: InotifyCalls
  public let rescanInterval: Double
  public let coalescing: ChangeCoalescer
  /// The longest a `poll` waits, so a cancel is noticed within it.
  public let pollLimit: Double
  private let clock: @Sendable () -> Double

  /// The events that can change what a load finds.
  static let mask: UInt32 = UInt32(
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF
      | IN_ONLYDIR)

  /// Linux `statfs` types of network file systems: inotify reports only changes made through this machine.
  static let networkFileSystemTypes: [Int: String] = [
    0x6969: "nfs", 0x517b: "smb", 0xff53_4d42: "cifs", 0xfe53_4d42: "smb2", 0x0102_1997: "9p",
    0x5346_414f: "afs", 0x00c3_6400: "ceph",
  ]

  public init(
    paths: [String], calls: InotifyCalls = .system, rescanInterval: Double = 2,
    coalescing: ChangeCoalescer = ChangeCoalescer(), pollLimit: Double = 0.5,
    clock: @escaping @Sendable () -> Double = DirectoryWatcher.monotonicSeconds
  ) {
    self.paths = paths
    self.calls = calls
    self.rescanInterval = rescanInterval
    self.coalescing = coalescing
    self.pollLimit = pollLimit
    self.clock = clock
  }

  /// Seconds on the monotonic clock.
  public static func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Watches until `isCancelled` says stop, calling `signal` from this thread.
  public func run(isCancelled: @Sendable () -> Bool, signal: @Sendable (WatchSignal) -> Void) {
    var state = WatchRun(watcher: self)
    state.start()
    if let reason = state.fallbackReason { signal(.rescanning(reason: reason)) }
    while !isCancelled() {
      let now = clock()
      var timeout = pollLimit
      if let due = state.coalescer.secondsUntilDue(at: now) { timeout = min(timeout, due) }
      if let next = state.nextRescan { timeout = min(timeout, max(0, next - now)) }
      let hadFallback = state.fallbackReason != nil
      let wasWaiting = state.coalescer.firstEvent != nil
      state.wait(seconds: timeout)
      let after = clock()
      if !hadFallback, let reason = state.fallbackReason { signal(.rescanning(reason: reason)) }
      if let next = state.nextRescan, after >= next { state.rescan(at: after) }
      if !wasWaiting && state.coalescer.firstEvent != nil { signal(.changing) }
      if state.coalescer.takeDue(at: after) { signal(.changed(state.takeChanges())) }
    }
    state.stop()
  }
}

/// One run of a watcher: the inotify descriptor and its watches, or the snapshot the rescans compare.
struct WatchRun {
  let watcher: DirectoryWatcher
  var descriptor: Int32 = -1
  /// Each watch's directory, and the one file it is for when a path given was a file (nil: any record):
  /// its name in the directory and the path as given.
  var directories: [Int32: (path: String, only: (name: String, path: String)?)] = [:]
  var coalescer: ChangeCoalescer
  /// What the events of the run waiting to be signalled named.
  var changes = FileChanges()
  /// Set once inotify is given up: then every `rescanInterval` seconds the snapshot is taken again.
  var fallbackReason: String?
  var nextRescan: Double?
  var snapshot: FileSnapshot?

  init(watcher: DirectoryWatcher) {
    self.watcher = watcher
    self.coalescer = watcher.coalescing
  }

  mutating func start() {
    for path in watcher.paths {
      let type = newsreader_file_system_type(path)
      if type != -1, let name = DirectoryWatcher.networkFileSystemTypes[Int(truncatingIfNeeded: type)] {
        fallBack("\(path) is on \(name), whose changes inotify does not report")
        return
      }
    }
    descriptor = watcher.calls.initialize()
    guard descriptor >= 0 else {
      fallBack("inotify is unavailable (\(String(cString: strerror(errno))))")
      return
    }
    for path in watcher.paths {
      var info = stat()
      guard stat(path, &info) == 0 else { continue }
      if info.st_mode & S_IFMT == S_IFDIR {
        addTree(path)
      } else {
        let slash = path.lastIndex(of: "/")
        let parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        addWatch(parent, only: (name, path))
      }
      if fallbackReason != nil { return }
    }
  }

  /// Adds a watch on `path` and every directory under it (hidden ones skipped, as the loader does).
  mutating func addTree(_ path: String) {
    guard fallbackReason == nil, addWatch(path, only: nil) else { return }
    guard let directory = opendir(path) else { return }
    var children: [String] = []
    while let entry = readdir(directory) {
      let name = DirectoryEntry.name(entry)
      guard RecordFileName.isWalkedDirectory(name) else { continue }
      let type = DirectoryEntry.type(entry)
      if type == UInt8(DT_DIR) || type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) { children.append(name) }
    }
    closedir(directory)
    let prefix = path.hasSuffix("/") ? path : path + "/"
    for name in children {
      var info = stat()
      guard stat(prefix + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
      addTree(prefix + name)
    }
  }

  /// True when the watch was added (or the directory could not be watched for a reason of its own).
  @discardableResult
  mutating func addWatch(_ path: String, only: (name: String, path: String)?) -> Bool {
    let watch = watcher.calls.addWatch(descriptor, path, DirectoryWatcher.mask)
    if watch >= 0 {
      // A directory already watched under another name (a link) keeps its first name.
      if directories[watch] == nil { directories[watch] = (path, only) }
      return true
    }
    if errno == ENOSPC {
      fallBack("the inotify watch limit is reached (fs.inotify.max_user_watches)")
    }
    return false
  }

  /// Gives inotify up for rescans; the first rescan is now, so nothing since the last event is missed.
  mutating func fallBack(_ reason: String) {
    guard fallbackReason == nil else { return }
    fallbackReason = reason
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
    directories = [:]
    snapshot = FileSnapshot(paths: watcher.paths)
    nextRescan = 0
  }

  mutating func rescan(at now: Double) {
    let fresh = FileSnapshot(paths: watcher.paths)
    if let snapshot, fresh != snapshot {
      changes.files.formUnion(fresh.changedPaths(since: snapshot))
      coalescer.note(at: now)
    }
    snapshot = fresh
    nextRescan = now + watcher.rescanInterval
  }

  /// Waits up to `seconds` for events and takes them in.
  mutating func wait(seconds: Double) {
    guard descriptor >= 0 else {
      // Nothing to poll: sleep through the timeout (the rescans and cancel checks bound it).
      var pause = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
      nanosleep(&pause, nil)
      return
    }
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let ready = poll(&entry, 1, Int32((seconds * 1000).rounded(.up)))
    guard ready > 0 else { return }
    readEvents()
  }

  private mutating func readEvents() {
    let capacity = 64 * 1024
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    defer { buffer.deallocate() }
    while descriptor >= 0 {
      let count = read(descriptor, buffer, capacity)
      guard count > 0 else { return }
      var offset = 0
      let header = MemoryLayout<inotify_event>.size
      while offset + header <= count {
        let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
        var name: String? = ""
        if event.len > 0 {
          // A name that is not UTF-8 cannot be named to the loader as a string: it loads everything.
          name = String(validatingCString: (buffer + offset + header).assumingMemoryBound(to: CChar.self))
        }
        offset += header + Int(event.len)
        guard let name else {
          changes.formUnion(.all)
          coalescer.note(at: watcher.clockNow())
          continue
        }
        take(watch: event.wd, mask: event.mask, name: name)
        if descriptor < 0 { return }
      }
    }
  }

  mutating func take(watch: Int32, mask: UInt32, name: String) {
    let now = watcher.clockNow()
    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
      fallBack("inotify's queue overflowed")
      changes.formUnion(.all)  // which files the lost events named is unknown
      coalescer.note(at: now)
      return
    }
    if mask & UInt32(IN_IGNORED) != 0 {
      directories[watch] = nil
      return
    }
    guard let directory = directories[watch] else { return }
    if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
      // The directory's records went with it; an opened one is beyond what a change load places.
      if directory.only != nil || watcher.paths.contains(directory.path) {
        changes.formUnion(.all)
      } else {
        changes.directories.insert(directory.path)
      }
      coalescer.note(at: now)
      return
    }
    if let only = directory.only, name != only.name { return }
    let isDirectory = mask & UInt32(IN_ISDIR) != 0
    if isDirectory {
      guard RecordFileName.isWalkedDirectory(name) else { return }
      let path = (directory.path.hasSuffix("/") ? directory.path : directory.path + "/") + name
      if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
        // Files may already be inside (moved in, or written before the watch was added): a reload finds them.
        addTree(path)
        changes.directories.insert(path)
        coalescer.note(at: now)
      } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
        forgetTree(path)
        changes.directories.insert(path)
        coalescer.note(at: now)
      }
      return
    }
    guard directory.only != nil || RecordFileName.isRecord(name) else { return }
    // A file counts once complete: IN_CREATE alone is an empty file still being written.
    if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) != 0 {
      changes.files.insert(
        directory.only?.path ?? (directory.path.hasSuffix("/") ? directory.path : directory.path + "/") + name
      )
      coalescer.note(at: now)
    }
  }

  /// Drops the watches of a directory moved away (and those under it): their paths no longer name them.
  mutating func forgetTree(_ path: String) {
    let prefix = path + "/"
    for (watch, directory) in directories where directory.path == path || directory.path.hasPrefix(prefix) {
      inotify_rm_watch(descriptor, watch)
      directories[watch] = nil
    }
  }

  /// The changes of the run just signalled; the next run starts with none.
  mutating func takeChanges() -> FileChanges {
    defer { changes = FileChanges() }
    return changes
  }

  mutating func stop() {
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
  }
}

extension DirectoryWatcher {
  fileprivate func clockNow() -> Double { clock() }
}
