import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The release reader picks up record files written, changed and removed while it is open, each way
/// programs write them, without `r`.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable(), "tmux is not installed"))
struct WatchJourneyTests {
  static func record(_ title: String, day: Int = 9) -> String {
    "---\ntitle: \"\(title)\"\npublishedDateTime: 2024-05-\(String(format: "%02d", day))T09:00:00Z\n---\n"
  }

  /// Opens the release reader on the standard fixture and waits until it is watching: a probe file is
  /// written (again, every half second) until the reader shows it, so no write can fall before the watch.
  private func open(_ arguments: [String] = []) throws -> (TmuxSession, ReaderFixture) {
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    let session = try TmuxSession(
      command: [try ReaderBuild.release.requireBinary(), "--theme", "monochrome"] + arguments + [
        fixture.directory
      ],
      columns: 100, rows: 30, environment: ["XDG_STATE_HOME": fixture.path("state")])
    try session.waitFor("Harbour tunnel opens")
    let deadline = Date().addingTimeInterval(10)
    var attempt = 0
    while true {
      attempt += 1
      try Self.record("Watch probe", day: 4).write(
        toFile: fixture.path("probe.txt"), atomically: false, encoding: .utf8)
      if (try? session.waitFor("Watch probe", timeout: 0.5)) != nil { break }
      if Date() > deadline {
        throw TmuxFailure(
          description: "the reader never showed a probe file:\n\(session.framed(try session.screen()))")
      }
    }
    return (session, fixture)
  }

  private static func shell(_ command: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(command)")
  }

  /// One way of writing a file into the watched directory, and the title that must then be on screen.
  struct Writing: CustomTestStringConvertible, Sendable {
    var name: String
    var write: @Sendable (_ directory: String) throws -> Void
    var expected: String
    var testDescription: String { name }
  }

  static let writings: [Writing] = [
    Writing(
      name: "temporary file and rename",
      write: { directory in
        try record("Ferry timetable changes").write(
          toFile: directory + "/.ferry.tmp", atomically: false, encoding: .utf8)
        try shell("mv '\(directory)/.ferry.tmp' '\(directory)/ferry.txt'")
      }, expected: "Ferry timetable changes"),
    Writing(
      name: "sed -i",
      write: {
        try shell("sed -i 's/Council approves bike lanes/Council approves wider lanes/' '\($0)/three.txt'")
      },
      expected: "Council approves wider lanes"),
    Writing(
      name: "cp",
      write: { directory in
        let outside = directory + "-outside.md"
        try record("Copied market report").write(toFile: outside, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try shell("cp '\(outside)' '\(directory)/market.md'")
      }, expected: "Copied market report"),
    Writing(
      name: "shell redirection",
      write: {
        try shell("printf -- '---\\ntitle: \"Redirected weather note\"\\n---\\n' > '\($0)/weather.yaml'")
      },
      expected: "Redirected weather note"),
    Writing(
      name: "new subdirectory",
      write: { directory in
        try shell(
          "mkdir '\(directory)/later' && printf -- '---\\ntitle: \"Nested arrival\"\\n---\\n' > '\(directory)/later/n.txt'"
        )
      }, expected: "Nested arrival"),
    Writing(
      name: "directory moved in",
      write: { directory in
        let outside = directory + "-moved"
        try shell(
          "mkdir -p '\(outside)/deeper' && printf -- '---\\ntitle: \"Moved-in bundle\"\\n---\\n' > '\(outside)/deeper/m.md'"
        )
        try shell("mv '\(outside)' '\(directory)/bundle'")
      }, expected: "Moved-in bundle"),
  ]

  @Test(arguments: writings)
  func aFileWrittenWhileOpenAppears(writing: Writing) throws {
    let (session, fixture) = try open()
    defer {
      session.close()
      fixture.remove()
    }
    try writing.write(fixture.directory)
    try session.waitFor(writing.expected)
    // The selection stayed on the article being read.
    #expect(try session.screen().contains("The tunnel under the harbour opened"))
    try session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test func aNewArticleIsCountedUntilVisited() throws {
    let (session, fixture) = try open()
    defer {
      session.close()
      fixture.remove()
    }
    try Self.record("Late evening bulletin", day: 20).write(
      toFile: fixture.path("late.txt"), atomically: true, encoding: .utf8)
    try session.waitFor("Late evening bulletin")
    // The probe and the bulletin arrived while open.
    try session.waitFor("2 new (])")
    try session.send("]")
    try session.waitForScreen("the bulletin selected and one left new") {
      $0.contains("1 new (])") && !$0.contains("The tunnel under the harbour opened")
    }
  }

  @Test func aDeletedFileTakesItsArticleAway() throws {
    let (session, fixture) = try open()
    defer {
      session.close()
      fixture.remove()
    }
    try FileManager.default.removeItem(atPath: fixture.path("two.txt"))
    try session.waitForScreen("the sakura article gone") { !$0.contains("東京の桜") }
    #expect(try session.screen().contains("The tunnel under the harbour opened"))
  }

  @Test func noWatchLeavesTheListAsLoaded() throws {
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    let session = try TmuxSession(
      command: [
        try ReaderBuild.release.requireBinary(), "--theme", "monochrome", "--no-watch", fixture.directory,
      ],
      columns: 100, rows: 30, environment: ["XDG_STATE_HOME": fixture.path("state")])
    defer {
      session.close()
      fixture.remove()
    }
    try session.waitFor("Harbour tunnel opens")
    try Self.record("Unwatched arrival").write(
      toFile: fixture.path("u.txt"), atomically: true, encoding: .utf8)
    // `r` is the way in without watching; the file must not have shown before it.
    #expect(try !session.screen().contains("Unwatched arrival"))
    try session.send("r")
    try session.waitFor("Unwatched arrival")
    #expect(try !session.screen().contains(" new ("), "without watching nothing is counted as new")
  }

  /// Files written while the reader is stopped (SIGSTOP) overflow inotify's queue for certain: more events
  /// than `fs.inotify.max_queued_events` (16,384 by default; each file is a create and a close-write, so
  /// half that many files and a thousand more). The overflow falls back to rescans, and every file appears.
  @Test func aBurstThatOverflowsTheQueueStillAllAppears() throws {
    let queued =
      (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))
      .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 16_384
    let count = queued / 2 + 1_000
    let (session, fixture) = try open()
    defer {
      try? session.signalProgram(SIGCONT)
      session.close()
      fixture.remove()
    }
    try session.signalProgram(SIGSTOP)
    // Into the directory already watched: files in a directory made while stopped would have no watch yet.
    for number in 0..<count {
      try Data(Self.record("Burst \(number)", day: 10).utf8).write(
        to: URL(fileURLWithPath: fixture.path("b\(number).txt")))
    }
    try session.signalProgram(SIGCONT)
    try session.waitFor("Watching by rescanning every 2 s: inotify's queue overflowed", timeout: 20)
    // Three fixture articles, the probe and the burst: every file is listed (each holds one record).
    let total = (count + 4).formatted()
    try session.waitFor("\(total) articles", timeout: 30)
  }
}
