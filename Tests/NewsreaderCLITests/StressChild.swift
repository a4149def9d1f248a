import Foundation
import TestSupport

/// `newsreader state _stress` running as a child: what it said it queued and wrote, with when each line
/// arrived, and a way to kill -9 it.
final class StressChild: @unchecked Sendable {
  let prefix: String
  private let process = Process()
  private let lock = NSLock()
  private var buffer: [UInt8] = []
  private var queuedAt: [String: Date] = [:]
  private var writtenIDs: Set<String> = []
  private var isReady = false
  private let finished = DispatchSemaphore(value: 0)

  init(statePath: String, prefix: String, seed: UInt64) throws {
    self.prefix = prefix
    process.executableURL = URL(fileURLWithPath: BuiltProduct.binary)
    process.arguments = [
      "state", "_stress", "--prefix", prefix, "--seed", String(seed), "--state", statePath,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let handle = output.fileHandleForReading
    DispatchQueue.global().async {
      while true {
        let data = handle.availableData
        if data.isEmpty { break }
        self.take(data)
      }
      self.finished.signal()
    }
  }

  private func take(_ data: Data) {
    let now = Date()
    lock.withLock {
      buffer += data
      while let newline = buffer.firstIndex(of: 0x0A) {
        let line = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        if line == "ready" {
          isReady = true
        } else if line.hasPrefix("q ") {
          queuedAt[String(line.dropFirst(2))] = now
        } else if line.hasPrefix("w ") {
          writtenIDs.insert(String(line.dropFirst(2)))
        }
      }
    }
  }

  var ready: Bool { lock.withLock { isReady } }
  var writtenCount: Int { lock.withLock { writtenIDs.count } }

  /// Kills the child with SIGKILL and waits until it is gone and its last line has been read;
  /// returns when the signal was sent.
  func kill() -> Date {
    let killedAt = Date()
    Foundation.kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    finished.wait()
    return killedAt
  }

  /// Ids the child reported committed, and ids it reported queued before `moment`.
  func reports(queuedBefore moment: Date) -> (written: Set<String>, queuedEarly: Set<String>) {
    lock.withLock { (writtenIDs, Set(queuedAt.filter { $0.value < moment }.keys)) }
  }
}

/// Polls `condition` until it holds or `seconds` pass.
func eventually(within seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if try condition() { return true }
    usleep(2_000)
  }
  return try condition()
}
