import Foundation
import Testing

/// `mark`, `state export|import` and `list --unread|--read|--starred` as scripts use them.
@Suite struct StateCommandTests {
  let good = CommandRunner.fixtures + "/good"

  /// A fresh directory for one test's state file.
  func scratch() throws -> String {
    let path = NSTemporaryDirectory() + "newsreader-state-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func listJSON(_ arguments: [String]) throws -> [[String: Any]] {
    let output = try CommandRunner.run(["list", "--format", "json"] + arguments)
    #expect(output.status == 0, "\(output.stderr)")
    return try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
  }

  @Test func markedArticlesAreFilteredAndShownInJSON() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let state = ["--state", directory + "/state.sqlite"]
    let all = try listJSON([good] + state)
    #expect(all.count == 7)
    #expect(all.allSatisfy { $0["read"] as? Bool == false && $0["starred"] as? Bool == false })
    // Listing only reads: no state file appears.
    #expect(!FileManager.default.fileExists(atPath: directory + "/state.sqlite"))
    let ids = all.compactMap { $0["id"] as? String }

    let read = try CommandRunner.run(["mark", "read", ids[0], ids[1]] + state)
    #expect(read.status == 0)
    #expect(read.stdout.isEmpty && read.stderr.isEmpty)
    #expect(try CommandRunner.run(["mark", "star", ids[1], ids[2]] + state).status == 0)
    #expect(try CommandRunner.run(["mark", "unread", ids[1]] + state).status == 0)

