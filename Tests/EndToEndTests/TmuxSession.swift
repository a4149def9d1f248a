import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Why a tmux-driven check failed, with the whole screen so the failure can be read without re-running.
struct TmuxFailure: Error, CustomStringConvertible {
  var description: String
}

/// A private tmux server running one command in one pane, driven like a user at a keyboard.
///
/// Each session has its own socket, ignores the user's configuration, and is killed when closed,
/// so tests can run side by side. Waiting is always polling with a deadline, never a fixed sleep.
final class TmuxSession {
  let socketPath: String
  let statusPath: String
  private(set) var isClosed = false

  /// Starts `command` in a detached pane of `columns` x `rows`, with the clipboard forwarded to tmux buffers.
  init(command: [String], columns: Int, rows: Int, environment: [String: String] = [:]) throws {
    let unique = "\(getpid())-\(TmuxSession.nextSerial())"
    socketPath = "/tmp/nrt-\(unique).sock"
    statusPath = "/tmp/nrt-\(unique).status"
    unlink(socketPath)
    unlink(statusPath)

    // The reader keeps its reading state under XDG_DATA_HOME and its load index under XDG_CACHE_HOME: private
    // ones per session, so tests never touch (nor read an old index from) those of whoever runs them; a test
    // may still pass its own.
    var exports = [
      "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=screen-256color", "XDG_DATA_HOME=\(statusPath).data",
      "XDG_CACHE_HOME=\(statusPath).cache",
    ]
    exports += environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let program = command.map(TmuxSession.shellQuoted).joined(separator: " ")
    let status = TmuxSession.shellQuoted(statusPath)
    // The test runner sets NO_COLOR; the pane gets it only when a test asks. The pane records the
    // terminal modes before and after (`stty -a`, so a failure shows which mode was left behind), and
    // the exit status itself: tmux 3.3a does not always reap the pane process. The status is written
    // last, so once it exists the modes after are there too.
    let paneCommand =
      "stty -a > \(status).before; env -u TMUX -u NO_COLOR \(exports.map(TmuxSession.shellQuoted).joined(separator: " ")) "
      + "\(program); code=$?; stty -a > \(status).after; echo $code > \(status); sleep 60"
    try run([
      "-f", "/dev/null", "new-session", "-d", "-x", String(columns), "-y", String(rows), paneCommand,
      ";", "set-option", "-g", "set-clipboard", "on",
      ";", "set-option", "-g", "status", "off",
      ";", "set-option", "-g", "escape-time", "0",
    ])
  }

  deinit { close() }

  /// Kills the server and removes its files; safe to call twice.
  func close() {
    guard !isClosed else { return }
    isClosed = true
    _ = try? run(["kill-server"])
    unlink(socketPath)
    unlink(statusPath)
    unlink(statusPath + ".before")
    unlink(statusPath + ".after")
    try? FileManager.default.removeItem(atPath: statusPath + ".data")
    try? FileManager.default.removeItem(atPath: statusPath + ".cache")
  }

  /// Whether the terminal modes after the program are those from before it (echo, canonical input…).
  func terminalModesRestored() -> Bool { terminalModesDifference() == nil }

