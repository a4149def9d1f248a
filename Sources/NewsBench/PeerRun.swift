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
    let run: PythonScript.Output
    do {
      run = try PythonScript.run([script, corpus, "--repetitions", String(repetitions)])
    } catch {
      return .failure(PeerFailure(reason: "could not start python3: \(error)"))
    }
    guard run.status == 0 else {
      return .failure(PeerFailure(reason: "pyyaml_peer.py exited with status \(run.status)"))
    }
    guard let answer = try? JSONDecoder().decode(Answer.self, from: run.stdout) else {
      return .failure(PeerFailure(reason: "pyyaml_peer.py printed no JSON answer"))
    }
    return .success(answer)
  }
}

/// Why the peer produced no figure.
struct PeerFailure: Error {
  var reason: String
}
