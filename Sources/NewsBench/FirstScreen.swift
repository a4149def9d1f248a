import Foundation

/// Start-up of the real `newsreader` binary on a pseudo-terminal, timed by scripts/bench/first_screen.py.
struct FirstScreen {
  /// What first_screen.py printed: milliseconds per start, or why it measured nothing.
  struct Answer: Decodable {
    var firstScreenMs: [Double]?
    /// When the header first counted a screenful of articles (a first load lists them while it runs).
    var firstArticlesMs: [Double]?
    var recordsListedMs: [Double]?
    /// When every record was whole as well (a warm start lists its listing's rows first, then the records).
    var recordsCompleteMs: [Double]?
    /// The reader's VmHWM in KiB when every record was whole, one per timed start.
    var peakResidentKb: [Int]?
    /// Once the reader settled (its CPU time still for a second: search index built, load index written):
    /// when, from the start, and its VmHWM and VmRSS then, in KiB.
    var settledMs: [Double]?
    var settledPeakKb: [Int]?
    var settledResidentKb: [Int]?
    /// Starts that had not settled within the wait and were read then.
    var unsettledStarts: Int?
    var exitStatuses: [Int]?
    var columns: Int?
    var rows: Int?
    /// Set when the system has no pseudo-terminals (or the binary is not built).
    var missing: String?
    /// Set when the reader did not reach a screen the script waits for.
    var error: String?
    /// The emulated screen at the time of `error`.
    var screen: [String]?
    /// Timed starts that did not list the records.
    var failedStarts: Int?
  }

  /// The rows "start to first screen", "start to a screenful of articles", "start to records listed" and
  /// its peak memory, plus any broken invariant.
  struct Outcome {
    var rows: [BenchRow]
    var problems: [String] = []
    /// The median of "start to records listed" in milliseconds, which the peer rows are compared with.
    var listedMs: Double?
  }

  /// How the reader starts: without its load index (every file parsed) or from an index that the untimed
  /// warm-up start wrote.
  enum Start {
    case cold
    case warm(cacheDirectory: String)
    /// From an index written before one file of the corpus (a private copy) was changed.
    case warmOneChanged(cacheDirectory: String)

    var readerArguments: [String] {
      if case .cold = self { return ["--reader-arg=--no-index"] }
      return []
    }

    var scriptArguments: [String] {
      switch self {
      case .cold: return []
      case .warm(let directory), .warmOneChanged(let directory): return ["--cache-dir", directory]
      }
    }

    var label: String {
      switch self {
      case .cold: return "cold, no index"
      case .warm: return "warm, from the index"
      case .warmOneChanged: return "warm, one file changed since the index"
      }
    }

    var keySuffix: String {
      switch self {
      case .cold: return "_cold"
      case .warm: return "_warm"
      case .warmOneChanged: return "_warm_one_changed"
      }
    }
  }

  static let firstKey = "first_screen_ms"
  static let articlesKey = "first_articles_ms"
  static let listedKey = "records_listed_ms"
  static let completeKey = "records_complete_ms"
  static let peakKey = "start_peak_resident_mib"
  static let settledPeakKey = "settled_peak_resident_mib"
  static let settledResidentKey = "settled_resident_mib"
  /// Seconds a start may take to settle once every record is whole.
  static let settleSeconds = 30
  /// Lines of a failed start's screen quoted in the report: enough for a crash's first frames.
  static let screenLines = 16

