/// URLs as a reader reads them: percent-encoded letters of other scripts decoded (`Malm%C3%B6` reads
/// `Malmö`), everything else exactly as given; the exact URL is still what is copied and opened.
enum ReadableURL {
  /// `url` with each run of `%XX` escapes that spells UTF-8 letters, marks, digits, punctuation or symbols
  /// outside ASCII decoded; ASCII escapes (`%2F`, `%20`, `%25`), invalid UTF-8 and any control, format or
  /// bidirectional character stay encoded, so the decoded form never hides what the URL is.
  static func decoded(_ url: String) -> String {
    guard url.utf8.contains(UInt8(ascii: "%")) else { return url }
    let bytes = Array(url.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      // Gather a run of escapes of bytes >= 0x80 and decode it when it is readable UTF-8.
      var run: [UInt8] = []
      var end = index
      while end + 2 < bytes.count, bytes[end] == UInt8(ascii: "%"),
        let value = hexByte(bytes[end + 1], bytes[end + 2]), value >= 0x80
      {
        run.append(value)
        end += 3
      }
      if !run.isEmpty, let text = String(validating: run, as: UTF8.self), isReadable(text) {
        output += run
        index = end
      } else if !run.isEmpty {
        output += bytes[index..<end]
        index = end
      } else {
        output.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func isReadable(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate,
        .spaceSeparator:
        return false
      default:
        return true
      }
    }
  }

  private static func hexByte(_ high: UInt8, _ low: UInt8) -> UInt8? {
    func digit(_ byte: UInt8) -> UInt8? {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
      default: nil
      }
    }
    guard let high = digit(high), let low = digit(low) else { return nil }
    return high << 4 | low
  }
}
