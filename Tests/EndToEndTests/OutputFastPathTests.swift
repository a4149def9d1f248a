import Testing

@testable import newsreader

/// The byte paths of `list`'s output agree with the plain `String` rules they replaced, on hostile text.
@Suite struct OutputFastPathTests {
  static let hostile: [String] = [
    "", "plain", "tab\there", "\t", "\n", "\r", "\r\n", "\n\r", "a\r\nb", "a\n\nb", "\r\r\n\n", "\t\r\n\t",
    "quote \" and \\ backslash", "\u{0}\u{1}\u{1F}\u{7F}", "\u{80}\u{85}\u{9B}\u{9F}\u{A0}\u{FF}",
    "\u{1B}[31mred\u{1B}[0m", "\u{1B}]52;c;aGk=\u{7}", "e\u{301}\n\u{301}", "\n\u{301}", "\r\n\u{301}",
    "é\tü", "東京都\t\n", "emoji 👩‍👩‍👧\t", "\u{202E}bidi\u{2066}", "\u{2028}\u{2029}", "\u{FEFF}", "\u{10FFFF}",
    "ends with a tab\t", "\t\tleading", "\u{C2}\u{A0}", "\u{7F}\u{80}", String(repeating: "x\t", count: 100),
  ]

  /// Seeded strings over an alphabet of the scalars the rules treat specially.
  static var generated: [String] {
    let alphabet: [Unicode.Scalar] = [
      "a", "\t", "\n", "\r", "\"", "\\", "\u{0}", "\u{1B}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{C2}",
      "\u{301}", "é", "東", "\u{202E}", "\u{1F600}",
    ]
    var state: UInt64 = 42
    var strings: [String] = []
    for _ in 0..<2_000 {
      var text = String.UnicodeScalarView()
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      for _ in 0..<Int(state >> 59) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int(state >> 33) % alphabet.count])
      }
      strings.append(String(text))
    }
    return strings
  }

  @Test func tsvFieldsAgreeWithReplacingTabs() {
    for text in Self.hostile + Self.generated {
      var bytes: [UInt8] = []
      var copy = text
      copy.withUTF8 { TSVField.append($0, to: &bytes) }
      #expect(String(decoding: bytes, as: UTF8.self) == text.replacingTabs(), "\(text.debugDescription)")
      #expect(bytes == Array(text.replacingTabs().utf8), "\(text.debugDescription)")
    }
  }

  @Test func jsonStringsAgreeWithTheScalarRule() {
    for text in Self.hostile + Self.generated {
      var bytes: [UInt8] = []
      JSONOutput.appendString(text, to: &bytes)
      var general = ""
      JSONOutput.appendStringGeneral(text, to: &general)
      #expect(bytes == Array(general.utf8), "\(text.debugDescription)")
    }
  }

  @Test func jsonOutputStaysValid() {
    let json = JSONOutput()
    json.array(["a\tb", "\u{9B}", "é\"\\"]) { json.value($0) }
    #expect(json.text == #"["a\tb","\u009b","é\"\\"]"#)
  }
}
