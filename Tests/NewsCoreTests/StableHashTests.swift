import Testing

@testable import NewsCore

/// Ids are built straight from the hash: they must equal the hex text's prefix they replaced.
@Suite struct StableHashTests {
  @Test(arguments: ["https://example.org/same", "", "b.txt#0", "香港报道 🌧️", "x"])
  func taggedIsTheLetterAndTheHexPrefix(text: String) {
    let hash = StableHash.value(text)
    #expect(StableHash.tagged("u", hash, digits: 14) == "u" + StableHash.hex(text).prefix(14))
    #expect(StableHash.tagged("p", hash, digits: 8) == "p" + StableHash.hex(text).prefix(8))
  }

  /// Published FNV-1a 64 vectors; the byte and the text entry points are one function.
  @Test(arguments: [
    ("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
  ])
  func bytesAndTextHashTheSame(text: String, expected: UInt64) {
    var text = text
    #expect(StableHash.value(text) == expected)
    #expect(text.withUTF8 { StableHash.value($0) } == expected)
    #expect(StableHash.value(Array(text.utf8)) == expected)
  }

  @Test func leadingZeroDigitsAreKept() {
    #expect(StableHash.tagged("u", 0x000A_BCDE_F012_3456, digits: 14) == "u000abcdef01234")
    #expect(StableHash.hex("") == "cbf29ce484222325")
  }
}