    #expect(try listJSON(["--read", good] + state).compactMap { $0["id"] as? String } == [ids[0]])
    #expect(
      try listJSON(["--unread", good] + state).compactMap { $0["id"] as? String } == Array(ids.dropFirst()))
    #expect(
      try listJSON(["--starred", good] + state).compactMap { $0["id"] as? String } == [ids[1], ids[2]])
    #expect(try listJSON(["--starred", "--unread", good] + state).count == 2)
    let first = try #require(try listJSON([good] + state).first)
    #expect(first["read"] as? Bool == true)
    let readAt = try #require(first["readAt"] as? String)
    #expect(readAt.hasSuffix("Z") && readAt.count == "2026-01-31T12:00:00.000Z".count)
    #expect(first["starredAt"] == nil)

    #expect(try CommandRunner.run(["mark", "unstar", ids[1], ids[2]] + state).status == 0)
    #expect(try listJSON(["--starred", good] + state).isEmpty)
  }

  @Test func noStateLeavesTheFieldsOutAndRefusesStateFilters() throws {
    let all = try listJSON(["--no-state", good])
    #expect(all.allSatisfy { $0["read"] == nil && $0["starred"] == nil })
    let filtered = try CommandRunner.run(["list", "--no-state", "--unread", good])
    #expect(filtered.status == 64)
    #expect(filtered.stderr.contains("need the reading state"))
    #expect(try CommandRunner.run(["mark", "read", "x", "--no-state"]).status == 64)
    #expect(try CommandRunner.run(["list", "--read", "--unread", good]).status == 64)
    #expect(try CommandRunner.run(["mark", "sideways", "x"]).status == 64)
  }

  @Test func exportThenImportElsewhereIsTheSameAndImportingAgainChangesNothing() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let here = ["--state", directory + "/here.sqlite"]
    let there = ["--state", directory + "/there.sqlite"]
    #expect(try CommandRunner.run(["mark", "read", "alpha", "beta"] + here).status == 0)
    #expect(try CommandRunner.run(["mark", "star", "beta", "gamma"] + here).status == 0)
    let export = try CommandRunner.run(["state", "export"] + here)
    #expect(export.status == 0)
    let lines = export.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix(#"{"id":"alpha","readAt":""#))
    #expect(lines[1].contains(#""starredAt":"#))

    try export.stdout.write(toFile: directory + "/marks.jsonl", atomically: true, encoding: .utf8)
    let imported = try CommandRunner.run(["state", "import", directory + "/marks.jsonl"] + there)
    #expect(imported.status == 0)
    #expect(
      imported.stderr.hasSuffix("imported 3 marks from \(directory)/marks.jsonl (3 changed), 0 bad lines\n"))
    let again = try CommandRunner.run(["state", "import", directory + "/marks.jsonl"] + there)
    #expect(again.stderr.hasSuffix("(0 changed), 0 bad lines\n"))
    #expect(try CommandRunner.run(["state", "export"] + there).stdout == export.stdout)
  }

  @Test func importReportsEachBadLineAndKeepsTheGoodOnes() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let state = ["--state", directory + "/state.sqlite"]
    let file = directory + "/marks.jsonl"
    try """
    {"id":"one","readAt":"2026-01-31T12:00:00Z"}
    {"id":
    {"id":"two","starredAt":"tomorrow"}
    {"id":"three","starredAt":"2026-01-31T12:00:00.125Z"}

    """.write(toFile: file, atomically: true, encoding: .utf8)
    let output = try CommandRunner.run(["state", "import", file] + state)
    #expect(output.status == 65)
    #expect(
      output.stderr.split(separator: "\n").map(String.init) == [
        "newsreader: \(file):2: not a JSON object",
        "newsreader: \(file):3: \"starredAt\" is not an ISO 8601 time such as 2026-01-31T12:00:00Z",
        "newsreader: imported 2 marks from \(file) (2 changed), 2 bad lines",
      ])
    #expect(
      try CommandRunner.run(["state", "export"] + state).stdout == """
        {"id":"one","readAt":"2026-01-31T12:00:00.000Z"}
        {"id":"three","starredAt":"2026-01-31T12:00:00.125Z"}

        """)
  }

  @Test func unwritableStateFailsMarkAndImportWithTheReason() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    _ = FileManager.default.createFile(atPath: directory + "/file", contents: Data())
    let state = ["--state", directory + "/file/newsreader/state.sqlite"]
    let mark = try CommandRunner.run(["mark", "read", "x"] + state)
    #expect(mark.status == 73)
    #expect(
      mark.stderr
        == "newsreader: reading state is not saved: cannot create \(directory)/file/newsreader: Not a directory\n"
    )
    try #"{"id":"x"}"#.write(toFile: directory + "/marks.jsonl", atomically: true, encoding: .utf8)
    let imported = try CommandRunner.run(["state", "import", directory + "/marks.jsonl"] + state)
    #expect(imported.status == 73)
    #expect(imported.stderr.contains("reading state is not saved: cannot create"))
    // A directory where the file should be.
    try FileManager.default.createDirectory(
      atPath: directory + "/dir.sqlite", withIntermediateDirectories: false)
    let onDirectory = try CommandRunner.run(["mark", "star", "x", "--state", directory + "/dir.sqlite"])
    #expect(onDirectory.status == 73)
    #expect(
      onDirectory.stderr == "newsreader: reading state is not saved: \(directory)/dir.sqlite is a directory\n"
    )
  }

  @Test func corruptStateIsMovedAsideWithOneMessage() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/state.sqlite"
    try String(repeating: "not a database\n", count: 500).write(
      toFile: path, atomically: true, encoding: .utf8)
    let mark = try CommandRunner.run(["mark", "read", "x", "--state", path])
    #expect(mark.status == 0)
    let lines = mark.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(
      lines.first?.hasPrefix(
        "newsreader: reading state: \(path) was unreadable (not an SQLite database); moved it to \(path).corrupt-"
      ) == true)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(names.contains { $0.hasPrefix("state.sqlite.corrupt-") })
    let export = try CommandRunner.run(["state", "export", "--state", path]).stdout
    #expect(export.hasPrefix(#"{"id":"x","readAt":""#) && export.split(separator: "\n").count == 1)
  }
}
