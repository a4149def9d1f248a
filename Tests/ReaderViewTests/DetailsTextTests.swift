import NewsCore
import ReaderState
import ScreenKit
import Testing

@testable import ReaderView

/// What the details pane says about an item.
@Suite struct DetailsTextTests {
  static func lines(_ actions: [Action], columns: Int = 60) -> [String] {
    let size = Size(columns: 120, rows: 40)
    let state = ReaderFixtures.applying(actions, to: ReaderFixtures.state(size: size), size: size)
    return DetailsText(
      state: state, columns: columns, now: ReaderFixtures.now, keyMap: .standard, timeZone: .utc
    ).lines.map(\.text)
  }

  @Test func securedContentIsMentionedOnlyWhenPresent() {
    #expect(Self.lines([]).contains("Secured content: present, 2,048 bytes (encrypted, not shown)"))
    // The CJK article has none: no line about it at all.
    let cjk = Self.lines([.move(.down)])
    #expect(cjk.first?.hasPrefix("東京") == true)
    #expect(!cjk.contains { $0.hasPrefix("Secured content") })
  }
}

@Suite struct ReadableURLTests {
  @Test func lettersOfOtherScriptsAreDecodedAndEverythingElseKept() {
    #expect(
      ReadableURL.decoded("https://sv.wikipedia.org/wiki/Malm%C3%B6") == "https://sv.wikipedia.org/wiki/Malmö"
    )
    #expect(
      ReadableURL.decoded("https://ja.wikipedia.org/wiki/%E6%9D%B1%E4%BA%AC")
        == "https://ja.wikipedia.org/wiki/東京")
    // ASCII escapes, broken UTF-8 and invisible or bidirectional characters stay encoded.
    #expect(ReadableURL.decoded("https://x.example/a%20b%2Fc") == "https://x.example/a%20b%2Fc")
    #expect(ReadableURL.decoded("https://x.example/%C3") == "https://x.example/%C3")
    #expect(ReadableURL.decoded("https://x.example/%E2%80%AEevil") == "https://x.example/%E2%80%AEevil")
    #expect(ReadableURL.decoded("https://x.example/%C2%A0") == "https://x.example/%C2%A0")
  }

  @Test func aURLHasLinesOfItsOwnDecodedButTheExactOneIsCopied() {
    let url = "https://sv.wikipedia.org/wiki/Malm%C3%B6_%C3%A4r_en_t%C3%A4tort_i_Sk%C3%A5ne"
    var article = ReaderFixtures.articles[4]
    article.item.originalUrl = url
    article.item.webUrl = nil
    var state = ReaderModel(catalog: ArticleCatalog(articles: [article]))
    state.apply(.resize(TerminalSize(columns: 120, rows: 40)), now: 0)
    let lines = DetailsText(
      state: state, columns: 30, now: ReaderFixtures.now, keyMap: .standard, timeZone: .utc
    ).lines.map(\.text)
    let start = try? #require(lines.firstIndex(of: "Original:"))
    guard let start else { return }
    #expect(
      lines[(start + 1)...].prefix(3).joined() == "https://sv.wikipedia.org/wiki/Malmö_är_en_tätort_i_Skåne")
    let effects = state.apply(.copyLink, now: 0)
    #expect(effects.contains { if case .copyToClipboard(let text, _) = $0 { text == url } else { false } })
  }
}

@Suite struct HyperlinkRenderTests {
  @Test func urlLinesAreHyperlinksToTheExactURLUntilAnOverlayCoversThem() {
    let size = Size(columns: 120, rows: 40)
    let state = ReaderFixtures.state(size: size)
    let grid = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    let urls = grid.hyperlinks.map(\.url)
    #expect(urls.contains("https://www.biometricupdate.com/202103/legal-fight-against-clearview"))
    #expect(urls.contains("https://example.com/face.jpg"))
    for link in grid.hyperlinks {
      // Each row of a URL long enough to take two is a piece of that URL.
      let shown = (link.column..<(link.column + link.columns)).map { grid[link.row, $0].text }.joined()
      #expect(link.url.contains(shown), "\(shown)")
    }
    var helped = state
    helped.apply(.showHelp, now: ReaderFixtures.now)
    let covered = ReaderRenderer.render(
      helped, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
    #expect(covered.hyperlinks.isEmpty)
  }
}
