/// Writing man pages: escaping text for roff and the few requests the pages use.
struct Roff {
  private(set) var lines: [String] = []

  /// Text safe in roff: backslashes escaped, hyphens made ASCII minus signs (so names can be
  /// copied and searched), and a leading `.` or `'` kept from being read as a request.
  static func escape(_ text: String) -> String {
    var escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
    if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
    return escaped
  }

  mutating func title(_ name: String, section: Int, version: String, manual: String) {
    lines.append(".TH \"\(name)\" \(section) \"\" \"newsreader \(version)\" \"\(manual)\"")
  }

  mutating func section(_ heading: String) { lines.append(".SH \(heading)") }

  mutating func subsection(_ heading: String) { lines.append(".SS \(Roff.escape(heading))") }

  mutating func paragraph(_ text: String) {
    lines.append(".PP")
    lines.append(Roff.escape(text))
  }

  /// A tagged paragraph: the tag in bold, then the body lines.
  mutating func item(_ tag: String, _ body: [String]) {
    lines.append(".TP")
    lines.append(".B \(Roff.escape(tag))")
    for (index, line) in body.enumerated() {
      if index > 0 { lines.append(".br") }
      lines.append(Roff.escape(line))
    }
  }

  /// Lines shown as they are, in a monospaced block.
  mutating func example(_ text: String) {
    lines.append(".PP")
    lines.append(".RS 4")
    lines.append(".nf")
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(Roff.escape(String(line)))
    }
    lines.append(".fi")
    lines.append(".RE")
  }

  /// Raw roff, already escaped.
  mutating func raw(_ line: String) { lines.append(line) }

  var text: String { lines.joined(separator: "\n") + "\n" }
}
