import Foundation
import ReaderConfig
import Testing

/// `newsreader config check|default|path|manual` and the top-level help, as a user runs them.
@Suite struct ConfigCommandTests {
  /// Runs the binary with `input` on its standard input and `environment` added to (or, for nil
  /// values, removed from) this process's environment.
  func run(_ arguments: [String], input: String = "", environment: [String: String?] = [:]) throws
    -> CommandRunner.Output
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: CommandRunner.packageRoot)
    var merged = ProcessInfo.processInfo.environment
    for (name, value) in environment { merged[name] = value }
    process.environment = merged
    let stdin = Pipe()
    let out = Pipe()
    let err = Pipe()
    process.standardInput = stdin
    process.standardOutput = out
    process.standardError = err
    try process.run()
    nonisolated(unsafe) var errData = Data()
    let errDone = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      errDone.signal()
    }
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errDone.wait()
    process.waitUntilExit()
    return CommandRunner.Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: [UInt8](outData))
  }

  func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "config-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func theDefaultConfigPassesConfigCheckAsItIs() throws {
    let defaults = try run(["config", "default"])
    #expect(defaults.status == 0)
    #expect(defaults.stdout == DefaultConfig.text)
    let check = try run(["config", "check", "-"], input: defaults.stdout)
    #expect(check.status == 0)
    #expect(check.stdout == "<stdin>: 0 errors, 0 warnings\n")
  }

  @Test func checkPrintsEachProblemWithItsPositionAndExits65OnErrors() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/config.yaml"
    try "thme: light\nsort: sideways\nkeys:\n  global:\n    g entr: quit\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let output = try run(["config", "check", path])
    #expect(output.status == 65)
    #expect(
      output.stdout.split(separator: "\n").map(String.init) == [
        "\(path):1:1: warning: unknown setting \"thme\"; did you mean \"theme\"?",
        "\(path):2:7: error: sort: expected one of newest, oldest, quality, heat, provider, title, found \"sideways\"; the default (newest) applies",
        "\(path):5:7: error: keys.global: unknown key \"entr\"; did you mean \"enter\"?",
        "\(path): 2 errors, 1 warning",
      ])
  }

  @Test func warningsAloneExitZero() throws {
    let output = try run(["config", "check", "-"], input: "mouse: off\ncolour: red\n")
    #expect(output.status == 0)
    #expect(
      output.stdout == "<stdin>:2:1: warning: unknown setting \"colour\"\n<stdin>: 0 errors, 1 warning\n")
  }

  @Test func aMissingNamedFileExits66() throws {
    let output = try run(["config", "check", "/nonexistent/newsreader.yaml"])
    #expect(output.status == 66)
    #expect(output.stderr == "newsreader: /nonexistent/newsreader.yaml: no such file\n")
  }

  @Test func withoutAFileTheDefaultLocationIsChecked() throws {
    let base = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: base) }
    let missing = try run(["config", "check"], environment: ["XDG_CONFIG_HOME": base])
    #expect(missing.status == 0)
    #expect(missing.stdout == "\(base)/newsreader/config.yaml: no config file; the defaults apply\n")
    try FileManager.default.createDirectory(atPath: base + "/newsreader", withIntermediateDirectories: true)
    try "mouse: 3\n".write(toFile: base + "/newsreader/config.yaml", atomically: true, encoding: .utf8)
    let broken = try run(["config", "check"], environment: ["XDG_CONFIG_HOME": base])
    #expect(broken.status == 65)
    #expect(
      broken.stdout.hasPrefix("\(base)/newsreader/config.yaml:1:8: error: mouse: expected true or false"))
  }

  @Test func pathFollowsXDGConfigHomeThenHome() throws {
    let xdg = try run(
      ["config", "path"], environment: ["XDG_CONFIG_HOME": "/etc/xdg-test", "HOME": "/home/u"])
    #expect(xdg.stdout == "/etc/xdg-test/newsreader/config.yaml\n")
    let home = try run(["config", "path"], environment: ["XDG_CONFIG_HOME": nil, "HOME": "/home/u"])
    #expect(home.stdout == "/home/u/.config/newsreader/config.yaml\n")
    let neither = try run(["config", "path"], environment: ["XDG_CONFIG_HOME": nil, "HOME": nil])
    #expect(neither.status == 1)
  }

  @Test func theManualDocumentsEverySettingContextAndKeyName() throws {
    let manual = try run(["config", "manual"])
    #expect(manual.status == 0)
    #expect(manual.stdout.hasPrefix(".TH \"NEWSREADER-CONFIG\" 5 "))
    func tag(_ name: String) -> String { ".TP\n.B " + name.replacingOccurrences(of: "-", with: "\\-") + "\n" }
    for setting in Setting.all {
      #expect(manual.stdout.contains(tag(setting.name)), "setting \(setting.name) is undocumented")
      #expect(
        manual.stdout.contains("Default: \(setting.defaultText.replacingOccurrences(of: "-", with: "\\-"))."))
    }
    for context in BindingContext.allCases {
      #expect(manual.stdout.contains(tag(context.rawValue)), "context \(context.rawValue) is undocumented")
    }
    for conversion in DateFormat.conversions {
      #expect(manual.stdout.contains(tag("%\(conversion.letter)")))
    }
  }

  static let hasMan = FileManager.default.isExecutableFile(atPath: "/usr/bin/man")

  @Test(.enabled(if: hasMan, "man-db is not installed: the roff text is checked by the test above"))
  func theManualRendersWithManL() throws {
    let manual = try run(["config", "manual"])
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let page = directory + "/newsreader-config.5"
    try manual.stdout.write(toFile: page, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/man")
    process.arguments = ["-l", page]
    var environment = ProcessInfo.processInfo.environment
    environment["MANWIDTH"] = "100"
    environment["MANPAGER"] = "cat"
    environment["PAGER"] = "cat"
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(warnings.isEmpty, "\(warnings)")
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines.first?.hasPrefix("NEWSREADER-CONFIG(5)") == true)
    for setting in Setting.all {
      #expect(
        lines.contains { $0 == setting.name || $0.hasPrefix(setting.name + " ") },
        "setting \(setting.name) is not a heading in the rendered page")
    }
  }

  @Test func topLevelHelpSaysPathsOpenTheReaderAndListsItsOptions() throws {
    let help = try run(["--help"], environment: ["COLUMNS": "100"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("`newsreader PATH...` (the default command, `read`) opens the reader"))
    for option in ["<paths>", "--config <file>", "--theme <theme>", "--sort <sort>", "--max-file-size"] {
      #expect(help.stdout.contains("READER OPTIONS:") && help.stdout.contains(option), "\(option)")
    }
    #expect(help.stdout.contains("config "))
  }
}
