import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What the commands do when standard output cannot take their output, and what they print on a usage
/// error that repeats hostile bytes from the command line.
@Suite struct OutputFailureTests {
  static let seeds = CommandRunner.packageRoot + "/seeds"
  static let commands: [[String]] = [
    ["list", seeds], ["list", "--format", "json", seeds], ["list", "--format", "tsv", seeds],
    ["check", seeds], ["check", "--format", "json", seeds], ["topics", seeds], ["--help"],
  ]

  @Test(arguments: commands)
  func fullDiskIsOneLineOnStandardErrorAndStatus74(arguments: [String]) throws {
    let result = try SpawnedCommand.run(arguments, stdout: .device("/dev/full"))
    #expect(result.exitStatus == 74, "\(result)")
    #expect(result.stderr == "newsreader: cannot write to standard output: No space left on device\n")
  }

  @Test(arguments: commands)
  func closedStandardOutputIsOneLineOnStandardErrorAndStatus74(arguments: [String]) throws {
    let result = try SpawnedCommand.run(arguments, stdout: .closed)
    #expect(result.exitStatus == 74, "\(result)")
    #expect(result.stderr == "newsreader: cannot write to standard output: Bad file descriptor\n")
  }

  /// `newsreader list … | head -1`: the reader of the pipe left; the command ends quietly, of SIGPIPE,
  /// whether its parent left SIGPIPE at its default or ignored it.
  @Test(arguments: [false, true])
  func closedPipeEndsQuietlyOfSIGPIPE(parentIgnoresSIGPIPE: Bool) throws {
    let result = try SpawnedCommand.run(
      ["list", Self.seeds], stdout: .pipeWithoutReader, ignoreSIGPIPE: parentIgnoresSIGPIPE)
    #expect(result.signal == SIGPIPE, "\(result)")
    #expect(result.stderr == "")
  }

  @Test func usageErrorsPrintNoControlBytesFromTheCommandLine() throws {
    let cases: [[String]] = [
      ["--bogus\u{1b}]0;x\u{07}"],
      ["list", "--sort", "\u{1b}[31msideways\u{1b}[0m", "seeds"],
      ["check", "--format", "x\u{1b}]52;c;cHduZWQ=\u{07}", "seeds"],
      ["no/such/\u{1b}[2Jdir"],
    ]
    for arguments in cases {
      let result = try CommandRunner.run(arguments)
      #expect(result.status == 64 || result.status == 66, "\(arguments)")
      let bytes = Array(result.stderr.utf8)
      #expect(!bytes.isEmpty)
      #expect(
        !bytes.contains { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F },
        "\(arguments): \(result.stderr.debugDescription)")
    }
    let bogus = try CommandRunner.run(["--bogus\u{1b}]0;x\u{07}"])
    #expect(bogus.stderr.hasPrefix("Error: Unknown option '--bogus'"), "\(bogus.stderr.debugDescription)")
  }
}

/// The built binary started with `posix_spawn`, so a test decides exactly what its standard output is
/// and how SIGPIPE is set, whatever the test runner's own settings.
struct SpawnedCommand: CustomStringConvertible {
  enum Output {
    /// Opened write-only on this path (`/dev/full`).
    case device(String)
    /// No descriptor 1 at all.
    case closed
    /// A pipe whose read end is already closed.
    case pipeWithoutReader
  }

  /// The exit status when the process exited, else nil.
  var exitStatus: Int32?
  /// The signal that ended the process, else nil.
  var signal: Int32?
  var stderr: String

  var description: String {
    "exit status \(exitStatus.map(String.init) ?? "none"), signal \(signal.map(String.init) ?? "none"), "
      + "stderr \(stderr.debugDescription)"
  }

  static func run(_ arguments: [String], stdout: Output, ignoreSIGPIPE: Bool = false) throws -> SpawnedCommand
  {
    let errorPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("nr-spawn-\(getpid())-\(UUID().uuidString.prefix(8)).err").path
    defer { unlink(errorPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var pipeEnds: [Int32] = [-1, -1]
    switch stdout {
    case .device(let path):
      posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY, 0)
    case .closed:
      posix_spawn_file_actions_addclose(&actions, 1)
    case .pipeWithoutReader:
      guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EMFILE) }
      close(pipeEnds[0])
      posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
      posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
    }
    defer { if pipeEnds[1] >= 0 { close(pipeEnds[1]) } }

    // Test threads run with signals blocked; the child gets a clean mask and SIGPIPE at its default.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    // An ignored signal stays ignored through exec: a shell that ignores SIGPIPE starts the binary.
    let program = ignoreSIGPIPE ? "/bin/sh" : CommandRunner.binary
    let argv =
      ignoreSIGPIPE
      ? ["sh", "-c", "trap '' PIPE; exec \"$0\" \"$@\"", CommandRunner.binary] + arguments
      : [CommandRunner.binary] + arguments
    let cArguments = argv.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    // The test run's own cache and data directories, as CommandRunner gives: the load index and reading
    // state of whoever runs the tests are neither read (an old index's message) nor written.
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = CommandRunner.isolatedCacheHome
    environment["XDG_DATA_HOME"] = CommandRunner.isolatedDataHome
    let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { cEnvironment.forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, program, &actions, &attributes, cArguments, cEnvironment)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    let signal = status & 0x7f
    return SpawnedCommand(
      exitStatus: signal == 0 ? (status >> 8) & 0xff : nil, signal: signal == 0 ? nil : signal, stderr: stderr
    )
  }
}
