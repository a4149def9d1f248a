import NewsCore
import Testing

/// The sanitizer, the date reader and the URL policy.
@Suite struct TextTests {
  static let sanitizerCases: [(input: String, oneLine: String, paragraphs: String)] = [
    ("plain text ’ — …", "plain text ’ — …", "plain text ’ — …"),
    ("a\nb\tc\r\nd", "a b c d", "a\nb c\nd"),
    ("red \u{1B}[1;31mbold\u{1B}[0m end", "red bold end", "red bold end"),
    ("title \u{1B}]0;set title\u{07}x", "title x", "title x"),
    ("link \u{1B}]8;;http://x\u{1B}\\text", "link text", "link text"),
    ("dcs \u{1B}Ppayload\u{1B}\\after", "dcs after", "dcs after"),
    ("c1 \u{9B}2Jcsi \u{9D}osc\u{9C}done \u{85}nel", "c1 csi done nel", "c1 csi done nel"),
    ("bidi \u{202E}evil\u{202C} \u{2066}iso\u{2069}", "bidi evil iso", "bidi evil iso"),
    ("keep \u{200F}rlm and 👨‍👩‍👧 e\u{301}", "keep \u{200F}rlm and 👨‍👩‍👧 e\u{301}", "keep \u{200F}rlm and 👨‍👩‍👧 e\u{301}"),
    ("nul\u{0}del\u{7F}bel\u{7}", "nuldelbel", "nuldelbel"),
    ("unterminated \u{1B}]52;c;AAAA", "unterminated ", "unterminated "),
    ("esc at end \u{1B}", "esc at end ", "esc at end "),
  ]

  @Test(arguments: sanitizerCases.indices)
  func sanitizer(_ index: Int) {
    let testCase = Self.sanitizerCases[index]
    #expect(TextSanitizer.sanitize(testCase.input) == testCase.oneLine)
    #expect(TextSanitizer.sanitize(testCase.input, layout: .paragraphs) == testCase.paragraphs)
  }

  static let dateCases: [(text: String, seconds: Double?)] = [
    ("2021-03-11T17:13:00Z", 1_615_482_780),
    ("2021-03-11T17:13:00.5Z", 1_615_482_780.5),
    ("2021-03-11T18:13:00+01:00", 1_615_482_780),
    ("2021-03-11T12:13:00-0500", 1_615_482_780),
    ("2021-03-11 18:13:00 +01:00", 1_615_482_780),
    ("2021-03-11T17:13:00", 1_615_482_780),
    ("2021-03-11t17:13Z", 1_615_482_780),
    ("2021-03-11", 1_615_420_800),
    ("1615482780", 1_615_482_780),
    ("2024-02-29", 1_709_164_800),
    ("1969-12-31T23:59:59Z", -1),
    ("2023-02-29", nil),
    ("2021-13-01", nil),
    ("last Tuesday", nil),
    ("2021-03-11T17:13:00Zjunk", nil),
    ("", nil),
  ]

  @Test(arguments: dateCases.indices)
  func dates(_ index: Int) {
    let testCase = Self.dateCases[index]
    #expect(DateParser.secondsSince1970(testCase.text) == testCase.seconds, "\(testCase.text)")
  }

  @Test func iso8601InUTC() {
    #expect(DateParser.iso8601(1_615_482_780) == "2021-03-11T17:13:00Z")
    #expect(DateParser.iso8601(1_615_482_780.25) == "2021-03-11T17:13:00.250Z")
    #expect(DateParser.iso8601(-1) == "1969-12-31T23:59:59Z")
    // Every field keeps its width at the ends of the range, and what lies outside it is clamped in.
    #expect(DateParser.iso8601(-62_135_596_800) == "0001-01-01T00:00:00Z")
    #expect(DateParser.iso8601(.nan) == "0001-01-01T00:00:00Z")
    #expect(DateParser.iso8601(253_402_300_799.5) == "9999-12-31T23:59:59.500Z")
    #expect(DateParser.iso8601(1e300) == "9999-12-31T23:59:59Z")
    // Milliseconds that round up to a whole second are not shown (as `.999` would be wrong and `.1000` is).
    #expect(DateParser.iso8601(0.9996) == "1970-01-01T00:00:00Z")
  }

  @Test func onlyHTTPAndHTTPSAreOpenable() {
    #expect(URLPolicy.isOpenable("https://example.org/a"))
    #expect(URLPolicy.isOpenable("HTTP://example.org"))
    #expect(!URLPolicy.isOpenable("javascript:alert(1)"))
    #expect(!URLPolicy.isOpenable("file:///etc/passwd"))
    #expect(!URLPolicy.isOpenable("https://"))
    #expect(
      NewsItem(originalUrl: "ftp://x", webUrl: "https://example.org/w").openableURL == "https://example.org/w"
    )
    #expect(
      NewsItem(originalUrl: "https://example.org/o", webUrl: "https://example.org/w").openableURL
        == "https://example.org/o")
    #expect(NewsItem(webUrl: "data:text/html,x").openableURL == nil)
    #expect(
      NewsItem(originalUrl: "javascript:x", webUrl: "ftp://y", ampWebUrl: "https://amp.example.org/a")
        .openableLink == OpenableLink(url: "https://amp.example.org/a", field: .ampWebUrl))
  }

  /// `OpenableLink.first` (what `list` calls with the fields) looks in `LinkField`'s order, as `url(in:)`
  /// names the fields: each field is found alone, and each wins over every field after it.
  @Test func theFirstOpenableLinkFollowsTheFieldOrder() {
    for (position, field) in LinkField.allCases.enumerated() {
      var item = NewsItem()
      for later in LinkField.allCases[position...] {
        let url = "https://example.org/\(later.rawValue)"
        switch later {
        case .originalUrl: item.originalUrl = url
        case .webUrl: item.webUrl = url
        case .ampWebUrl: item.ampWebUrl = url
        case .cdnAmpWebUrl: item.cdnAmpWebUrl = url
        }
        #expect(item.url(in: later) == url)
      }
      let expected = OpenableLink(url: "https://example.org/\(field.rawValue)", field: field)
      #expect(item.openableLink == expected)
      #expect(
        OpenableLink.first(
          original: item.originalUrl, web: item.webUrl, amp: item.ampWebUrl, cdnAmp: item.cdnAmpWebUrl)
          == expected)
    }
  }

  @Test func stableHashIsFNV1a() {
    #expect(StableHash.hex("") == "cbf29ce484222325")
    #expect(StableHash.hex("a") == "af63dc4c8601ec8c")
  }
}
