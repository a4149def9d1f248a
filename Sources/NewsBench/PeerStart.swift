import Foundation
import NewsCore

/// The reader's terminal peers (sfeed_curses, newsboat): their feed files written by
/// scripts/bench/peer_feeds.py, their starts timed by scripts/bench/peer_screen.py.
enum PeerStart {
  /// A peer the bench starts, with what it reads and how its rows are named.
  enum Peer: String, CaseIterable {
    case sfeedCurses = "sfeed_curses"
    case newsboat

    /// The start of its rows' keys, e.g. `peer_sfeed_curses`.
    var keyPrefix: String { "peer_\(rawValue)" }

    /// The Debian package that has it, which `scripts/setup.sh --bench-peers` installs.
    var package: String { self == .sfeedCurses ? "sfeed" : "newsboat" }

    /// Whether its command is an executable on PATH (peer_screen.py checks again, the same way).
    var isInstalled: Bool {
      let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
      return path.split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(rawValue)")
      }
    }

    var notInstalled: String {
      "\(rawValue) is not installed (Debian package \(package); make bench installs it when it can)"
    }
  }

  /// What peer_feeds.py printed: where the converted files are, or why there are none.
  struct Feeds: Decodable {
    var tsv: String?
    var atom: String?
    var records: Int?
    var unreadable: Int?
    var cached: Bool?
    var seconds: Double?
    /// Set when PyYAML with libyaml is absent.
    var missing: String?
    var error: String?
  }

  /// What peer_screen.py printed for one peer.
  struct Answer: Decodable {
    var listedMs: [Double]?
    var peakResidentKb: [Int]?
    var exitStatuses: [Int]?
    /// newsboat only: each `-x reload` into a fresh cache, and its ru_maxrss in KiB.
    var importSeconds: [Double]?
    var importPeakKb: [Int]?
    var version: String?
    var columns: Int?
    var rows: Int?
    /// Set when the peer is not installed or there are no pseudo-terminals: a skipped row, not a failure.
    var missing: String?
    /// Set when a start (or the import) did not reach the full list; `screen` is what it showed.
    var error: String?
    var screen: [String]?
  }

  /// Converts `corpus` into `out` (a cache the script reuses while the corpus is unchanged).
  static func convert(script: String, corpus: String, out: String) -> Result<Feeds, PeerFailure> {
    decode(Feeds.self, name: "peer_feeds.py", arguments: [script, corpus, "--out", out])
  }

  /// `repetitions` timed starts of `peer` over `feed` (its TSV or Atom file) after one untimed start;
  /// newsboat imports the feed `imports` times first.
  static func run(
    script: String, peer: Peer, feed: String, records: Int, repetitions: Int, imports: Int
  ) -> Result<Answer, PeerFailure> {
    decode(
      Answer.self, name: "peer_screen.py",
      arguments: [
        script, peer.rawValue, feed, "--records", String(records), "--repetitions", String(repetitions),
        "--imports", String(imports),
      ])
  }

  private static func decode<Value: Decodable>(
    _ type: Value.Type, name: String, arguments: [String]
  ) -> Result<Value, PeerFailure> {
    let run: PythonScript.Output
    do {
      run = try PythonScript.run(arguments)
    } catch {
      return .failure(PeerFailure(reason: "could not start python3: \(error)"))
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    guard let answer = try? decoder.decode(Value.self, from: run.stdout) else {
      return .failure(PeerFailure(reason: "\(name) exited with status \(run.status) and no JSON answer"))
    }
    return .success(answer)
  }

  /// The cache directory of the converted feeds of `corpus`: beside the generated corpora, named after the
  /// corpus's real path, so a corpus given with --corpus is never written into.
  static func feedDirectory(corpusRoot: String, corpus: String) -> String {
    let real = URL(fileURLWithPath: corpus).resolvingSymlinksInPath().standardizedFileURL.path
    let name = URL(fileURLWithPath: real).lastPathComponent
    return "\(corpusRoot)/peer-feeds/\(name)-\(StableHash.hex(real).prefix(12))"
  }
}
