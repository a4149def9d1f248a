import Foundation
import NewsCore

/// Keystroke latency of issue 13's five representative queries, typed character by character.
///
/// Each keystroke parses the text typed so far and, when it parses, selects in newest order, related
/// coverage included (the related-only marks are computed too), as the reader's search bar does: over the
/// previous keystroke's matches when the query narrows it (a word typed on), else over the whole catalog.
/// Prefixes that do not parse yet (an open quote, `topic:` without a value) cost only the parse; they are
/// counted, not timed.
struct QueryLanguageLatency {
  static let queries: [(key: String, label: String, text: String)] = [
    ("query_word", "query: bare word", "telescope"),
    ("query_phrase", "query: phrase", "\"climate summit\""),
    ("query_wildcard", "query: field with wildcard", "domain:*.ru"),
    ("query_date_not", "query: date range, negation", "date:2019-01-01..2019-06-30 -rescue"),
    ("query_topic_or", "query: or of two topics", "topic:\"Power Apps\" or topic:\"Labour Asia\""),
  ]

  struct Samples {
    var seconds: [Double] = []
    var unparsed = 0
    var matched = 0
    var relatedOnly = 0
  }

  var samples: [Samples] = []

  static func measure(catalog: ArticleCatalog, repetitions: Int) -> QueryLanguageLatency {
    // A fixed clock and zone: the figures must not depend on when or where the benchmark runs.
    let context = QueryContext(now: 1_700_000_000, timeZone: TimeZone(secondsFromGMT: 0)!)
    var latency = QueryLanguageLatency()
    for query in queries {
      var samples = Samples()
      for _ in 0..<repetitions {
        var typed = ""
        var previous: (Query, [Int])? = nil
        for character in query.text {
          typed.append(character)
          var result: QueryResult?
          var parsedQuery: Query?
          let seconds = Stopwatch.seconds {
            if let parsed = try? Query(typed) {
              parsedQuery = parsed
              result = catalog.select(parsed, context: context, order: .newest, narrowing: previous)
            }
          }
          guard let result, let parsedQuery else {
            samples.unparsed += 1
            continue
          }
          previous = (parsedQuery, result.indices)
          samples.seconds.append(seconds)
          if typed.count == query.text.count {
            samples.matched = result.indices.count
            samples.relatedOnly = result.relatedOnly.count
          }
        }
      }
      latency.samples.append(samples)
    }
    return latency
  }

  /// The rows of these samples; `scanOnly` names those measured before the catalog's token index was built.
  func rows(records: Int, note: String, scanOnly: Bool) -> [BenchRow] {
    var rows: [BenchRow] = []
    for (query, samples) in zip(Self.queries, samples) where !samples.seconds.isEmpty {
      for (percent, fraction) in [(50, 0.5), (95, 0.95)] {
        let key = scanOnly ? "\(query.key)_scan" : query.key
        let label =
          scanOnly ? query.label.replacingOccurrences(of: "query:", with: "query, text scan:") : query.label
        rows.append(
          BenchRow(
            key: "\(key)_p\(percent)_ms", label: "\(label) p\(percent)", records: records,
            value: Stopwatch.percentile(samples.seconds, fraction) * 1000, unit: "ms",
            note:
              "`\(query.text)`: \(samples.seconds.count) keystrokes (\(samples.unparsed) unparsed prefixes untimed); "
              + "\(samples.matched) matches, \(samples.relatedOnly) only in related coverage; \(note)"))
      }
    }
    return rows
  }
}
