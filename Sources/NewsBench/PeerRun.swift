import Foundation

/// Runs scripts/bench/pyyaml_peer.py, which times PyYAML's CSafeLoader over the corpus and answers in JSON.
struct PeerRun {
  /// What the peer script printed.
  struct Answer: Decodable {
    var seconds: [Double]?
    var files: Int?
    var documents: Int?
    var pyyaml: String?
    /// Set when PyYAML or its libyaml binding is absent.
    var missing: String?
  }

  /// The peer's answer, or a reason it could not run (no python3, a crash, unreadable output).
  static func run(script: String, corpus: String, repetitions: Int) -> Result<Answer, PeerFailure> {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, corpus, "--repetitions", String(repetitions)]
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return .failure(PeerFailure(reason: "could not start python3: \(error)"))
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      return .failure(PeerFailure(reason: "pyyaml_peer.py exited with status \(process.terminationStatus)"))
    }
    guard let answer = try? JSONDecoder().decode(Answer.self, from: data) else {
      return .failure(PeerFailure(reason: "pyyaml_peer.py printed no JSON answer"))
    }
    return .success(answer)
  }
}

/// Why the peer produced no figure.
struct PeerFailure: Error {
  var reason: String
}
