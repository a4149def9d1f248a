import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Two release readers open on one state file at once: both work, a mark made in one shows in the other
/// (through `PRAGMA data_version` on the tick), `list` and `mark` work while both run, and nobody sees
/// "database is locked".
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable(), "tmux is not installed"))
struct TwoReadersJourneyTests {
  /// The row of the article list whose title contains `title` (not the header).
  private func row(_ title: String, in screen: String) -> String? {
    screen.split(separator: "\n").map(String.init).first {
      $0.contains(title) && !$0.hasPrefix(" newsreader")
    }
  }

  /// The header row.
  private func header(_ screen: String) -> String {
    screen.split(separator: "\n").first.map(String.init) ?? ""
  }

  /// Waits until the header of `session` shows `counts` ("2 unread", "1 starred") and none of `absent`,
  /// and the rest of the screen passes `rows` (tmux may be caught between the header's update and the
  /// rows': a check of a row waits too, never reads the screen once).
  @discardableResult
  private func waitForHeader(
    _ session: TmuxSession, _ name: String, shows counts: [String], without absent: [String] = [],
    rows: @escaping (String) -> Bool = { _ in true }
  ) throws -> String {
    try session.waitForScreen("\(name): the header with \(counts.joined(separator: ", "))") { screen in
      let header = header(screen)
      return counts.allSatisfy { header.contains($0) } && !absent.contains { header.contains($0) }
        && rows(screen)
    }
  }

  @Test func aMarkInOneReaderAppearsInTheOtherAndListAndMarkWorkWhileBothRun() throws {
    let binary = try ReaderBuild.release.requireBinary()
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    defer { fixture.remove() }
    let state = fixture.path("state.sqlite")
    // Nothing becomes read by being shown: every mark in this journey is made on purpose, so each
    // count below has one cause.
    // Beside the records, not among them: a .yaml file there would be loaded as one.
    let settings = try ReaderFixture(records: ["config.yaml": "mark-read-delay: 60\n"])
    defer { settings.remove() }
    let config = settings.path("config.yaml")
    let command = [binary, "--config", config, "--state", state, "--theme", "monochrome", fixture.directory]

    let first = try TmuxSession(command: command, columns: 120, rows: 40)
    defer { first.close() }
    try first.waitFor("Harbour tunnel opens")
    let second = try TmuxSession(command: command, columns: 120, rows: 40)
    defer { second.close() }
    try second.waitFor("Harbour tunnel opens")
    for (session, name) in [(first, "first"), (second, "second")] {
      try waitForHeader(session, name, shows: ["3 articles", "3 unread"], without: ["starred"])
    }

    // Read in the first (N on the selected article, the newest: Harbour tunnel) → unread in both is 2.
    try first.send("N")
    try waitForHeader(first, "first", shows: ["2 unread"])
    // No unread marker on its row in the second reader.
    try waitForHeader(second, "second after the first read an article", shows: ["2 unread"]) {
      self.row("Harbour tunnel", in: $0)?.contains("•") == false
    }

    // Star the last article in the first → the second shows the star and the count.
    try first.send("G")
    try first.waitForScreen("the last article selected in the first") { $0.contains("3/3") }
    try first.send("F")
    try waitForHeader(first, "first", shows: ["1 starred"])
    try waitForHeader(second, "second after the first starred", shows: ["1 starred"]) {
      self.row("Council approves", in: $0)?.contains("★ Council approves") == true
    }

    // And the other way: the second stars its selected article (Harbour tunnel) → 2 starred in both.
    try second.send("F")
    try waitForHeader(second, "second", shows: ["2 starred"])
    try waitForHeader(first, "first after the second starred", shows: ["2 starred"])

    // `list` while both readers run: the same state as their headers.
    let unread = try list(binary, ["--unread"], state: state, directory: fixture.directory)
    #expect(unread.list.count == 2 && unread.errors.isEmpty, "\(unread.errors)")
    #expect(!unread.list.contains { ($0["title"] as? String)?.hasPrefix("Harbour") == true })
    let starred = try list(binary, ["--starred"], state: state, directory: fixture.directory)
    #expect(starred.list.count == 2 && starred.errors.isEmpty, "\(starred.errors)")

    // `mark` while both run: a script marks the remaining unread articles read; both readers follow.
    let ids = unread.list.compactMap { $0["id"] as? String }
    #expect(ids.count == 2)
    let marked = try run(binary, ["mark", "read"] + ids + ["--state", state])
    #expect(marked.status == 0, "\(marked.errors)")
    for (session, name) in [(first, "first"), (second, "second")] {
      let screen = try waitForHeader(session, "\(name) after `mark read`", shows: ["0 unread", "2 starred"])
      #expect(!screen.contains("locked"), "\(session.framed(screen))")
    }

    for session in [first, second] {
      try session.send("q")
      #expect(try session.waitForExit() == 0)
    }
    // Both wrote their marks at exit without stepping on each other: the file has them all.
    let after = try list(binary, ["--unread"], state: state, directory: fixture.directory)
    #expect(after.list.isEmpty && after.errors.isEmpty, "\(after.errors)")
  }

  /// What `newsreader list DIRECTORY --format json --state STATE FILTERS…` printed, and its errors.
  private func list(_ binary: String, _ filters: [String], state: String, directory: String) throws
    -> (list: [[String: Any]], errors: String)
  {
    let result = try run(binary, ["list", directory, "--format", "json", "--state", state] + filters)
    guard result.status == 0,
      let array = try JSONSerialization.jsonObject(with: result.output) as? [[String: Any]]
    else {
      throw TmuxFailure(
        description:
          "list failed (\(result.status)): \(String(decoding: result.output, as: UTF8.self)) \(result.errors)"
      )
    }
    return (array, result.errors)
  }

  /// Runs the binary to its end with no terminal: its exit status, standard output and standard error.
  private func run(_ binary: String, _ arguments: [String]) throws -> (
    status: Int32, output: Data, errors: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, data, errorText)
  }
}
