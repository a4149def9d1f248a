import Foundation
import GRDB
import Testing

/// The reading state under kill -9 and beside another process that writes.
@Suite struct StateKillTests {
  func scratch() throws -> String {
    let path = NSTemporaryDirectory() + "newsreader-kill-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// What the file says after a kill, read before any newsreader touches it again.
  func inspect(_ path: String, prefix: String) throws -> (integrity: [String], marked: Set<String>) {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { db in
      (
        try String.fetchAll(db, sql: "PRAGMA integrity_check"),
        try String.fetchSet(
          db,
          sql: "SELECT id FROM mark WHERE id LIKE ? AND (readAt IS NOT NULL OR starredAt IS NOT NULL)",
          arguments: [prefix + "-%"])
      )
    }
  }

  /// 200 children, each marking at random and killed at a random moment (many during start-up and
  /// recovery of the previous one's WAL, some after more than a second of marking): the file stays
  /// sound, every mark reported committed survives, and so does every mark queued more than a second
  /// before the kill.
  @Test func killNineNeverCorruptsAndLosesAtMostTheLastSecond() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/state.sqlite"
    var random = SystemRandomNumberGenerator()
    var checkedOld = 0
    var survivedWritten = 0
    for round in 0..<200 {
      let prefix = "r\(round)"
      let child = try StressChild(statePath: path, prefix: prefix, seed: UInt64(round + 1))
      if round % 25 == 0 {
        // Long enough that "queued more than a second before the kill" is not empty.
        #expect(eventually { child.ready })
        let until = Date().addingTimeInterval(Double.random(in: 1.2...1.5, using: &random))
        _ = eventually(within: 2) { Date() >= until }
      } else {
        let until = Date().addingTimeInterval(Double.random(in: 0...0.12, using: &random))
        _ = eventually(within: 1) { Date() >= until }
      }
      let killedAt = child.kill()
      let reports = child.reports(queuedBefore: killedAt.addingTimeInterval(-1))
      let found = try inspect(path, prefix: prefix)
      #expect(found.integrity == ["ok"], "round \(round)")
      let lostWritten = reports.written.subtracting(found.marked)
      #expect(lostWritten.isEmpty, "round \(round): committed marks lost: \(lostWritten.sorted().prefix(5))")
      let lostOld = reports.queuedEarly.subtracting(found.marked)
      #expect(
        lostOld.isEmpty, "round \(round): marks older than a second lost: \(lostOld.sorted().prefix(5))")
      checkedOld += reports.queuedEarly.count
      survivedWritten += reports.written.count
    }
    // The test saw something: marks were committed, and some were more than a second old at the kill.
    #expect(survivedWritten > 1000)
    #expect(checkedOld > 100)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(!names.contains { $0.contains("corrupt") })
  }

  @Test func listAndMarkWorkWhileAnotherProcessWrites() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let state = ["--state", directory + "/state.sqlite"]
    let good = CommandRunner.fixtures + "/good"
    let child = try StressChild(statePath: directory + "/state.sqlite", prefix: "busy", seed: 7)
    defer { _ = child.kill() }
    #expect(eventually { child.writtenCount > 50 })
    let listed = try CommandRunner.run(["list", "--format", "json", good] + state)
    #expect(listed.status == 0)
    let ids = try #require(
      (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])?.compactMap {
        $0["id"] as? String
      })
    for id in ids.prefix(3) {
      let mark = try CommandRunner.run(["mark", "read", id] + state)
      #expect(mark.status == 0)
      #expect(mark.stderr.isEmpty)
      let unread = try CommandRunner.run(["list", "--unread", "--format", "tsv", good] + state)
      #expect(unread.status == 0)
      #expect(!unread.stderr.contains("locked"))
    }
    let read = try CommandRunner.run(["list", "--read", "--format", "json", good] + state)
    #expect(read.status == 0)
    let readIDs = (try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[String: Any]])?
      .compactMap { $0["id"] as? String }
    #expect(readIDs.map(Set.init) == Set(ids.prefix(3)))
    #expect(child.writtenCount > 50)
  }
}
