import Foundation
import NewsCore
import NewsWatch
import Synchronization
import Testing

/// A watcher running on its own thread over a temporary directory, with what it signalled.
final class WatcherRun: Sendable {
  let directory: String
  private let signals = Mutex<[WatchSignal]>([])
  private let cancelled = Atomic<Bool>(false)
  private let ended = Atomic<Bool>(false)

  init(calls: InotifyCalls = .system, rescanInterval: Double = 2, setUp: (String) throws -> Void = { _ in })
    rethrows
  {
    directory = NSTemporaryDirectory() + "newswatch-\(getpid())-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try setUp(directory)
    let watcher = DirectoryWatcher(paths: [directory], calls: calls, rescanInterval: rescanInterval)
    let thread = Thread { [self] in
      watcher.run(isCancelled: { self.cancelled.load(ordering: .acquiring) }) { signal in
        self.signals.withLock { $0.append(signal) }
      }
      ended.store(true, ordering: .releasing)
    }
    thread.start()
  }

  var received: [WatchSignal] { signals.withLock { $0 } }
  var changes: Int { received.filter { if case .changed = $0 { true } else { false } }.count }
  /// Everything the changes signalled named.
  var named: FileChanges {
    received.reduce(into: FileChanges()) { all, signal in
      if case .changed(let changes) = signal { all.formUnion(changes) }
    }
  }

  /// Waits (polling) until `condition` holds or `timeout` seconds pass.
  @discardableResult
  func wait(timeout: Double = 5, until condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
      if condition() { return true }
      usleep(10_000)
    }
    return condition()
  }

  /// Waits until the watcher has settled: no new signal for a while.
  func settle() {
    var last = -1
    while last != received.count {
      last = received.count
      wait(timeout: 0.5) { received.count != last }
    }
  }

  func write(_ name: String, _ text: String = "---\ntitle: x\n---\n") throws {
    try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8)
  }

  func stop() -> Bool {
    cancelled.store(true, ordering: .releasing)
    let stopped = wait(timeout: 3) { ended.load(ordering: .acquiring) }
    try? FileManager.default.removeItem(atPath: directory)
    return stopped
  }
}

@Suite(.serialized) struct DirectoryWatcherTests {
  @Test func aFileWrittenOrRenamedInIsOneChange() throws {
    let run = try WatcherRun()
    defer { #expect(run.stop(), "the watcher thread stops when cancelled") }
    // The watch is added on the watcher's thread: a file written in that window is found by the first load.
    run.settle()
    try run.write(".hidden.txt")
    try run.write("notes.json")
    run.settle()
    #expect(run.changes == 0, "hidden files and names the loader ignores: \(run.received)")
    try run.write("temp.part")
    try FileManager.default.moveItem(atPath: run.directory + "/temp.part", toPath: run.directory + "/one.txt")
    #expect(run.wait { run.changes == 1 }, "\(run.received)")
    try FileManager.default.removeItem(atPath: run.directory + "/one.txt")
    #expect(run.wait { run.changes == 2 }, "a delete: \(run.received)")
    #expect(run.named == FileChanges(files: [run.directory + "/one.txt"]), "the file, named for the loader")
    // Each run is announced when its first event arrives, before it is signalled.
    #expect(run.received.filter { $0 == .changing }.count == 2)
    #expect(run.received.first == .changing)
  }

  @Test func aNewSubdirectoryIsWatchedToo() throws {
    let run = try WatcherRun()
    defer { #expect(run.stop()) }
    run.settle()
    try FileManager.default.createDirectory(
      atPath: run.directory + "/sub", withIntermediateDirectories: false)
    #expect(run.wait { run.changes == 1 }, "\(run.received)")
    run.settle()
    let before = run.changes
    try run.write("sub/inside.md")
    #expect(run.wait { run.changes > before }, "a file in the new directory: \(run.received)")
    #expect(run.named.directories == [run.directory + "/sub"])
    #expect(run.named.files == [run.directory + "/sub/inside.md"])
    #expect(!run.named.everything)
  }

  /// The watch limit reached (ENOSPC from inotify_add_watch, made so by the seam): rescans find changes.
  @Test func theWatchLimitFallsBackToRescans() throws {
    let run = try WatcherRun(calls: .limited(to: 1), rescanInterval: 0.1) { directory in
      try FileManager.default.createDirectory(atPath: directory + "/a", withIntermediateDirectories: false)
    }
    defer { #expect(run.stop()) }
    #expect(run.wait { run.received.contains { if case .rescanning = $0 { true } else { false } } })
    #expect(
      run.received.first
        == .rescanning(reason: "the inotify watch limit is reached (fs.inotify.max_user_watches)"))
    run.settle()
    let before = run.changes
    try run.write("a/deep.txt")
    #expect(run.wait { run.changes > before }, "\(run.received)")
    #expect(run.received.filter { if case .rescanning = $0 { true } else { false } }.count == 1, "said once")
    #expect(run.named.files.contains(run.directory + "/a/deep.txt"), "the rescan names what it found changed")
  }
}
