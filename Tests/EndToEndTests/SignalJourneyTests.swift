import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A build of the reader the signal journeys run: the release one users get, and the debug one.
struct ReaderBuild: CustomTestStringConvertible, Sendable {
  var name: String
  var binary: String

  static let release = ReaderBuild(name: "release", binary: BuiltProduct.releaseBinary)
  static let debug = ReaderBuild(name: "debug", binary: ReaderFixture.binary)
  static let both = [release, debug]

  var testDescription: String { name }

  /// The binary, or a failure saying how to build it: a missing release build must not pass as a skip, and
  /// one older than the debug build would test yesterday's sources.
  func requireBinary() throws -> String {
    let rebuild = "run `swift build -c release --product newsreader` (make test does)"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      throw TmuxFailure(description: "no \(name) build at \(binary): \(rebuild)")
    }
    if binary != ReaderBuild.debug.binary, let built = Self.modified(binary),
      let debugBuilt = Self.modified(ReaderBuild.debug.binary), built < debugBuilt
    {
      throw TmuxFailure(description: "the \(name) build is older than the debug build: \(rebuild)")
    }
    return binary
  }

  private static func modified(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
  }
}

/// Signals sent to the running reader with `kill` (and Ctrl-C, Ctrl-\ typed): the terminal must come back
/// exactly as it was, and the exit status must say what happened.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable(), "tmux is not installed"))
struct SignalJourneyTests {
  /// Starts `build` on the standard fixture and waits until its first screen is on the alternate screen.
  private func open(
    _ build: ReaderBuild, environment: [String: String] = [:]
  ) throws -> (TmuxSession, ReaderFixture) {
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    let session = try TmuxSession(
      command: [try build.requireBinary(), "--theme", "monochrome", fixture.directory], columns: 100,
      rows: 30,
      environment: ["XDG_STATE_HOME": fixture.path("state")].merging(environment) { $1 })
    try session.waitFor("Harbour tunnel opens")
    #expect(try session.screenModes().alternateScreen, "the reader runs on the alternate screen")
    return (session, fixture)
  }

  /// Checks that the pane is back to its modes from before the reader: stty and screen modes.
  private func expectTerminalRestored(_ session: TmuxSession, _ what: String) throws {
    let difference = session.terminalModesDifference()
    #expect(difference == nil, "\(what): \(difference ?? "")")
    let modes = try session.screenModes()
    #expect(modes == .normal, "\(what): \(modes)")
  }

  static let interrupts: [(signal: Int32, status: Int32)] = [
    (SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129), (SIGALRM, 142),
  ]

  /// One signal must do it, within a second, in both builds: the release build once ignored the first.
  @Test(arguments: ReaderBuild.both, interrupts)
  func oneSignalEndsTheReaderWithinASecond(build: ReaderBuild, interrupt: (signal: Int32, status: Int32))
    throws
  {
    let (session, fixture) = try open(build)
    defer {
      session.close()
      fixture.remove()
    }
    try session.signalProgram(interrupt.signal)
    #expect(try session.waitForExit(timeout: 1) == interrupt.status)
    try expectTerminalRestored(session, "after signal \(interrupt.signal)")
  }

  @Test(arguments: ReaderBuild.both)
  func controlCTypedExitsWith130(build: ReaderBuild) throws {
    let (session, fixture) = try open(build)
    defer {
      session.close()
      fixture.remove()
    }
    try session.send("C-c")
    #expect(try session.waitForExit(timeout: 1) == 130)
    try expectTerminalRestored(session, "after Ctrl-C")
  }

  static let crashes: [(signal: Int32, name: String)] = [
    (SIGSEGV, "SIGSEGV"), (SIGBUS, "SIGBUS"), (SIGILL, "SIGILL"), (SIGTRAP, "SIGTRAP"), (SIGABRT, "SIGABRT"),
    (SIGFPE, "SIGFPE"), (SIGQUIT, "SIGQUIT"),
  ]

