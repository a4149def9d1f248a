/// One line of the benchmark table: a figure measured on some number of records, or why it was not measured.
struct BenchRow: Codable, Sendable {
  /// Stable identifier for scripts reading the JSON, e.g. `floor_seconds`.
  var key: String
  /// What the row measures, as the table shows it.
  var label: String
  /// Records the figure was measured on.
  var records: Int
  /// The figure in `unit`, or nil when it was not measured (then `note` says why).
  var value: Double?
  /// `s`, `ms`, `MiB`, `bytes` or `x`.
  var unit: String
  /// The figure divided by a reference figure (the floor, the peer or the corpus bytes).
  var ratio: Double?
  /// What the ratio is relative to, e.g. `floor`.
  var ratioTo: String?
  /// Caveats: "not measured: ...", synthetic data, record count mismatches.
  var note: String

  init(
    key: String, label: String, records: Int, value: Double?, unit: String, ratio: Double? = nil,
    ratioTo: String? = nil, note: String = ""
  ) {
    self.key = key
    self.label = label
    self.records = records
    self.value = value
    self.unit = unit
    self.ratio = ratio
    self.ratioTo = ratioTo
    self.note = note
  }

  /// A row that states plainly why there is no figure, rather than inventing one.
  static func notMeasured(key: String, label: String, records: Int, unit: String, reason: String) -> BenchRow {
    BenchRow(key: key, label: label, records: records, value: nil, unit: unit, note: "not measured: \(reason)")
  }
}

/// Timing and order statistics shared by every measurement.
enum Stopwatch {
  /// Seconds `body` took on the monotonic clock.
  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let duration = try ContinuousClock().measure(body)
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }

  /// The median, the middle of the sorted samples (mean of the two middles for an even count).
  static func median(_ samples: [Double]) -> Double {
    precondition(!samples.isEmpty, "median of no samples")
    let sorted = samples.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The nearest-rank percentile (`fraction` in 0...1), which is always one of the samples.
  static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
    precondition(!samples.isEmpty, "percentile of no samples")
    let sorted = samples.sorted()
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }
}
