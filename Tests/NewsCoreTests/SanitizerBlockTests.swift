import NewsCore
import Testing

/// The sanitizer proves text clean sixteen bytes at a time: what it must remove is found wherever it sits
/// relative to those blocks.
@Suite struct SanitizerBlockTests {
  static let dirty: [(input: String, cleaned: String)] = [
    ("\u{1B}[31mred", "red"), ("a\u{7}b", "ab"), ("\u{9B}2Jx", "x"), ("\u{202E}evil", "evil"),
    ("x\u{7F}", "x"),
    ("tab\there", "tab here"), ("\u{2069}", ""),
  ]

  @Test(arguments: [0, 1, 7, 15, 16, 17, 31, 32, 33])
  func removesControlsAtEveryOffset(prefixBytes: Int) {
    let prefix = String(repeating: "a", count: prefixBytes)
    for (input, cleaned) in Self.dirty {
      #expect(TextSanitizer.sanitize(prefix + input) == prefix + cleaned)
      #expect(TextSanitizer.sanitize(prefix + input + prefix) == prefix + cleaned + prefix)
    }
  }

  @Test func keepsCleanMultiByteTextAcrossBlocks() {
    // ’ and … start with 0xE2 like the bidi controls, and é with 0xC3 next to the C1 lead 0xC2.
    let text = String(repeating: "Café’s “quote”… 東京 Москва ", count: 5)
    #expect(TextSanitizer.sanitize(text) == text)
  }
}
