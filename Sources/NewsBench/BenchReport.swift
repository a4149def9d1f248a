import Foundation

/// The benchmark's output: the machine, the settings and every row, as a text table or one JSON object.
struct BenchReport: Codable {
  /// Where the figures came from, since they only mean something next to the machine.
  struct Machine: Codable {
    var cpu: String
    var cores: Int
    var memoryGiB: Double
    var system: String

    static func current() -> Machine {
      let info = ProcessInfo.processInfo
      let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
      let model =
        cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        .flatMap { $0.split(separator: ":", maxSplits: 1).last }
        .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
      return Machine(
        cpu: model, cores: info.activeProcessorCount, memoryGiB: Double(info.physicalMemory) / 1_073_741_824,
        system: info.operatingSystemVersionString)
    }
  }

  var machine: Machine
  var repetitions: Int
  var peerRepetitions: Int
  var rows: [BenchRow]
  var problems: [String]

  /// The table's order: issue 5's list, load figures first, the screen last.
  static let measureOrder = [
    "floor_seconds", "load_one_thread_seconds", "load_all_cores_seconds", "peer_pyyaml_csafeloader_seconds",
    "catalog_build_seconds", "search_keystroke_p50_ms", "search_keystroke_p95_ms", "topic_toggle_p50_ms",
    "topic_toggle_p95_ms", "frame_render_200x60_p50_ms", "frame_render_200x60_p95_ms",
    "frame_render_80x24_p50_ms", "frame_render_80x24_p95_ms", "frame_render_details_200x60_p50_ms",
    "frame_render_details_200x60_p95_ms", "frame_render_details_80x24_p50_ms",
    "frame_render_details_80x24_p95_ms",
    "peak_resident_mib", "bytes_per_record", "first_screen_ms", "records_listed_ms", "records_complete_ms",
  ]

  /// Rows grouped by measure (known measures in `measureOrder`, others after them in the order they appear),
  /// smaller corpora first within a measure.
  static func grouped(_ rows: [BenchRow]) -> [BenchRow] {
    var order: [String: Int] = [:]
    for key in measureOrder { order[key] = order.count }
    for row in rows where order[row.key] == nil { order[row.key] = order.count }
    return rows.enumerated().sorted { a, b in
      let (keyA, keyB) = (order[a.element.key]!, order[b.element.key]!)
      return keyA != keyB ? keyA < keyB : a.offset < b.offset
    }.map(\.element)
  }

  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try! encoder.encode(self), as: UTF8.self)
  }

  func table() -> String {
    var lines = [
      "newsreader benchmark on \(machine.cpu), \(machine.cores) cores, "
        + "\(String(format: "%.0f", machine.memoryGiB)) GiB; medians of \(repetitions) repetitions "
        + "(peer: \(peerRepetitions))"
    ]
    let header = ["measure", "records", "figure", "ratio", "note"]
    var cells = [header]
    for row in rows {
      let figure = row.value.map { BenchReport.format($0, unit: row.unit) } ?? "-"
      let ratio = row.ratio.map { String(format: "%.2fx %@", $0, row.ratioTo ?? "") } ?? ""
      cells.append([row.label, String(row.records), figure, ratio, row.note])
    }
    // Pad by characters: labels are ASCII, so characters are columns here.
    let widths = (0..<header.count - 1).map { column in cells.map { $0[column].count }.max()! }
    for row in cells {
      var line = ""
      for (column, cell) in row.enumerated() {
        let padded =
          column < widths.count ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) : cell
        line += (column == 0 ? "" : "  ") + padded
      }
      lines.append(line.trimmingCharacters(in: .whitespaces))
    }
    for problem in problems { lines.append("PROBLEM: \(problem)") }
    return lines.joined(separator: "\n")
  }

  static func format(_ value: Double, unit: String) -> String {
    switch unit {
    case "s": String(format: "%.3f s", value)
    case "ms": String(format: "%.3f ms", value)
    case "MiB": String(format: "%.1f MiB", value)
    case "bytes": String(format: "%.0f bytes", value)
    default: String(format: "%.3f %@", value, unit)
    }
  }
}
