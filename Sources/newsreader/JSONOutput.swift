/// Writes JSON text by hand, so key order is fixed and output is byte-for-byte deterministic.
final class JSONOutput {
  private(set) var text = ""
  /// Whether the next value in the current container needs a comma before it.
  private var needsComma = false

  func object(_ body: () -> Void) {
    separate()
    text += "{"
    needsComma = false
    body()
    text += "}"
    needsComma = true
  }

  func array<S: Sequence>(_ elements: S, _ body: (S.Element) -> Void) {
    separate()
    text += "["
    needsComma = false
    for element in elements { body(element) }
    text += "]"
    needsComma = true
  }

  /// A key; the value written next belongs to it.
  func key(_ name: String) {
    separate()
    Self.appendString(name, to: &text)
    text += ":"
    needsComma = false
  }

  func field(_ name: String, _ string: String?) {
    guard let string else { return }
    key(name)
    value(string)
  }

  func field(_ name: String, _ value: Int?) {
    guard let value else { return }
    key(name)
    separate()
    text += String(value)
    needsComma = true
  }

  func field(_ name: String, _ value: Bool?) {
    guard let value else { return }
    key(name)
    separate()
    text += value ? "true" : "false"
    needsComma = true
  }

  func value(_ string: String) {
    separate()
    Self.appendString(string, to: &text)
    needsComma = true
  }

  private func separate() {
    if needsComma { text += "," }
  }

  static func appendString(_ string: String, to text: inout String) {
    text += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F):
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
