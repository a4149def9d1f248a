/// Makes untrusted text safe to print: removes control characters, whole terminal escape sequences and
/// bidirectional override and isolate controls, so a record can never drive the terminal.
public enum TextSanitizer {
  /// How line breaks are treated.
  public enum Layout: Sendable {
    /// Titles, names, URLs: newlines and tabs become spaces.
    case oneLine
    /// Excerpts and bodies: newlines stay (CRLF and CR become LF), tabs become spaces.
    case paragraphs
  }

  /// The sanitized text of `text`.
  public static func sanitize(_ text: String, layout: Layout = .oneLine) -> String {
    var text = text
    // A clean string is returned as it is, sharing its storage: the loader sanitizes every file's paths,
    // and copies of them would be 20 MB at 100,000 records.
    let replacement: String? = text.withUTF8 { utf8 in
      let bytes = UnsafeBufferPointer(start: utf8.baseAddress, count: utf8.count)
      return isClean(bytes) ? nil : String(decoding: cleaned(bytes, layout: layout), as: UTF8.self)
    }
    return replacement ?? text
  }

  /// The sanitized text of the UTF-8 `bytes` (invalid UTF-8 becomes U+FFFD).
  public static func sanitize(_ bytes: UnsafeBufferPointer<UInt8>, layout: Layout = .oneLine) -> String {
    // Most strings are clean: one scan proves it and the bytes become a String directly.
    if isClean(bytes) { return String(decoding: bytes, as: UTF8.self) }
    return String(decoding: cleaned(bytes, layout: layout), as: UTF8.self)
  }

  /// Whether `bytes` holds nothing the slow path would change.
  static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    // Sixteen bytes at a time while none of them can start anything the slow path changes: a control
    // byte, DEL, or the lead bytes of C1 controls (0xC2) and bidi controls (0xE2).
    if count >= 16 {
      let base = UnsafeRawPointer(bytes.baseAddress!)
      let space = SIMD16<UInt8>(repeating: 0x20), delete = SIMD16<UInt8>(repeating: 0x7F)
      let c1 = SIMD16<UInt8>(repeating: 0xC2), bidi = SIMD16<UInt8>(repeating: 0xE2)
      while index + 16 <= count {
        let block = base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
        let suspicious = (block .< space) .| (block .== delete) .| (block .== c1) .| (block .== bidi)
        if any(suspicious) { break }
        index += 16
      }
    }
    while index < count {
      let byte = bytes[index]
      if byte < 0x20 || byte == 0x7F { return false }
      if byte == 0xC2, index + 1 < count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F { return false }
      if byte == 0xE2, index + 2 < count, isBidiControl(bytes[index + 1], bytes[index + 2]) { return false }
      index += 1
    }
    return true
  }

  /// U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates), given their 2nd and 3rd UTF-8 bytes.
  @inline(__always)
  static func isBidiControl(_ second: UInt8, _ third: UInt8) -> Bool {
    (second == 0x80 && third >= 0xAA && third <= 0xAE) || (second == 0x81 && third >= 0xA6 && third <= 0xA9)
  }

  /// The kind of a C1 control or ESC introducer, for deciding how much to skip.
  private enum Introducer {
    case csi, string, other
  }

  private static func introducer(forFinal byte: UInt8) -> Introducer {
    switch byte {
    case UInt8(ascii: "["): return .csi
    case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
      return .string
    default: return .other
    }
  }

  private static func introducer(forC1 byte: UInt8) -> Introducer {
    switch byte {
    case 0x9B: return .csi
    case 0x9D, 0x90, 0x98, 0x9E, 0x9F: return .string
    default: return .other
    }
  }

  static func cleaned(_ bytes: UnsafeBufferPointer<UInt8>, layout: Layout) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      switch byte {
      case 0x0A:
        output.append(layout == .paragraphs ? 0x0A : 0x20)
        index += 1
      case 0x0D:
        output.append(layout == .paragraphs ? 0x0A : 0x20)
        index += (index + 1 < count && bytes[index + 1] == 0x0A) ? 2 : 1
      case 0x09:
        output.append(0x20)
        index += 1
      case 0x1B:
        index += 1
        guard index < count else { break }
        let next = bytes[index]
        switch introducer(forFinal: next) {
        case .csi: index = skipCSI(bytes, from: index + 1)
        case .string: index = skipString(bytes, from: index + 1)
        case .other:
          // ESC, intermediates (0x20-0x2F), one final byte.
          while index < count, bytes[index] >= 0x20, bytes[index] <= 0x2F { index += 1 }
          if index < count, bytes[index] >= 0x30, bytes[index] <= 0x7E { index += 1 }
        }
      case 0x00..<0x20, 0x7F:
        index += 1
      case 0xC2 where index + 1 < count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F:
        let control = bytes[index + 1]
        index += 2
        switch introducer(forC1: control) {
        case .csi: index = skipCSI(bytes, from: index)
        case .string: index = skipString(bytes, from: index)
        case .other: break
        }
      case 0xE2 where index + 2 < count && isBidiControl(bytes[index + 1], bytes[index + 2]):
        index += 3
      default:
        output.append(byte)
        index += 1
      }
    }
    return output
  }

  /// Skips a CSI sequence's parameter and intermediate bytes and its final byte.
  private static func skipCSI(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < bytes.count, bytes[index] >= 0x20, bytes[index] <= 0x3F { index += 1 }
    if index < bytes.count, bytes[index] >= 0x40, bytes[index] <= 0x7E { index += 1 }
    return index
  }

  /// Skips an OSC/DCS/SOS/PM/APC payload up to and including its terminator (BEL, ESC \ or U+009C).
  private static func skipString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x07 { return index + 1 }
      if byte == 0x1B {
        return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\\") ? index + 2 : index + 1
      }
      if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x9C { return index + 2 }
      index += 1
    }
    return index
  }
}
