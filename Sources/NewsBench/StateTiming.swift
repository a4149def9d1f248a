import Foundation
import NewsCore
import NewsStore
import ReaderState
import ReaderView

/// The reading state's rows against a real state file: opening it, the whole of "apply the state at
/// start" (reading the store and applying the marks to every loaded article), and one mark made on the
/// run loop.
enum StateTiming {
  /// A state file as a long-used reader leaves it: every loaded article first seen, every other one
  /// read, every tenth starred, plus marks of 10,000 articles no longer loaded. Then times
  ///
  /// - opening it as the reader does (quick check, migrations, the session's write; off the run loop),
  /// - the start: `ReadingMarks(reading: store.forEachMark)` (the reader's own expression, off the run
  ///   loop) and `.marksLoaded` applied to the model of every loaded article (on the run loop),
  /// - a mark: `.toggleRead` or `.toggleStar` applied on the run loop plus queueing its writes on the
  ///   background writer, which commits them meanwhile.
  static func measure(catalog: ArticleCatalog, repetitions: Int, problems: inout [String]) -> [BenchRow] {
    let records = catalog.articles.count
    let openRow = (key: "state_open_ms", label: "reading state: open the file (off the run loop)")
    let startRow = (key: "state_start_ms", label: "reading state at start: read and apply")
    let markRow = (key: "state_mark_p95_ms", label: "reading state: one mark on the run loop p95")
    let seenRow = (key: "state_first_seen_ms", label: "reading state: first-seen after a load")
    let directory = NSTemporaryDirectory() + "newsbench-state-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/state.sqlite"
    func notMeasured(_ reason: String) -> [BenchRow] {
      [openRow, startRow, markRow, seenRow].map {
        .notMeasured(key: $0.key, label: $0.label, records: records, unit: "ms", reason: reason)
      }
    }
    let now = Date().timeIntervalSince1970
    if let reason = fill(path: path, catalog: catalog, now: now) {
      problems.append("could not fill the state file: \(reason)")
      return notMeasured(reason)
    }

    var openSamples: [Double] = []
    for repetition in 0...repetitions {
      var opened: StateStore?
      let seconds = Stopwatch.seconds {
        let opening = StateStore.open(path: path, now: now)
        opened = opening.store
        _ = try? opened?.beginSession(now: now)
      }
      opened?.close()
      if repetition > 0 { openSamples.append(seconds) }  // the first warms the page cache
    }
    let opening = StateStore.open(path: path, now: now)
    guard let store = opening.store, opening.unsavedReason == nil else {
      return notMeasured(opening.unsavedReason ?? "no store")
    }
    defer { store.close() }

    // After each load the loading thread records first-seen times in one write transaction, which
    // another reader's marks wait for: how long it holds the file on a start after the first.
    let loadedIDs = catalog.articles.map { (id: $0.id.rawValue, url: $0.item.identifyingURL) }
    var seenSamples: [Double] = []
    var newCount = -1
    if let session = try? store.beginSession(now: now) {
      for repetition in 0...repetitions {
        let seconds = Stopwatch.seconds {
          newCount = (try? store.recordFirstSeen(loadedIDs, now: now, session: session).count) ?? -1
        }
        if repetition > 0 { seenSamples.append(seconds) }
      }
    }
    if newCount != 0 { problems.append("first-seen after a load: \(newCount) new, expected 0") }

    let geometry = LayoutGeometry(keyMap: .standard)
    let model = ReaderModel(catalog: catalog, size: TerminalSize(columns: 120, rows: 40))
    var marked = model
    var startSamples: [Double] = []
    var readSamples: [Double] = []
    var applySamples: [Double] = []
    var cpuSamples: [Double] = []
    var markCount = 0
    for repetition in 0...repetitions {
      var copy = model
      var readSeconds = 0.0
      let cpuStart = threadCPUSeconds()
      let seconds = Stopwatch.seconds {
        var marks = ReadingMarks()
        readSeconds = Stopwatch.seconds { marks = (try? ReadingMarks(reading: store.forEachMark)) ?? [] }
        markCount = marks.count
        copy.apply(.marksLoaded(marks), now: now, geometry: geometry)
      }
      let cpu = threadCPUSeconds() - cpuStart
      if repetition > 0 {
        startSamples.append(seconds)
        readSamples.append(readSeconds)
        applySamples.append(seconds - readSeconds)
        cpuSamples.append(cpu)
      }
      marked = copy
    }
    let expectedUnread = records - (records + 1) / 2
    if marked.reading.unreadCount != expectedUnread || marked.reading.starredCount != (records + 9) / 10 {
      problems.append(
        "state at start: \(marked.reading.unreadCount) unread and \(marked.reading.starredCount) starred, "
          + "expected \(expectedUnread) and \((records + 9) / 10)")
    }

    // Marks as a user makes them: down a row, toggle read or star; the model's effects go to the writer
    // as the program's effect performer hands them over. Reading a story looks its related coverage up
    // among the loaded articles by URL; the catalog builds that lookup on first use, which the program
    // does when it first draws the details pane (its related items are marked when loaded), not on the
    // first mark: so here too, before timing.
    if let first = catalog.articles.first { _ = catalog.articleIndex(linkedFrom: first.item) }
    let writer = MarkWriter(store: store)
    var markSamples: [Double] = []
    var queued = 0
    for index in 0..<2_000 {
      let seconds = Stopwatch.seconds {
        marked.apply(.move(.down), now: now, geometry: geometry)
        let effects = marked.apply(index % 4 == 0 ? .toggleStar : .toggleRead, now: now, geometry: geometry)
        for case .writeMarks(let writes) in effects {
          for write in writes {
            let kind = MarkChange.Kind(rawValue: write.kind.rawValue) ?? .read
            writer.queue(MarkChange(id: write.id, url: write.url, kind: kind, at: write.at))
            queued += 1
          }
        }
      }
      markSamples.append(seconds)
    }
    writer.finish()
    if queued == 0 || writer.writtenCount != queued {
      problems.append("the mark writer wrote \(writer.writtenCount) of \(queued) queued marks")
    }
    return [
      BenchRow(
        key: openRow.key, label: openRow.label, records: records, value: Stopwatch.median(openSamples) * 1000,
        unit: "ms",
        note:
          "median of \(openSamples.count); quick_check, migrations, session; the first screen does not wait for it"
      ),
      BenchRow(
        key: startRow.key, label: startRow.label, records: records,
        value: Stopwatch.median(startSamples) * 1000,
        unit: "ms",
        note:
          "median of \(startSamples.count); \(markCount) marks: read \(milliseconds(readSamples)) ms off the run loop + apply \(milliseconds(applySamples)) ms on it (CPU \(milliseconds(cpuSamples)) ms, less of a shared machine's noise); target ≤ 50 ms"
      ),
      BenchRow(
        key: markRow.key, label: markRow.label, records: records,
        value: Stopwatch.percentile(markSamples, 0.95) * 1000, unit: "ms",
        note:
          "\(markSamples.count) moves with a toggle (read or star) and the queueing of its \(queued) writes, committed meanwhile in \(writer.batchCount) transactions; max \(String(format: "%.3f", (markSamples.max() ?? 0) * 1000)) ms; target ≤ 1 ms"
      ),
      BenchRow(
        key: seenRow.key, label: seenRow.label, records: records, value: Stopwatch.median(seenSamples) * 1000,
        unit: "ms",
        note:
          "median of \(seenSamples.count); on the loading thread, every article already seen: read without the write lock, nothing to write"
      ),
    ]
  }

