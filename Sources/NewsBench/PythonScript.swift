import Foundation

/// Runs one of the `scripts/bench` Python programs and returns what it printed.
enum PythonScript {
  struct Output {
    var status: Int32
    var stdout: Data
  }

  /// `python3 arguments…` through `env`, with standard input from /dev/null; throws when it cannot start.
  static func run(_ arguments: [String]) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: data)
  }
}
