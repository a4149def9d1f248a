import Testing

@testable import NewsCore

/// Keys are matched by size and first byte, then compared: every spelling must match itself and nothing close.
@Suite struct FieldKeyTests {
  func match(_ text: String) -> FieldKey? {
    var text = text
    return text.withUTF8 { FieldKey.match($0) }
  }

  @Test func everyKeyMatchesItsOwnSpellingOnly() {
    for key in FieldKey.allCases {
      let spelling = key.spelling.description
      #expect(match(spelling) == key)
      #expect(match(spelling.uppercased()) == nil)
      #expect(match(spelling + "s") == nil)
      #expect(match(String(spelling.dropLast()) + "_") == nil)
      #expect(match(String(spelling.dropLast())) == nil)
    }
  }

  @Test func unknownAndEmptyKeysDoNotMatch() {
    for text in ["", "t", "titl", "titles", "tItle", "webURL", "featuredContent", "ü", "名前", "<<"] {
      #expect(match(text) == nil)
    }
  }
}
