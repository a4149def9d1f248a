import NewsCore

/// Search-keystroke and topic-toggle latency over an `ArticleCatalog`, the way a user drives the list.
struct QueryLatency {
  /// Words typed letter by letter; each keystroke runs one `select` with the text typed so far.
  static let typedQueries = ["climate summit", "recognition", "économie", "москва", "東京都", "rocket launch"]

  var keystrokeSeconds: [Double] = []
  var toggleSeconds: [Double] = []

  /// Times every keystroke of `typedQueries` and a run of topic toggles, `repetitions` times over.
  static func measure(catalog: ArticleCatalog, repetitions: Int) -> QueryLatency {
    var latency = QueryLatency()
    // The topics to toggle: the most common (large result sets) and some rare ones, chosen untimed.
    let ranked = catalog.topicCounts().map(\.topic)
    let toggled = Array(ranked.prefix(3)) + ranked.dropFirst(ranked.count / 2).prefix(3)
    var matched = 0
    for _ in 0..<repetitions {
      for query in typedQueries {
        var typed = ""
        for character in query {
          typed.append(character)
          let filter = ArticleFilter(search: typed)
          latency.keystrokeSeconds.append(Stopwatch.seconds { matched &+= catalog.select(filter, order: .newest).count })
        }
      }
      // Switch each topic on in turn, then off in the same order: 2 x toggled.count toggles.
      var selected: Set<String> = []
      for topic in toggled + toggled {
        if selected.remove(topic) == nil { selected.insert(topic) }
        let filter = ArticleFilter(topics: selected)
        latency.toggleSeconds.append(Stopwatch.seconds { matched &+= catalog.select(filter, order: .newest).count })
      }
    }
    // Keeps the results observable so the optimizer cannot drop the selects.
    if matched == Int.min { print(matched) }
    return latency
  }

  /// The p50 and p95 rows for `records` articles; `note` says where the articles came from.
  func rows(records: Int, note: String) -> [BenchRow] {
    var rows: [BenchRow] = []
    for (name, label, samples) in [
      ("search_keystroke", "search keystroke", keystrokeSeconds), ("topic_toggle", "topic toggle", toggleSeconds),
    ] {
      for (percent, fraction) in [(50, 0.5), (95, 0.95)] {
        rows.append(
          BenchRow(
            key: "\(name)_p\(percent)_ms", label: "\(label) p\(percent)", records: records,
            value: Stopwatch.percentile(samples, fraction) * 1000, unit: "ms",
            note: "\(samples.count) samples; \(note)"))
      }
    }
    return rows
  }
}
