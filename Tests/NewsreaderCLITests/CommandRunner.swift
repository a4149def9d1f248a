import Foundation
import TestSupport

/// Runs the built `newsreader` binary and captures what it printed and how it exited.
struct CommandRunner {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: [UInt8]
  }

  static let packageRoot = BuiltProduct.packageRoot

  static let fixtures = packageRoot + "/Tests/Fixtures/Loader"

  static let binary = BuiltProduct.binary

  /// A data directory that does not exist, so a command run without `--state` never reads or writes the
  /// reading state of whoever runs the tests.
  static let isolatedDataHome = NSTemporaryDirectory() + "newsreader-cli-tests-\(getpid())-no-data"
  /// A cache directory of this test run's own, so the load index of whoever runs the tests is left alone.
  static let isolatedCacheHome = NSTemporaryDirectory() + "newsreader-cli-tests-\(getpid())-cache"

  /// Runs `executable` (the built binary unless told) with `arguments`.
  static func run(
    _ arguments: [String], executable: String = binary, environment: [String: String] = [:]
  ) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    merged["XDG_DATA_HOME"] = isolatedDataHome
    merged["XDG_CACHE_HOME"] = isolatedCacheHome
    process.environment = merged.merging(environment) { _, given in given }
    process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // stderr is drained on another thread while stdout is read, so neither pipe can fill and block the child.
    nonisolated(unsafe) var errData = Data()
    let errDone = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      errDone.signal()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errDone.wait()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: [UInt8](outData))
  }
}
