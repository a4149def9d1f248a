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

  @Test func leadingZeroDigitsAreKept() {
    #expect(StableHash.tagged("u", 0x000A_BCDE_F012_3456, digits: 14) == "u000abcdef01234")
    #expect(StableHash.hex("") == "cbf29ce484222325")
  }
}