  /// Starts `binary` over `corpus` (`records` record files of `corpusBytes` bytes) `repetitions` times
  /// after one untimed start.
  static func measure(
    script: String, binary: String, corpus: String, records: Int, corpusBytes: Int, repetitions: Int,
    start: Start
  )
    -> Outcome
  {
    let firstKey = Self.firstKey + start.keySuffix
    let articlesKey = Self.articlesKey + start.keySuffix
    let listedKey = Self.listedKey + start.keySuffix
    let completeKey = Self.completeKey + start.keySuffix
    let peakKey = Self.peakKey + start.keySuffix
    let firstLabel = "start to first screen, \(start.label)"
    let articlesLabel = "start to a screenful of articles, \(start.label)"
    let listedLabel = "start to records listed, \(start.label)"
    let completeLabel = "start to every record whole, \(start.label)"
    let peakLabel = "peak memory at every record whole, \(start.label)"
    func unmeasured(_ reason: String) -> [BenchRow] {
      [
        .notMeasured(
          key: firstKey, label: firstLabel, records: records, unit: "ms", reason: reason),
        .notMeasured(
          key: articlesKey, label: articlesLabel, records: records, unit: "ms", reason: reason),
        .notMeasured(
          key: listedKey, label: listedLabel, records: records, unit: "ms", reason: reason),
        .notMeasured(
          key: completeKey, label: completeLabel, records: records, unit: "ms", reason: reason),
        .notMeasured(key: peakKey, label: peakLabel, records: records, unit: "MiB", reason: reason),
        .notMeasured(
          key: Self.settledPeakKey + start.keySuffix, label: "peak memory once settled, \(start.label)",
          records: records, unit: "MiB", reason: reason),
        .notMeasured(
          key: Self.settledResidentKey + start.keySuffix,
          label: "resident memory once settled, \(start.label)",
          records: records, unit: "MiB", reason: reason),
      ]
    }
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      return Outcome(rows: unmeasured("\(binary) is not built (make bench builds it)"))
    }
    let run: PythonScript.Output
    do {
      run = try PythonScript.run(
        [
          script, binary, corpus, "--records", String(records), "--repetitions", String(repetitions),
          "--settle", String(settleSeconds),
        ] + start.readerArguments + start.scriptArguments)
    } catch {
      return Outcome(rows: unmeasured("could not start python3: \(error)"))
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    guard run.status == 0, let answer = try? decoder.decode(Answer.self, from: run.stdout) else {
      let reason = "first_screen.py exited with status \(run.status) and no JSON answer"
      return Outcome(rows: unmeasured(reason), problems: [reason])
    }
    if let missing = answer.missing { return Outcome(rows: unmeasured(missing)) }
    var outcome = Outcome(rows: [])
    if let error = answer.error {
      // The reader's own failure (a crash, a hang): a broken product, so the run fails and says what it showed.
      let screen = (answer.screen ?? []).prefix(screenLines).map {
        "  | \($0.trimmingCharacters(in: .whitespaces))"
      }
      let starts = answer.failedStarts.map { " (\($0) of \(repetitions) timed starts)" } ?? ""
      outcome.problems.append(
        (["the reader over \(corpus)\(starts): \(error); its screen began:"] + screen).joined(separator: "\n")
      )
    }
    let failedExits = (answer.exitStatuses ?? []).filter { $0 != 0 }
    if !failedExits.isEmpty {
      outcome.problems.append("the reader exited with status \(failedExits) after q over \(corpus)")
    }
    let window = "\(answer.columns ?? 0)x\(answer.rows ?? 0)"
    for (key, label, samples, event) in [
      (firstKey, firstLabel, answer.firstScreenMs ?? [], "header drawn"),
      (
        articlesKey, articlesLabel, answer.firstArticlesMs ?? [],
        "header counts min(N, 60) articles, the rows of the terminal"
      ),
      (
        listedKey, listedLabel, answer.recordsListedMs ?? [],
        "header shows every record, no longer loading"
      ),
      (
        completeKey, completeLabel, answer.recordsCompleteMs ?? [],
        "header shows every record and no longer \"reading details\" (the listing's rows replaced by the records)"
      ),
    ] {
      guard let slowest = samples.max() else {
        outcome.rows.append(
          .notMeasured(
            key: key, label: label, records: records, unit: "ms",
            reason: key == firstKey
              ? "no header drawn; \(answer.error ?? "no timings")" : answer.error ?? "no timings"))
        continue
      }
      outcome.rows.append(
        BenchRow(
          key: key, label: label, records: records, value: Stopwatch.median(samples), unit: "ms",
          note: "median of \(samples.count) starts (slowest \(String(format: "%.0f", slowest)) ms) of "
            + "\(shortName(binary)) on a \(window) pseudo-terminal until \(event)"))
    }
    if let listed = answer.recordsListedMs, !listed.isEmpty { outcome.listedMs = Stopwatch.median(listed) }
    outcome.rows.append(
      peakRow(
        key: peakKey, label: peakLabel, records: records, kibibytes: answer.peakResidentKb ?? [],
        corpusBytes: corpusBytes, what: "\(shortName(binary)) when every record was whole"))
    // The peak of the whole start: the search index built and the load index written after the records.
    let settledAfter =
      (answer.settledMs ?? []).isEmpty
      ? ""
      : String(format: ", settled %.1f s after its start", Stopwatch.median(answer.settledMs ?? []) / 1000)
    let unsettled =
      (answer.unsettledStarts ?? 0) > 0
      ? "; \(answer.unsettledStarts ?? 0) not settled within \(settleSeconds) s, read then" : ""
    var settledPeak = peakRow(
      key: Self.settledPeakKey + start.keySuffix, label: "peak memory once settled, \(start.label)",
      records: records, kibibytes: answer.settledPeakKb ?? [], corpusBytes: corpusBytes,
      what:
        "\(shortName(binary)) once its CPU time stood still for a second (search index built, index written)")
    settledPeak.note += settledAfter + unsettled
    outcome.rows.append(settledPeak)
    outcome.rows.append(
      peakRow(
        key: Self.settledResidentKey + start.keySuffix, label: "resident memory once settled, \(start.label)",
        records: records, kibibytes: answer.settledResidentKb ?? [], corpusBytes: corpusBytes,
        what: "the same moments", source: "VmRSS"))
    return outcome
  }

  /// Peak memory as the median VmHWM of the starts, against the corpus bytes; shared with the peer rows.
  static func peakRow(
    key: String, label: String, records: Int, kibibytes: [Int], corpusBytes: Int, what: String,
    source: String = "VmHWM"
  ) -> BenchRow {
    guard !kibibytes.isEmpty else {
      return .notMeasured(
        key: key, label: label, records: records, unit: "MiB", reason: "no \(source) read (no /proc?)")
    }
    let bytes = Stopwatch.median(kibibytes.map { Double($0) * 1024 })
    return BenchRow(
      key: key, label: label, records: records, value: bytes / 1_048_576, unit: "MiB",
      ratio: corpusBytes > 0 ? bytes / Double(corpusBytes) : nil, ratioTo: "corpus bytes",
      note: "median \(source) of \(kibibytes.count) of \(what); corpus "
        + "\(String(format: "%.1f", Double(corpusBytes) / 1_048_576)) MiB")
  }

  /// `release/newsreader` for `.build/x86_64-unknown-linux-gnu/release/newsreader`: which build was timed.
  static func shortName(_ binary: String) -> String {
    URL(fileURLWithPath: binary).pathComponents.suffix(2).joined(separator: "/")
  }

  /// The `newsreader` built beside this NewsBench binary (release for `make bench`, debug for the smoke).
  static var siblingBinary: String {
    let me =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return ((me as NSString).deletingLastPathComponent as NSString).appendingPathComponent("newsreader")
  }
}
