/// Writes JSON text by hand, so key order is fixed and output is byte-for-byte deterministic.
///
/// The text is built as UTF-8 bytes: `list --format json` writes every article of a load, and appending to
/// a `String` (and escaping it scalar by scalar) was most of that command's time.
final class JSONOutput {
  private(set) var bytes: [UInt8] = []
  /// Whether the next value in the current container needs a comma before it.
  private var needsComma = false

  /// The text written so far.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  func object(_ body: () -> Void) {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
    body()
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  func array<S: Sequence>(_ elements: S, _ body: (S.Element) -> Void) {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
    for element in elements { body(element) }
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// A key; the value written next belongs to it.
  func key(_ name: String) {
    separate()
    Self.appendString(name, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
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
    bytes.append(contentsOf: String(value).utf8)
    needsComma = true
  }

  func field(_ name: String, _ value: Bool?) {
    guard let value else { return }
    key(name)
    separate()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
    needsComma = true
  }

  func value(_ string: String) {
    separate()
    Self.appendString(string, to: &bytes)
    needsComma = true
  }

  private func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }

  /// `string` as a JSON string: quotes, backslashes, C0 controls, DEL and C1 controls escaped, the rest
  /// as it is. On the UTF-8 bytes: every byte below 0x80 is a scalar of its own, and a C1 control
  /// (U+0080-U+009F) is the only scalar encoded as 0xC2 followed by 0x80-0x9F.
  static func appendString(_ string: String, to output: inout [UInt8]) {
    var string = string
    output.append(UInt8(ascii: "\""))
    string.withUTF8 { utf8 in
      var runStart = 0
      var position = 0
      let count = utf8.count
      while position < count {
        let byte = utf8[position]
        let width: Int
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F {
          width = 1
        } else if byte == 0xC2, position + 1 < count, utf8[position + 1] <= 0x9F {
          width = 2
        } else {
          position += 1
          continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
        let scalar = width == 1 ? UInt32(byte) : UInt32(utf8[position + 1])
        appendEscape(scalar, to: &output)
        position += width
        runStart = position
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
    }
    output.append(UInt8(ascii: "\""))
  }

  /// The escape of an ASCII or C1 scalar that cannot stand in a JSON string as it is.
  private static func appendEscape(_ scalar: UInt32, to output: inout [UInt8]) {
    switch scalar {
    case 0x22: output.append(contentsOf: "\\\"".utf8)
    case 0x5C: output.append(contentsOf: "\\\\".utf8)
    case 0x0A: output.append(contentsOf: "\\n".utf8)
    case 0x0D: output.append(contentsOf: "\\r".utf8)
    case 0x09: output.append(contentsOf: "\\t".utf8)
    default:
      let hex = String(scalar, radix: 16)
      output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
    }
  }

  /// The same escaping scalar by scalar on a `String`: the plain rule `appendString` must agree with.
  static func appendStringGeneral(_ string: String, to text: inout String) {
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
