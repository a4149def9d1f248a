import Foundation

/// Folds text to the case-, diacritic- and width-insensitive UTF-8 bytes that search compares.
///
/// Folding goes scalar by scalar so that loading 100,000 articles does not pay Foundation's
/// whole-string folding per field: ASCII is lowered inline, common scripts without case or marks
/// (CJK, Hangul, kana) pass through, and any other scalar is folded once through Foundation and cached.
/// Combining marks are dropped so precomposed and decomposed text fold alike.
struct TextFolder {
  private var cache: [UInt32: [UInt8]] = [:]

  /// Appends the folded bytes of `text` to `output`.
  mutating func append(_ text: String, to output: inout [UInt8]) {
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        let byte = UInt8(truncatingIfNeeded: value)
        output.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
      } else if TextFolder.passesThrough(value) {
        appendUTF8(scalar, to: &output)
      } else if let folded = cache[value] {
        output.append(contentsOf: folded)
      } else {
        let folded = TextFolder.foldSlowly(scalar)
        cache[value] = folded
        output.append(contentsOf: folded)
      }
    }
  }

  /// The folded bytes of `text`.
  mutating func fold(_ text: String) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    append(text, to: &output)
    return output
  }

  /// Scalars whose fold is themselves: CJK ideographs, hiragana, full-width katakana, Hangul syllables.
  private static func passesThrough(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3041...0x3096).contains(value)
      || (0x30A1...0x30FA).contains(value) || (0xAC00...0xD7A3).contains(value)
  }

  private static func foldSlowly(_ scalar: Unicode.Scalar) -> [UInt8] {
    if scalar.properties.generalCategory == .nonspacingMark { return [] }
    let folded = String(Character(scalar)).folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    var bytes: [UInt8] = []
    for part in folded.unicodeScalars where part.properties.generalCategory != .nonspacingMark {
      if part.value < 0x80 {
        let byte = UInt8(truncatingIfNeeded: part.value)
        bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
      } else {
        bytes.append(contentsOf: Array(String(part).utf8))
      }
    }
    return bytes
  }

  private func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
    let value = scalar.value
    if value < 0x800 {
      output.append(UInt8(0xC0 | (value >> 6)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    } else if value < 0x10000 {
      output.append(UInt8(0xE0 | (value >> 12)))
      output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    } else {
      output.append(UInt8(0xF0 | (value >> 18)))
      output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
      output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    }
  }
}
