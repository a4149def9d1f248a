/// The OSC 52 escape sequence that puts text on the terminal's clipboard.
public enum OSC52 {
  /// `ESC ] 52 ; c ; <base64 of the UTF-8 text> BEL`, as bytes ready for one `write`.
  public static func sequence(for text: String) -> [UInt8] {
    Array("\u{1B}]52;c;".utf8) + base64(Array(text.utf8)) + [0x07]
  }

  /// Standard base64 with padding (RFC 4648), without Foundation.
  public static func base64(_ bytes: [UInt8]) -> [UInt8] {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let remaining = bytes.count - index
      let b0 = Int(bytes[index])
      let b1 = remaining > 1 ? Int(bytes[index + 1]) : 0
      let b2 = remaining > 2 ? Int(bytes[index + 2]) : 0
      output.append(alphabet[b0 >> 2])
      output.append(alphabet[(b0 & 0x3) << 4 | b1 >> 4])
      output.append(remaining > 1 ? alphabet[(b1 & 0xF) << 2 | b2 >> 6] : UInt8(ascii: "="))
      output.append(remaining > 2 ? alphabet[b2 & 0x3F] : UInt8(ascii: "="))
      index += 3
    }
    return output
  }
}