  /// How `stty -a` after the program differs from before it, or nil when the modes are the same.
  func terminalModesDifference() -> String? {
    guard let before = try? String(contentsOfFile: statusPath + ".before", encoding: .utf8),
      let after = try? String(contentsOfFile: statusPath + ".after", encoding: .utf8)
    else { return "the pane did not record stty -a before and after the program" }
    if !before.isEmpty && before == after { return nil }
    let words = { (text: String) in Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }))
    }
    let lost = words(before).subtracting(words(after)).sorted().joined(separator: " ")
    let gained = words(after).subtracting(words(before)).sorted().joined(separator: " ")
    return "stty -a before had [\(lost)], after has [\(gained)] instead"
  }

  /// The pane's terminal modes as tmux tracks them: alternate screen, cursor, mouse reporting, keypad.
  struct ScreenModes: Equatable, CustomStringConvertible {
    var alternateScreen: Bool
    var cursorVisible: Bool
    var mouseReporting: Bool
    var keypadTransmit: Bool

    /// What a shell prompt expects: the normal screen, a visible cursor, no mouse reports, normal keypad.
    static let normal = ScreenModes(
      alternateScreen: false, cursorVisible: true, mouseReporting: false, keypadTransmit: false)

    var description: String {
      "alternate screen \(alternateScreen), cursor visible \(cursorVisible), "
        + "mouse reporting \(mouseReporting), keypad transmit \(keypadTransmit)"
    }
  }

  /// The pane's screen modes now (`display-message` with tmux's pane flags).
  func screenModes() throws -> ScreenModes {
    let flags = try run([
      "display-message", "-p", "-t", "0",
      "#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_cursor_flag}#{keypad_flag}",
    ]).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    guard flags.count == 4 else { throw TmuxFailure(description: "unexpected pane flags \(flags)") }
    return ScreenModes(
      alternateScreen: flags[0] == "1", cursorVisible: flags[1] == "1", mouseReporting: flags[2] == "1",
      keypadTransmit: flags[3] != "00")
  }

  /// Sends tmux key names (`"j"`, `"Enter"`, `"C-c"`, `"Escape"`) one after another.
  func send(_ keys: String...) throws {
    try run(["send-keys", "-t", "0"] + keys)
  }

  /// Types `text` literally, one character at a time as a user would.
  func type(_ text: String) throws {
    try run(["send-keys", "-t", "0", "-l", text])
  }

  /// Sends raw bytes given as hex pairs (`"1b 5b 4d"`), for mouse reports.
  func sendHex(_ bytes: [UInt8]) throws {
    try run(["send-keys", "-t", "0", "-H"] + bytes.map { String(format: "%02x", $0) })
  }

  /// The visible screen as plain text, one line per row.
  func screen() throws -> String {
    try run(["capture-pane", "-p", "-t", "0"])
  }

  /// The visible screen with lines the terminal wrapped joined again (`capture-pane -J`).
  func joinedScreen() throws -> String {
    try run(["capture-pane", "-p", "-J", "-t", "0"])
  }

  /// The visible screen with its colours and attributes as SGR escape sequences (`capture-pane -e`).
  func styledScreen() throws -> String {
    try run(["capture-pane", "-p", "-e", "-t", "0"])
  }

  /// The newest tmux paste buffer: what an OSC 52 copy put on the clipboard.
  func clipboard() throws -> String? {
    try? run(["show-buffer"])
  }

  /// Writes `text` straight to the pane's terminal, as another program sharing it would.
  func writeToTerminal(_ text: String) throws {
    let tty = try run(["display-message", "-p", "-t", "0", "#{pane_tty}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard let handle = FileHandle(forWritingAtPath: tty) else {
      throw TmuxFailure(description: "cannot open the pane's terminal \(tty)")
    }
    handle.write(Data(text.utf8))
    try handle.close()
  }

  /// The processes the pane's shell is running: the program under test.
  func programPIDs() throws -> [Int32] {
    let shell = try run(["display-message", "-p", "-t", "0", "#{pane_pid}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard let shellPID = Int32(shell) else { throw TmuxFailure(description: "no pane pid in \(shell)") }
    let children =
      (try? String(contentsOfFile: "/proc/\(shellPID)/task/\(shellPID)/children", encoding: .utf8)) ?? ""
    let pids = children.split(separator: " ").compactMap { Int32($0) }
    guard !pids.isEmpty else { throw TmuxFailure(description: "the pane runs no program") }
    return pids
  }

  /// Sends `signal` to the program running in the pane.
  func signalProgram(_ signal: Int32) throws {
    for pid in try programPIDs() { kill(pid, signal) }
  }

  /// Whether `pid` is still a live process (not gone, not a zombie waiting to be reaped).
  static func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
    return state != "Z" && state != "X"
  }

  /// Resizes the window (and so the pane) as a terminal emulator's resize would.
  func resize(columns: Int, rows: Int) throws {
    try run(["resize-window", "-t", "0", "-x", String(columns), "-y", String(rows)])
  }

  /// Polls the screen until `predicate` holds; fails with the last screen after `timeout` seconds.
  @discardableResult
  func waitForScreen(
    timeout: Double = 10, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
    until predicate: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if predicate(last) { return last }
      usleep(20_000)
    }
    throw TmuxFailure(description: "timed out waiting for \(what); the screen was:\n\(framed(last))")
  }

  /// Polls until the screen contains `text`.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 10) throws -> String {
    try waitForScreen(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
  }

  /// Polls until the program has exited, and returns its exit status.
  func waitForExit(timeout: Double = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: statusPath, encoding: .utf8),
        let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status
      }
      usleep(20_000)
    }
    throw TmuxFailure(
      description: "the program did not exit within \(timeout) s; the screen was:\n\(framed(try screen()))")
  }

  /// The screen with every row framed by `|`, so trailing spaces show in a failure message.
  func framed(_ screen: String) -> String {
    screen.split(separator: "\n", omittingEmptySubsequences: false).map { "|\($0)|" }.joined(separator: "\n")
  }

  /// Runs one tmux command against this server and returns its standard output.
  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    // Started through posix_spawn with stdin from /dev/null: Foundation.Process hangs on the
    // server that `new-session -d` leaves holding the pipe.
    let tmux = TmuxSession.tmuxPath()
    let args = [tmux, "-u", "-S", socketPath] + arguments
    let outputPath = "/tmp/nrt-\(getpid())-\(TmuxSession.nextSerial()).out"
    defer { unlink(outputPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

    // Test threads run with most signals blocked, and a blocked mask survives exec: give tmux (and so the
    // program in its pane) a clean mask and default handlers, as a shell would.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var environment = ProcessInfo.processInfo.environment
    environment["TMUX"] = nil
    environment["LANG"] = "C.UTF-8"
    let envStrings = environment.map { "\($0.key)=\($0.value)" }

    var pid = pid_t()
    let cArgs = args.map { strdup($0) } + [nil]
    let cEnv = envStrings.map { strdup($0) } + [nil]
    defer {
      cArgs.forEach { free($0) }
      cEnv.forEach { free($0) }
    }
    let spawned = posix_spawn(&pid, tmux, &actions, &attributes, cArgs, cEnv)
    guard spawned == 0 else {
      throw TmuxFailure(description: "cannot start tmux at \(tmux): errno \(spawned)")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let exited = (status & 0x7f) == 0
    let code = (status >> 8) & 0xff
    guard exited && code == 0 else {
      throw TmuxFailure(description: "tmux \(arguments.joined(separator: " ")) failed with status \(status)")
    }
    return output
  }

  private static func tmuxPath() -> String {
    for directory in ["/usr/bin", "/usr/local/bin", "/bin"] where access("\(directory)/tmux", X_OK) == 0 {
      return "\(directory)/tmux"
    }
    return "/usr/bin/tmux"
  }

  static func isAvailable() -> Bool { access(tmuxPath(), X_OK) == 0 }

  private static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  nonisolated(unsafe) private static var serial = 0
  private static let serialLock = NSLock()
  private static func nextSerial() -> Int {
    serialLock.lock()
    defer { serialLock.unlock() }
    serial += 1
    return serial
  }
}
