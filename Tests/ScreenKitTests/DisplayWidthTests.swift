import Testing

@testable import ScreenKit

/// Widths as ncursesw and tmux count them, after the emoji normalization.
@Suite struct DisplayWidthTests {
  init() { #expect(DisplayWidth.prepareLocale(), "a UTF-8 locale is needed to measure wide characters") }

  @Test(arguments: [
    ("hello", 5),
    ("", 0),
    ("東京", 4),
    ("日本語のニュース", 16),
    ("e\u{301}", 1),  // combining acute: 0
    ("Cafe\u{301} au lait", 12),
    ("👍", 2),
    ("👍🏽", 2),  // skin tone dropped: glibc would say 4
    ("👨‍👩‍👧", 6),  // joiners dropped: three emoji of 2, the same in every terminal
    ("❤️", 1),  // VS16 dropped: text presentation, 1 column everywhere
    ("✌︎", 1),  // VS15 dropped
    ("مرحبا", 5),  // Arabic: one column per letter, never reordered
    ("שלום", 4),  // Hebrew
    ("a\tb\nc", 5),  // tab and newline become spaces
    ("\u{1B}]52;c;SGVsbG8=\u{07}x", 15),  // ESC and BEL dropped: the rest is inert text
    ("\u{301}abc", 3),  // a combining mark with nothing to combine with is dropped
    ("a\u{202E}b", 2),  // bidi override dropped
  ])
  func columns(text: String, expected: Int) {
    #expect(DisplayWidth.columns(of: text) == expected)
    #expect(DisplayWidth.columns(of: DisplayWidth.clean(text)) == expected)
  }

  @Test func cleanDropsEmojiModifiersAndControls() {
    #expect(DisplayWidth.clean("👍🏽") == "👍")
    #expect(DisplayWidth.clean("👨‍👩‍👧") == "👨👩👧")
    #expect(DisplayWidth.clean("❤️") == "❤")
    #expect(DisplayWidth.clean("a\u{1B}[31mred\u{9B}1m") == "a[31mred1m")
    #expect(DisplayWidth.clean("line\r\nnext") == "line  next")
    #expect(DisplayWidth.clean("plain ascii") == "plain ascii")
  }

  @Test func clustersCoverTheirColumns() {
    var seen: [(String, Int)] = []
    DisplayWidth.forEachCluster(in: "aé東👍🏽") { cluster, width in
      seen.append((cluster, width))
      return true
    }
    #expect(seen.map(\.0) == ["a", "é", "東", "👍"])
    #expect(seen.map(\.1) == [1, 1, 2, 2])
  }
}