  /// CPU time of the calling thread: GRDB runs a read's block on the thread that asks, so this counts
  /// all of the start's work and none of the time other processes had the core.
  private static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  private static func milliseconds(_ samples: [Double]) -> String {
    String(format: "%.1f", Stopwatch.median(samples) * 1000)
  }

  /// Writes the state file the rows read; nil when it worked, else why not.
  private static func fill(path: String, catalog: ArticleCatalog, now: Double) -> String? {
    let opening = StateStore.open(path: path, now: now)
    guard let store = opening.store, opening.unsavedReason == nil else {
      return opening.unsavedReason ?? "no store"
    }
    defer { store.close() }
    do {
      let session = try store.beginSession(now: now - 86_400)
      _ = try store.recordFirstSeen(
        catalog.articles.map { (id: $0.id.rawValue, url: $0.item.identifyingURL) }, now: now - 86_400,
        session: session)
      var changes: [MarkChange] = []
      for (index, article) in catalog.articles.enumerated() {
        if index % 2 == 0 { changes.append(MarkChange(id: article.id.rawValue, kind: .read, at: now)) }
        if index % 10 == 0 { changes.append(MarkChange(id: article.id.rawValue, kind: .star, at: now)) }
      }
      for index in 0..<10_000 {
        changes.append(
          MarkChange(id: "gone-\(index)", url: "https://example.org/\(index)", kind: .read, at: now))
      }
      try store.apply(changes)
    } catch {
      return "\(error)"
    }
    return nil
  }
}
