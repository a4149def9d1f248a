import Foundation
import Testing

/// The release reader with a config that rebinds keys: what the user presses is what the config says, and
/// help names the keys in effect; a view's key narrows the list, and the time zone and date format apply.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable(), "tmux is not installed"))
struct KeysJourneyTests {
  static let config = """
    mouse: false
    time-zone: Asia/Tokyo
    date-format: "%d %b %Y %H:%M"
    sequence-timeout: 5
    keys:
      global:
        x: quit
        q: none
        G: none
        g g: move-last
    views:
      transport:
        query: "topic:Transport"
        key: g t
    """

  @Test func aConfigRebindsQuitAddsASequenceAndUnbindsAKey() throws {
    let binary = try ReaderBuild.release.requireBinary()
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    defer { fixture.remove() }
    let config = fixture.path("config.yaml")
    try Data((Self.config + "\npaths: [\"\(fixture.directory)\"]\n").utf8).write(
      to: URL(fileURLWithPath: config))
    let check = try Self.shell("'\(binary)' config check '\(config)'")
    #expect(check.status == 0, "\(check.output)")

    let session = try TmuxSession(
      command: [binary, "--theme", "monochrome", "--config", config], columns: 160, rows: 40,
      environment: ["XDG_CONFIG_HOME": fixture.directory, "TZ": "UTC"])
    defer { session.close() }
    // Newest first: the harbour tunnel is selected and its details show.
    try session.waitFor("The tunnel under the harbour opened")
    #expect(try session.screenModes().mouseReporting == false)  // mouse: false
    // time-zone: Asia/Tokyo wins over TZ=UTC; date-format writes the details' date (09:00 UTC).
    try session.waitFor("03 May 2024 18:00 UTC+9")

    // Help lists the rebound quit and the sequence.
    try session.send("?")
    try session.waitForScreen("help shows x for Quit and g g for Last") { screen in
      screen.split(separator: "\n").contains { $0.contains("x ") && $0.lowercased().contains("quit") }
        && screen.split(separator: "\n").contains { $0.contains("g g") && $0.contains("Last") }
    }
    try session.send("Escape")
    try Self.waitForHelpClosed(session)

    // G is unbound: the selection stays (keys are handled in order, so help opening means G was read).
    try session.send("G", "?")
    try session.waitFor("Help")
    try session.send("Escape")
    let afterG = try Self.waitForHelpClosed(session)
    #expect(afterG.contains("The tunnel under the harbour opened"), "\(afterG)")
    // g g goes to the last article.
    try session.send("g", "g")
    try session.waitFor("Eleven kilometres of protected lanes")

    // The view's key g t: the g waits in the status bar, then t narrows the list to the view's query.
    try session.send("g")
    try session.waitFor("g …")
    try session.send("t")
    try session.waitForScreen("the transport view listed") { screen in
      screen.contains("Query: topic:Transport") && screen.contains("2 shown") && !screen.contains("g …")
        && !screen.contains("東京の桜")
    }
    // The view picker lists it with its key and counts (2 unread of 2, or 1 once one was read); Esc closes
    // it, and Esc again clears the view's query like a typed one.
    try session.send("V")
    try session.waitForScreen("the view picker") { screen in
      screen.contains("Views (unread, total)")
        && screen.split(separator: "\n").contains { $0.contains("[x] g t transport") }
    }
    try session.send("Escape")
    try session.waitForScreen("the picker closed") { !$0.contains("Views (unread, total)") }
    try session.send("Escape")
    try session.waitForScreen("the view's query cleared") { screen in
      !screen.contains("Query: topic:Transport") && screen.contains("3 shown")
    }

    // q is unbound: the reader is still there to open help.
    try session.send("q", "?")
    try session.waitFor("Help")
    try session.send("Escape", "x")
    #expect(try session.waitForExit() == 0)
  }

  @Test func theDefaultConfigPassesTheReleaseCheck() throws {
    let binary = try ReaderBuild.release.requireBinary()
    let result = try Self.shell("'\(binary)' config default | '\(binary)' config check -")
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("<stdin>: 0 errors, 0 warnings"))
  }

  /// Waits until help has closed and the hints row (the last line) names `x` for quit.
  @discardableResult
  static func waitForHelpClosed(_ session: TmuxSession) throws -> String {
    try session.waitForScreen("help closed, x named in the hints row") { screen in
      !screen.contains("─ Help ")
        && (screen.split(separator: "\n").last.map { $0.contains("x quit") } ?? false)
    }
  }

  /// Runs `command` under sh and gives its status and standard output.
  static func shell(_ command: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
