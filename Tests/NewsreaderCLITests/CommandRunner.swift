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

  /// Runs `executable` (the built binary unless told) with `arguments`.
  static func run(_ arguments: [String], executable: String = binary) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
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
