import Foundation
import GRDB
import Testing

/// Several processes writing one state file at the same moment, as two readers, a script's `mark` and
/// an `import` do: every write lands, none reports "database is locked" or anything else.
@Suite struct StateWritersTests {
  @Test func processesWritingAtOnceAllLandAndNoneReportsBusy() throws {
    let directory = NSTemporaryDirectory() + "newsreader-writers-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/state.sqlite"
    let state = ["--state", path]
    // An import of 20,000 marks is one long write transaction, during which the others must wait
    // (the busy timeout), not fail.
    let importFile = directory + "/marks.jsonl"
    let lines = (0..<20_000).map { #"{"id":"imported-\#($0)","readAt":"2026-01-31T12:00:00Z"}"# }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: importFile))
    // Created first, so the writers below race on writes, not on who creates the file.
    #expect(try CommandRunner.run(["mark", "read", "first"] + state).status == 0)

    let commands: [[String]] = [
      ["state", "_stress", "--prefix", "one", "--seed", "1", "--count", "300"] + state,
      ["state", "_stress", "--prefix", "two", "--seed", "2", "--count", "300"] + state,
      ["state", "import", importFile] + state,
      ["mark", "star"] + (0..<50).map { "marked-\($0)" } + state,
    ]
    nonisolated(unsafe) var results = [CommandRunner.Output?](repeating: nil, count: commands.count)
    DispatchQueue.concurrentPerform(iterations: commands.count) { index in
      results[index] = try? CommandRunner.run(commands[index])
    }
    for (command, result) in zip(commands, results) {
      let result = try #require(result, "\(command.prefix(2)) did not run")
      #expect(result.status == 0, "\(command.prefix(2)): \(result.stderr)")
      // Only the import speaks (its summary); nobody says the file was locked or busy, or unsaved.
      let said = result.stderr.lowercased()
      #expect(
        !["locked", "busy", "not saved"].contains { said.contains($0) }, "\(command.prefix(2)): \(said)")
      #expect(
        command[1] == "import" ? said.contains("imported 20000 marks") : said.isEmpty,
        "\(command.prefix(2)): \(said)")
    }

    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    let (integrity, counts) = try queue.read { db in
      (
        try String.fetchAll(db, sql: "PRAGMA integrity_check"),
        try ["one-%", "two-%", "imported-%", "marked-%"].map { prefix in
          try Int.fetchOne(
            db,
            sql:
              "SELECT count(*) FROM mark WHERE id LIKE ? AND (readAt IS NOT NULL OR starredAt IS NOT NULL)",
            arguments: [prefix]) ?? 0
        }
      )
    }
    #expect(integrity == ["ok"])
    #expect(counts == [300, 300, 20_000, 50])
  }
}
