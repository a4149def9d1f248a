import Testing

@testable import NewsCore

/// The interner must hand back exactly the text it was given, whether it shares, grows or is full.
@Suite struct StringInternerTests {
  static func intern(_ interner: StringInterner, _ text: String) -> String {
    var text = text
    return text.withUTF8 { interner.string($0) }
  }

  @Test func returnsTheSameTextForEveryLengthAndAfterGrowing() {
    let interner = StringInterner()
    let values =
      (0..<3_000).map { "provider number \($0) " + String(repeating: "x", count: $0 % 90) }
      + ["", "short", String(repeating: "é", count: 60), "東京都世田谷区の新しいニュース"]
    for _ in 0..<2 {
      for value in values { #expect(Self.intern(interner, value) == value) }
    }
  }

  @Test func keepsWorkingWhenFull() {
    let interner = StringInterner()
    for index in 0..<(StringInterner.maxEntries + 100) {
      let value = "a value that is long enough \(index)"
      #expect(Self.intern(interner, value) == value)
    }
    #expect(Self.intern(interner, "a value that is long enough 5") == "a value that is long enough 5")
  }
}
