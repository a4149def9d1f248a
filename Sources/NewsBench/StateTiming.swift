import Foundation
import NewsCore
import NewsStore

/// The reading state's rows: loading every mark of the loaded articles from the store (the part of
/// "apply the state at start" that touches SQLite) and queueing one mark on the run loop.
enum StateTiming {
  /// Marks every loaded article in a fresh state file (all read, every tenth starred, all first seen),
  /// then times `marks()` plus the dictionary by id the reader looks marks up in, and `queue` calls
  /// while the background writer commits them.
  static func measure(catalog: ArticleCatalog, repetitions: Int, problems: inout [String]) -> [BenchRow] {
    let records = catalog.articles.count
    let loadKey = "state_load_marks_ms"
    let loadLabel = "reading state: load every mark"
    let queueKey = "state_queue_mark_p95_ms"
    let queueLabel = "reading state: queue one mark p95"
    let directory = NSTemporaryDirectory() + "newsbench-state-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let opening = StateStore.open(path: directory + "/state.sqlite", now: Date().timeIntervalSince1970)
    guard let store = opening.store, opening.unsavedReason == nil else {
      let reason = opening.unsavedReason ?? "no store"
      return [
        .notMeasured(key: loadKey, label: loadLabel, records: records, unit: "ms", reason: reason),
        .notMeasured(key: queueKey, label: queueLabel, records: records, unit: "ms", reason: reason),
      ]
    }
    let now = Date().timeIntervalSince1970
    do {
      let session = try store.beginSession(now: now)
      _ = try store.recordFirstSeen(
        catalog.articles.map { (id: $0.id.rawValue, url: $0.item.openableURL) }, now: now, session: session)
      var changes: [MarkChange] = []
      for (index, article) in catalog.articles.enumerated() {
        changes.append(MarkChange(id: article.id.rawValue, kind: .read, at: now))
        if index % 10 == 0 { changes.append(MarkChange(id: article.id.rawValue, kind: .star, at: now)) }
      }
      try store.apply(changes)
    } catch {
      problems.append("could not fill the state file: \(error)")
      return []
    }

    var loaded = 0
    var samples: [Double] = []
    for repetition in 0...repetitions {
      let seconds = Stopwatch.seconds {
        let marks = (try? store.marks()) ?? []
        let byID = Dictionary(marks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        loaded = byID.count
      }
      if repetition > 0 { samples.append(seconds) }  // the first warms SQLite's page cache
    }
    if loaded != records {
      problems.append("the state store returned \(loaded) marks for \(records) articles")
    }

    let writer = MarkWriter(store: store)
    var queueSamples: [Double] = []
    let ids = catalog.articles.prefix(10_000).map(\.id.rawValue)
    for (index, id) in ids.enumerated() {
      let change = MarkChange(id: id, kind: index % 2 == 0 ? .unread : .read, at: now + Double(index))
      queueSamples.append(Stopwatch.seconds { writer.queue(change) })
    }
    writer.finish()
    if writer.writtenCount != ids.count {
      problems.append("the mark writer wrote \(writer.writtenCount) of \(ids.count) queued marks")
    }
    store.close()
    return [
      BenchRow(
        key: loadKey, label: loadLabel, records: records, value: Stopwatch.median(samples) * 1000, unit: "ms",
        note:
          "median of \(samples.count); marks() and a dictionary by id; target for all of apply at start ≤ 50 ms"
      ),
      BenchRow(
        key: queueKey, label: queueLabel, records: records,
        value: Stopwatch.percentile(queueSamples, 0.95) * 1000, unit: "ms",
        note:
          "\(queueSamples.count) queue calls while the writer commits them (\(writer.batchCount) transactions), max \(String(format: "%.3f", (queueSamples.max() ?? 0) * 1000)) ms; target ≤ 1 ms"
      ),
    ]
  }
}
