import NewsCore
import ReaderState
import ReaderView

/// The reader's side of the reading state at scale: applying the marks loaded at start to every loaded
/// article, and the unread-only filter over them.
enum ReadingTiming {
  /// Every other article read and every tenth starred; times `.marksLoaded` (the flags and counts for
  /// every loaded article: the run loop's part of the start, without the store) and turning the
  /// unread-only filter on and off again.
  static func measure(catalog: ArticleCatalog, repetitions: Int, problems: inout [String]) -> [BenchRow] {
    let records = catalog.articles.count
    // Built beforehand, as the program builds it off the run loop while it reads the store.
    var marks = ReadingMarks()
    for (index, article) in catalog.articles.enumerated() {
      marks.add(
        id: article.id.rawValue, readAt: index % 2 == 0 ? 1 : nil, starredAt: index % 10 == 0 ? 2 : nil)
    }
    let geometry = LayoutGeometry(keyMap: .standard)
    let model = ReaderModel(catalog: catalog, size: TerminalSize(columns: 120, rows: 40))
    var applySamples: [Double] = []
    var marked = model
    for repetition in 0...repetitions {
      var copy = model
      let seconds = Stopwatch.seconds { copy.apply(.marksLoaded(marks), now: 0, geometry: geometry) }
      if repetition > 0 { applySamples.append(seconds) }
      marked = copy
    }
    let expectedUnread = records - (records + 1) / 2
    if marked.reading.unreadCount != expectedUnread {
      problems.append("marks applied: \(marked.reading.unreadCount) unread, expected \(expectedUnread)")
    }

    var filterSamples: [Double] = []
    for _ in 0..<max(20, repetitions * 4) {
      filterSamples.append(Stopwatch.seconds { marked.apply(.toggleUnreadOnly, now: 0, geometry: geometry) })
      if marked.listing.visible.count != expectedUnread {
        problems.append("unread-only listed \(marked.listing.visible.count), expected \(expectedUnread)")
        break
      }
      filterSamples.append(Stopwatch.seconds { marked.apply(.toggleUnreadOnly, now: 0, geometry: geometry) })
    }
    return [
      BenchRow(
        key: "reading_apply_marks_ms", label: "reading state: apply marks to the loaded articles",
        records: records, value: Stopwatch.median(applySamples) * 1000, unit: "ms",
        note:
          "median of \(applySamples.count); \(marks.count) marks into flags and counts, the run loop's part of state_start_ms"
      ),
      BenchRow(
        key: "reading_unread_filter_p95_ms", label: "reading state: unread-only filter p95",
        records: records, value: Stopwatch.percentile(filterSamples, 0.95) * 1000, unit: "ms",
        note: "\(filterSamples.count) toggles on and off, half the articles read; target ≤ 10 ms"),
    ]
  }
}
