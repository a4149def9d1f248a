import Foundation

/// Folds text to the case-, diacritic- and width-insensitive UTF-8 bytes that search compares.
///
/// Folding goes scalar by scalar so that loading 100,000 articles does not pay Foundation's
/// whole-string folding per field: ASCII is lowered inline, common scripts without case or marks
/// (CJK, Hangul, kana) pass through, and any other scalar is folded once through Foundation and cached.
/// Combining marks are dropped so precomposed and decomposed text fold alike.
struct TextFolder {
  private var cache: [UInt32: [UInt8]] = [:]
  /// Folds of scalars below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic), packed as the byte count in
  /// the low byte and up to six bytes from bit 16; 0 until first needed. Saves a dictionary lookup per letter.
  private var smallFolds: [UInt64] = []

  /// Appends the folded bytes of `text` to `output`, leaving ASCII letters as they are: callers lower them
  /// with `lowerASCII` (a separate pass over a whole buffer is much cheaper than per byte here).
  ///
  /// Works on the UTF-8 bytes: runs of ASCII (most of the text in most feeds) are copied eight bytes at a
  /// time, and only other scalars are decoded.
  mutating func appendUnlowered(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendUnlowered(bytes: $0, to: &output) }
  }

  /// `appendUnlowered(_:to:)` of UTF-8 bytes (a related item's field, read in place). A scalar cut short at
  /// the end is left out rather than read past the bytes.
  mutating func appendUnlowered(bytes utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    let count = utf8.count
    guard count > 0 else { return }
    let base = UnsafeRawPointer(utf8.baseAddress!)
    var position = 0
    while position < count {
      let runStart = position
      while position &+ 8 <= count
        && base.loadUnaligned(fromByteOffset: position, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        position &+= 8
      }
      while position < count && utf8[position] < 0x80 { position &+= 1 }
      if position > runStart {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
      }
      if position == count { break }
      // Valid UTF-8 (a Swift String's storage): the lead byte gives the scalar's byte count.
      let lead = utf8[position]
      let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      guard position &+ width <= count else { break }
      var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
      for offset in 1..<width { value = value << 6 | UInt32(utf8[position &+ offset] & 0x3F) }
      if value < 0x800 {
        appendSmall(value, to: &output)
      } else if TextFolder.passesThrough(value) {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[position..<(position &+ width)]))
      } else if let folded = cache[value] {
        output.append(contentsOf: folded)
      } else {
        let folded = TextFolder.foldSlowly(Unicode.Scalar(value)!)
        cache[value] = folded
        output.append(contentsOf: folded)
      }
      position &+= width
    }
  }

  /// Appends the folded bytes of `text` to `output`.
  mutating func append(_ text: String, to output: inout [UInt8]) {
    let start = output.count
    appendUnlowered(text, to: &output)
    TextFolder.lowerASCII(&output, from: start)
  }

  /// Lowers ASCII capitals in `bytes[start...]`; other bytes of UTF-8 text are never in A-Z.
  static func lowerASCII(_ bytes: inout [UInt8], from start: Int) {
    bytes.withUnsafeMutableBufferPointer { bytes in
      for position in start..<bytes.count {
        let byte = bytes[position]
        bytes[position] = byte &- 0x41 < 26 ? byte | 0x20 : byte
      }
    }
  }

  private mutating func appendSmall(_ value: UInt32, to output: inout [UInt8]) {
    if smallFolds.isEmpty { smallFolds = [UInt64](repeating: 0, count: 0x800) }
    var packed = smallFolds[Int(value)]
    if packed == 0 {
      let folded = TextFolder.foldSlowly(Unicode.Scalar(value)!)
      if folded.count > 6 {
        output.append(contentsOf: folded)
        return
      }
      packed = UInt64(folded.count) | 0x100  // bit 8 marks "known", even for an empty fold
      for (offset, byte) in folded.enumerated() { packed |= UInt64(byte) << (16 + 8 * offset) }
      smallFolds[Int(value)] = packed
    }
    var bytes = packed >> 16
    for _ in 0..<Int(packed & 0xFF) {
      output.append(UInt8(truncatingIfNeeded: bytes))
      bytes >>= 8
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
}
