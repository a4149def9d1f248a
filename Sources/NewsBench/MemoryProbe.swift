import Foundation
import NewsCore

/// Peak resident memory of a load, measured in a child process so the benchmark's own work does not count.
enum MemoryProbe {
  /// What the child reports on stdout as JSON.
  struct Answer: Codable {
    /// VmHWM of the child after the load, in bytes.
    var peakResidentBytes: Int
    /// Records the load produced (0 for the baseline run, which loads nothing).
    var articles: Int
  }

  /// The child's side (`NewsBench measure-memory DIR` or `--baseline`): load, keep the result alive, print the peak.
  static func childMain(arguments: [String]) -> Int32 {
    let baseline = arguments.first == "--baseline"
    var articles = 0
    if !baseline {
      guard let directory = arguments.first else {
        FileHandle.standardError.write(Data("usage: NewsBench measure-memory DIR | --baseline\n".utf8))
        return 2
      }
      let result = SeedLoader(options: LoadOptions()).load(paths: [directory])
      articles = result.articles.count
      // Read the peak while the result is still alive.
      withExtendedLifetime(result) {}
    }
    guard let peak = peakResidentBytes() else {
      FileHandle.standardError.write(Data("measure-memory: /proc/self/status has no VmHWM\n".utf8))
      return 1
    }
    let answer = Answer(peakResidentBytes: peak, articles: articles)
    print(String(decoding: try! JSONEncoder().encode(answer), as: UTF8.self))
    return 0
  }

  /// VmHWM from /proc/self/status in bytes, or nil off Linux.
  static func peakResidentBytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      if fields.count >= 2, let kibibytes = Int(fields[1]) { return kibibytes * 1024 }
    }
    return nil
  }

  /// The parent's side: runs this executable again as `measure-memory` and reads its answer.
  static func measure(arguments: [String]) -> Answer? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["measure-memory"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return try? JSONDecoder().decode(Answer.self, from: data)
  }
}