  /// A fatal signal: the terminal is restored first, the crash note's path is printed on the normal
  /// screen, and the process dies of that same signal (the shell reports 128 + signal), at once.
  @Test(arguments: crashes)
  func fatalSignalRestoresTheTerminalAndDiesOfIt(crash: (signal: Int32, name: String)) throws {
    try expectCrashHandled(.release, signal: crash.signal, name: crash.name) {
      try $0.signalProgram(crash.signal)
    }
  }

  @Test func fatalSignalInTheDebugBuild() throws {
    try expectCrashHandled(.debug, signal: SIGSEGV, name: "SIGSEGV") { try $0.signalProgram(SIGSEGV) }
  }

  /// Ctrl-\ is SIGQUIT from the terminal: handled as a crash, never a backtrace over the screen.
  @Test func controlBackslashQuitsWithTheTerminalRestored() throws {
    try expectCrashHandled(.release, signal: SIGQUIT, name: "SIGQUIT") { try $0.send("C-\\") }
  }

  /// Even with the Swift runtime's backtracer switched on (and interactive) by the environment, the reader's
  /// own handler runs: no backtrace over the screen, no prompt, and the terminal comes back.
  @Test func runtimeBacktracerEnabledByTheEnvironmentNeverPrompts() throws {
    try expectCrashHandled(
      .release, signal: SIGILL, name: "SIGILL",
      environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=yes"]
    ) { try $0.signalProgram(SIGILL) }
  }

  private func expectCrashHandled(
    _ build: ReaderBuild, signal: Int32, name: String, environment: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation, send: (TmuxSession) throws -> Void
  ) throws {
    let (session, fixture) = try open(build, environment: environment)
    defer {
      session.close()
      fixture.remove()
    }
    try send(session)
    // The runtime's interactive prompt waits 30 s: five is plenty for a handler that does not.
    #expect(try session.waitForExit(timeout: 5) == 128 + signal, sourceLocation: sourceLocation)
    try expectTerminalRestored(session, "after \(name)")
    let screen = try session.joinedScreen()
    for runtimeText in ["Press space", "Backtrace", "💣", "Thread 0"] {
      #expect(
        !screen.contains(runtimeText), "the runtime's crash report appeared:\n\(session.framed(screen))")
    }
    // The note is named on the normal screen, after the terminal was restored.
    let notes = fixture.path("state") + "/newsreader/"
    let line = try #require(
      screen.split(separator: "\n").first { $0.contains("newsreader: stopped by \(name)") },
      "no crash line on the screen:\n\(session.framed(screen))")
    let path = try #require(line.range(of: "crash note: ").map { String(line[$0.upperBound...]) })
    #expect(path.hasPrefix(notes), "\(path)")
    let note = try String(contentsOfFile: path, encoding: .utf8)
    #expect(note.contains("stopped by \(name) (signal \(signal))"), "\(note)")
  }

  /// SIGUSR1 reloads the records; SIGPIPE is ignored; neither ends the reader or breaks its screen.
  @Test(arguments: ReaderBuild.both)
  func userSignalReloadsAndBrokenPipeIsIgnored(build: ReaderBuild) throws {
    let (session, fixture) = try open(build)
    defer {
      session.close()
      fixture.remove()
    }
    try Data("---\ntitle: \"Ferry timetable changes\"\npublishedDateTime: 2024-05-04T09:00:00Z\n---\n".utf8)
      .write(to: URL(fileURLWithPath: fixture.path("four.txt")))
    try session.signalProgram(SIGUSR1)
    try session.waitFor("Ferry timetable changes")
    try session.signalProgram(SIGPIPE)
    // Still reading keys: the selection stayed on the harbour article through the reload, and moves on.
    try session.send("j")
    try session.waitFor("気象庁は東京の桜が満開になったと発表した。")
    #expect(try session.screenModes().alternateScreen)
    try session.send("q")
    #expect(try session.waitForExit() == 0)
    try expectTerminalRestored(session, "after quitting")
  }
}
