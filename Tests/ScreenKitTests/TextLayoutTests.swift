import Testing

@testable import ScreenKit

@Suite struct TextLayoutTests {
  init() { DisplayWidth.prepareLocale() }

  /// Printable ASCII takes a shortcut past grapheme breaking: it must fit exactly as the general path does.
  @Test func asciiFitsAsTheGeneralPathFitsIt() {
    var generator = SystemRandomNumberGenerator()
    let texts =
      ["", "a", "hello world", "2021-03-13 23:10", "https://example.com/a?b=c&d=e#f", "~!@#$%^&*()_+{}|"]
      + (0..<200).map { _ in
        String(
          (0..<Int.random(in: 0...60, using: &generator)).map { _ in
            Character(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &generator)))
          })
      }
    for text in texts {
      for columns in [0, 1, 2, 5, 16, 59, 60, 61, 200] {
        let fast = TextLayout.fittedClusters(of: text, columns: columns)
        let general = TextLayout.fittedClustersByGrapheme(of: text, columns: columns)
        #expect(fast.clusters == general.clusters && fast.columns == general.columns, "\(text) \(columns)")
        #expect(fast.truncated == general.truncated, "\(text) \(columns)")
      }
    }
  }

  @Test func fitKeepsTextThatFits() {
    #expect(TextLayout.fit("hello", columns: 5) == "hello")
    #expect(TextLayout.fit("東京", columns: 4) == "東京")
    #expect(TextLayout.fit("hello", columns: 0) == "")
  }

  @Test func fitCutsWithEllipsis() {
    #expect(TextLayout.fit("hello world", columns: 6) == "hello…")
    #expect(TextLayout.fit("hello", columns: 1) == "…")
    // 東 is 2 columns: in 4 columns only one fits before the ellipsis, leaving 3.
    #expect(TextLayout.fit("東京都", columns: 4) == "東…")
    #expect(TextLayout.fit("ab東京", columns: 4) == "ab…")
  }

  /// At every cut point the result fits, ends in whole clusters, and is a prefix of the cleaned text.
  @Test(arguments: [
    "Tokyo 東京 👍🏽 news",
    "Cafe\u{301} ne\u{301}e 日本",
    "مرحبا بالعالم Arabic",
    "👨‍👩‍👧 family ❤️ heart",
    "plain ascii text here",
  ])
  func fitNeverSplitsACluster(text: String) {
    let cleaned = DisplayWidth.clean(text)
    let total = DisplayWidth.columns(of: text)
    let clusters = cleaned.map { String($0) }
    for columns in 0...(total + 2) {
      let fitted = TextLayout.fit(text, columns: columns)
      let width = DisplayWidth.columns(of: fitted)
      #expect(width <= columns, "\(columns): \(fitted)")
      if columns >= total {
        #expect(fitted == cleaned)
        continue
      }
      guard columns > 0 else {
        #expect(fitted.isEmpty)
        continue
      }
      #expect(fitted.hasSuffix("…"))
      let body = String(fitted.dropLast())
      // The kept part is exactly a run of whole clusters from the start, and the longest such run:
      // one more cluster would leave no room for the ellipsis.
      var prefix = ""
      var keptCount: Int?
      for (count, cluster) in ([""] + clusters).enumerated() {
        prefix += cluster
        if prefix == body { keptCount = count }
      }
      guard let kept = keptCount else {
        Issue.record("\(columns): \(fitted) is not a run of whole clusters")
        continue
      }
      let next = DisplayWidth.columns(of: clusters[kept])
      #expect(width - 1 + next + 1 > columns, "\(columns): \(fitted) could keep more")
    }
  }

  @Test func padFillsExactly() {
    #expect(TextLayout.pad("ab", columns: 4) == "ab  ")
    #expect(TextLayout.pad("ab", columns: 4, alignment: .right) == "  ab")
    #expect(TextLayout.pad("ab", columns: 5, alignment: .center) == " ab  ")
    #expect(TextLayout.pad("東京都", columns: 4) == "東… ")
    #expect(DisplayWidth.columns(of: TextLayout.pad("👍🏽x", columns: 7)) == 7)
  }

  @Test func wrapBreaksAtSpaces() {
    #expect(
      TextLayout.wrap("the quick brown fox jumps over the lazy dog", columns: 10) == [
        "the quick", "brown fox", "jumps over", "the lazy", "dog",
      ])
  }

  @Test func wrapHardBreaksLongWords() {
    #expect(
      TextLayout.wrap("a supercalifragilistic word", columns: 8) == [
        "a", "supercal", "ifragili", "stic", "word",
      ])
  }

  @Test func wrapBreaksCJKAtCharacters() {
    #expect(TextLayout.wrap("東京都の天気は晴れ", columns: 6) == ["東京都", "の天気", "は晴れ"])
    // Wide characters follow a Latin word on the same line when they fit, and never split.
    #expect(TextLayout.wrap("News 東京都の天気", columns: 9) == ["News 東京", "都の天気"])
    #expect(TextLayout.wrap("東京", columns: 2) == ["東", "京"])
    #expect(TextLayout.wrap("東京", columns: 1) == ["…", "…"])
  }

  @Test func wrapFollowsTheBasicKinsokuRules() {
    // "、" may not start a line: it goes with the character before it.
    #expect(TextLayout.wrap("東京都、大阪", columns: 6) == ["東京", "都、大", "阪"])
    // "「" may not end a line: it goes with the character after it.
    #expect(TextLayout.wrap("今日は「晴れ」", columns: 8) == ["今日は", "「晴れ」"])
    // Small kana and the prolonged sound mark stay with what they follow.
    #expect(TextLayout.wrap("カップー", columns: 4) == ["カッ", "プー"])
    #expect(TextLayout.wrap("アイスコーヒー", columns: 8) == ["アイス", "コーヒー"])
    // Every line of a CJK paragraph obeys both rules.
    let text = "人工知能の研究者が東京に集まり、最新の成果を発表した。会議は「三日間」続く。"
    for columns in 4...20 {
      let lines = TextLayout.wrap(text, columns: columns)
      #expect(lines.joined() == text, "\(columns)")
      for line in lines {
        #expect(!(line.first.map { "、。」ー".contains($0) } ?? false), "\(columns): \(line)")
        #expect(!(line.last.map { "「".contains($0) } ?? false), "\(columns): \(line)")
      }
    }
  }

  @Test func wrapKeepsParagraphBreaks() {
    #expect(TextLayout.wrap("one two\n\nthree", columns: 20) == ["one two", "", "three"])
    #expect(TextLayout.wrap("a\r\nb", columns: 5) == ["a", "b"])
    #expect(TextLayout.wrap("", columns: 5) == [])
    #expect(TextLayout.wrap("abc", columns: 0) == [])
  }

  @Test func wrappedLinesNeverExceedTheColumns() {
    let text = "Cafe\u{301} 👍🏽 東京都の天気は晴れ مرحبا بالعالم a-very-long-hyphenated-word-indeed ❤️ end"
    for columns in 1...30 {
      for line in TextLayout.wrap(text, columns: columns) {
        #expect(DisplayWidth.columns(of: line) <= columns, "\(columns): \(line)")
      }
    }
  }
}
