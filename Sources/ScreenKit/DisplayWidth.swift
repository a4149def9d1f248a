internal import CWidth

/// Display width in terminal columns, measured per grapheme cluster the way ncursesw and tmux count it,
/// on text normalized so that every terminal agrees.
///
/// A cluster's width is the sum of `wcwidth` over its scalars. Before measuring, `clean` drops what
/// terminals disagree on or must never receive: emoji variation selectors, zero-width joiners and skin
/// tones (glibc says 👍🏽 is 4 columns, modern terminals draw 2), bidi embedding controls, and every C0/C1
/// control (tab and line breaks become a space). Right-to-left text is measured, never reordered.
public enum DisplayWidth {
  /// Whether a UTF-8 locale is active; the first use of any width function sets it up, once.
  public static var hasUTF8Locale: Bool { localeIsUTF8 }

  private static let localeIsUTF8: Bool = cwidth_use_utf8_locale() != 0

  /// Sets up the UTF-8 locale now (idempotent); call before starting curses.
  @discardableResult
  public static func prepareLocale() -> Bool { localeIsUTF8 }

  /// Columns the text covers once cleaned.
  public static func columns(of text: String) -> Int {
    if isPrintableASCII(text) { return text.utf8.count }
    var total = 0
    forEachCluster(in: text) { _, width in
      total += width
      return true
    }
    return total
  }

  /// Columns one character covers once cleaned (0 when it would be dropped).
  public static func columns(of character: Character) -> Int {
    columns(of: String(character))
  }

  /// The text as it will be drawn: emoji modifiers and joiners dropped, controls removed (tab and line
  /// breaks become spaces), unprintable scalars replaced by U+FFFD, zero-width clusters dropped.
  public static func clean(_ text: String) -> String {
    if isPrintableASCII(text) { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    forEachCluster(in: text) { cluster, _ in
      result += cluster
      return true
    }
    return result
  }

  /// True when every byte is printable ASCII, so bytes, characters and columns are the same count.
  @inline(__always)
  public static func isPrintableASCII(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for byte in bytes where byte < 0x20 || byte > 0x7E { return false }
      return true
    }
  }

  /// Calls `body` with each cleaned grapheme cluster and its columns (always at least 1), in order,
  /// until it returns false.
  public static func forEachCluster(in text: String, _ body: (String, Int) -> Bool) {
    if isPrintableASCII(text) {
      for byte in text.utf8 where !body(asciiStrings[Int(byte)], 1) { return }
      return
    }
    _ = localeIsUTF8
    let normalized = normalizedScalars(text)
    for character in normalized {
      var width = 0
      for scalar in character.unicodeScalars { width += scalarColumns(scalar.value) }
      guard width > 0 else { continue }
      if !body(String(character), width) { return }
    }
  }

  /// The columns of one scalar after cleaning (0 for a combining mark or anything dropped).
  static func scalarColumns(_ value: UInt32) -> Int {
    if value >= 0x20 && value < 0x7F { return 1 }
    let width = cwidth_wcwidth(value)
    return width < 0 ? 1 : Int(width)  // unprintable scalars were replaced by U+FFFD, 1 column
  }

  /// The text with the dropped scalars removed and controls replaced; the result is then segmented
  /// into clusters again, because removing a joiner splits one cluster into several.
  private static func normalizedScalars(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value >= 0x20 && value < 0x7F {
        scalars.append(scalar)
        continue
      }
      switch value {
      case 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
        scalars.append(" ")
      case 0x00...0x1F, 0x7F...0x9F:
        continue  // controls: never stored, never reach the terminal
      case 0xFE0E, 0xFE0F, 0x200D, 0x1F3FB...0x1F3FF:
        continue  // emoji presentation, joiners and skin tones: glibc and terminals disagree
      case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
        continue  // bidi marks and overrides: we never reorder, and terminals must not either
      default:
        if cwidth_wcwidth(value) < 0 {
          scalars.append("\u{FFFD}")
        } else {
          scalars.append(scalar)
        }
      }
    }
    return String(scalars)
  }

  /// One-character strings for each ASCII byte, so the fast path never allocates.
  static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
}
