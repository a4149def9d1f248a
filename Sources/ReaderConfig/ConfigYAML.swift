/// Writing values back as YAML, for `newsreader config default` and the manual.
enum ConfigYAML {
  /// Plain when YAML reads it back as the same text, else double-quoted with escapes.
  static func quoted(_ text: String) -> String {
    let reserved: Set<String> = [
      "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ]
    let safeFirst = text.first.map { $0.isLetter || $0.isNumber || "./_".contains($0) } ?? false
    let safeRest = text.allSatisfy { $0.isLetter || $0.isNumber || "./_-+".contains($0) }
    if safeFirst, safeRest, !reserved.contains(text.lowercased()), Double(text) == nil { return text }
    var escaped = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped + "\""
  }

  /// `1.5`, `1` (no trailing `.0`).
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
