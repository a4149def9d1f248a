import Foundation

/// The command line of a benchmark run.
struct BenchOptions {
  var records = 100_000
  /// An existing corpus to measure instead of generated ones.
  var corpus: String?
  /// Where generated corpora are cached, one directory per record count.
  var corpusRoot = ".build/bench-corpus"
  /// Where generate_corpus.py and pyyaml_peer.py live.
  var scripts = "scripts/bench"
  var repetitions = 5
  /// The peer is slow (about 30 s a pass at 100,000 records), so it gets fewer passes unless asked.
  var peerRepetitions: Int?
  var json = false
  var smoke = false
  /// Only the catalog build and the query rows, on the largest corpus.
  var queriesOnly = false
  /// Only the reader's reading-state rows (marks applied, unread-only filter), on the largest corpus.
  var readingOnly = false
  /// Only the stories rows (grouping, the view's toggle and moves, its frames), on the largest corpus.
  var storiesOnly = false
  /// Only the frame rows (every scene at 200x60 and 80x24), on the largest corpus.
  var framesOnly = false
  /// Only the watch rows (a change merged in process, the watching reader on a pseudo-terminal), on the
  /// largest corpus.
  var watchOnly = false
  /// Only our own cold and warm starts and the terminal peers' (sfeed_curses, newsboat), on the largest
  /// corpus.
  var peersOnly = false
  /// Only the libyaml floor, the loads (one thread, all cores) and the index rows, on the largest corpus.
  var loadsOnly = false
  /// The reader binary whose start-up is timed; by default the `newsreader` beside this program.
  var reader: String?
  /// Frames rendered and timed one by one for each frame row.
  var frames: Int { smoke ? 100 : 1_000 }

  var readerBinary: String { reader ?? FirstScreen.siblingBinary }

  static let usage = """
    usage: NewsBench [--records N] [--corpus DIR] [--corpus-root DIR] [--scripts DIR]
                     [--repetitions N] [--peer-repetitions N] [--reader PATH] [--json] [--smoke]
                     [--queries-only] [--reading-only] [--stories-only] [--frames-only] [--watch-only]
                     [--peers-only] [--loads-only]
           NewsBench measure-memory DIR | --baseline
    Runs from the package root. Without --corpus, generates (and caches) corpora of 10,000 and N records
    under --corpus-root with scripts/bench/generate_corpus.py. --smoke: 1,000 records, 1 repetition.
    --reader: the newsreader binary started on a pseudo-terminal (default: the one beside NewsBench).
    --queries-only: load the largest corpus once, then only the catalog build and the query rows.
    --reading-only: load the largest corpus once, then only the reader's reading-state rows.
    --stories-only: load the largest corpus once, then only the stories rows (grouping, view, frames).
    --frames-only: load the largest corpus once, then only the frame rows of every scene.
    --watch-only: only the watch rows on the largest corpus (a change merged in process, then the reader
    following a copy of it: arrivals, a burst, idle CPU).
    --peers-only: only our own cold and warm starts and the peers' on the largest corpus: sfeed_curses on
    one TSV file and newsboat on one Atom feed of the same records (converted by scripts/bench/peer_feeds.py,
    cached under --corpus-root/peer-feeds), each on a 200x60 pseudo-terminal until its full list shows; a
    peer that is not installed is skipped with a note. newsboat imports the feed once (--peer-repetitions N:
    N times) with -x reload.
    --loads-only: only the libyaml floor, the loads (one thread, all cores) and the index rows, on the
    largest corpus.
    """

  /// Parses `arguments` (without the program name); throws a message for the user.
  static func parse(_ arguments: [String]) throws(UsageError) -> BenchOptions {
    var options = BenchOptions()
    var explicitRepetitions = false
    var remaining = arguments[...]
    func value(_ flag: String) throws(UsageError) -> String {
      guard let next = remaining.popFirst() else { throw UsageError(message: "\(flag) needs a value") }
      return next
    }
    func count(_ flag: String) throws(UsageError) -> Int {
      let text = try value(flag)
      guard let number = Int(text.replacingOccurrences(of: "_", with: "")), number > 0 else {
        throw UsageError(message: "\(flag) needs a positive whole number, not \(text)")
      }
      return number
    }
    while let argument = remaining.popFirst() {
      switch argument {
      case "--records": options.records = try count(argument)
      case "--corpus": options.corpus = try value(argument)
      case "--corpus-root": options.corpusRoot = try value(argument)
      case "--scripts": options.scripts = try value(argument)
      case "--repetitions":
        options.repetitions = try count(argument)
        explicitRepetitions = true
      case "--peer-repetitions": options.peerRepetitions = try count(argument)
      case "--reader": options.reader = try value(argument)
      case "--json": options.json = true
      case "--smoke": options.smoke = true
      case "--queries-only": options.queriesOnly = true
      case "--reading-only": options.readingOnly = true
      case "--stories-only": options.storiesOnly = true
      case "--frames-only": options.framesOnly = true
      case "--watch-only": options.watchOnly = true
      case "--peers-only": options.peersOnly = true
      case "--loads-only": options.loadsOnly = true
      case "--help", "-h": throw UsageError(message: usage, isHelp: true)
      default: throw UsageError(message: "unknown argument \(argument)\n\(usage)")
      }
    }
    if options.smoke {
      options.records = 1_000
      if !explicitRepetitions { options.repetitions = 1 }
    }
    return options
  }

  /// Record counts to generate and measure: 10,000 for the latency rows, and `records`.
  var sizes: [Int] {
    smoke || records <= 10_000 ? [records] : [10_000, records]
  }

  var effectivePeerRepetitions: Int { peerRepetitions ?? min(repetitions, 3) }
}

/// A bad command line, or a request for help.
struct UsageError: Error {
  var message: String
  var isHelp = false
}
