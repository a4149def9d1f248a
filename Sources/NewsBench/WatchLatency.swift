import Foundation

/// The real `newsreader` following a copy of the corpus on a pseudo-terminal, timed by
/// scripts/bench/watch_latency.py: a file written by temporary file and rename until it is listed, a burst of
/// files until all are, and the CPU the reader uses while watching and idle.
struct WatchLatency {
  /// What watch_latency.py printed.
  struct Answer: Decodable {
    var arrivalMs: [Double]?
    var idleCpuPercent: Double?
    var idleSeconds: Double?
    var burstMs: Double?
    var burstWriteMs: Double?
    var burstRescanning: Bool?
    var exitStatus: Int?
    var missing: String?
    var error: String?
    var screen: [String]?
  }

  static let arrivalKey = "watch_arrival_p95_ms"
  static let burstKey = "watch_burst_seconds"
  static let idleKey = "watch_idle_cpu_percent"

  /// Runs the script with `arrivals` single files, a burst of `burst` files and `idleSeconds` of quiet.
  static func measure(
    script: String, binary: String, corpus: String, records: Int, arrivals: Int, burst: Int, idleSeconds: Int,
    settleSeconds: Int
  ) -> FirstScreen.Outcome {
    let arrivalLabel = "watch: temp+rename to listed, p95"
    let burstLabel = "watch: \(burst.formatted()) files in a burst to all listed"
    let idleLabel = "watch: CPU of the idle watching reader"
    func unmeasured(_ reason: String) -> [BenchRow] {
      [
        .notMeasured(key: arrivalKey, label: arrivalLabel, records: records, unit: "ms", reason: reason),
        .notMeasured(key: burstKey, label: burstLabel, records: records, unit: "s", reason: reason),
        .notMeasured(key: idleKey, label: idleLabel, records: records, unit: "%", reason: reason),
      ]
    }
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      return FirstScreen.Outcome(rows: unmeasured("\(binary) is not built (make bench builds it)"))
    }
    let run: PythonScript.Output
    do {
      run = try PythonScript.run([
        script, binary, corpus, "--records", String(records), "--arrivals", String(arrivals), "--burst",
        String(burst), "--idle-seconds", String(idleSeconds), "--settle-seconds", String(settleSeconds),
      ])
    } catch {
      return FirstScreen.Outcome(rows: unmeasured("could not start python3: \(error)"))
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    guard run.status == 0, let answer = try? decoder.decode(Answer.self, from: run.stdout) else {
      let reason = "watch_latency.py exited with status \(run.status) and no JSON answer"
      return FirstScreen.Outcome(rows: unmeasured(reason), problems: [reason])
    }
    if let missing = answer.missing { return FirstScreen.Outcome(rows: unmeasured(missing)) }
    if let error = answer.error {
      let screen = (answer.screen ?? []).prefix(FirstScreen.screenLines).map {
        "  | \($0.trimmingCharacters(in: .whitespaces))"
      }
      return FirstScreen.Outcome(
        rows: unmeasured(error),
        problems: [
          (["the watching reader over a copy of \(corpus): \(error); its screen:"] + screen).joined(
            separator: "\n")
        ])
    }
    var outcome = FirstScreen.Outcome(rows: [])
    if let status = answer.exitStatus, status != 0 {
      outcome.problems.append("the watching reader exited with status \(status) after q")
    }
    let binaryName = FirstScreen.shortName(binary)
    if let samples = answer.arrivalMs, !samples.isEmpty {
      outcome.rows.append(
        BenchRow(
          key: arrivalKey, label: arrivalLabel, records: records, value: Stopwatch.percentile(samples, 0.95),
          unit: "ms",
          note: "\(samples.count) files a second apart into a copy of the corpus; median "
            + "\(String(format: "%.0f", Stopwatch.median(samples))) ms, slowest "
            + "\(String(format: "%.0f", samples.max()!)) ms; \(binaryName) on a pseudo-terminal until its "
            + "header counts the file; a lone file is loaded without the coalescing wait"))
    } else {
      outcome.rows.append(
        .notMeasured(
          key: arrivalKey, label: arrivalLabel, records: records, unit: "ms", reason: "no arrivals"))
    }
    if let milliseconds = answer.burstMs {
      let how = answer.burstRescanning == true ? "inotify's queue overflowed: by rescanning" : "by inotify"
      outcome.rows.append(
        BenchRow(
          key: burstKey, label: burstLabel, records: records, value: milliseconds / 1000, unit: "s",
          note: "from the first file written (writing took "
            + "\(String(format: "%.1f", (answer.burstWriteMs ?? 0) / 1000)) s) until the header counts all; \(how)"
        ))
    } else {
      outcome.rows.append(
        .notMeasured(key: burstKey, label: burstLabel, records: records, unit: "s", reason: "no burst"))
    }
    if let percent = answer.idleCpuPercent {
      outcome.rows.append(
        BenchRow(
          key: idleKey, label: idleLabel, records: records, value: percent, unit: "%",
          note:
            "user+system time from /proc/PID/stat over \(answer.idleSeconds.map { String(format: "%.0f", $0) } ?? "?") "
            + "quiet seconds, of one core, once the index write after the changes was done and \(settleSeconds) s more passed"
        ))
    }
    return outcome
  }
}
