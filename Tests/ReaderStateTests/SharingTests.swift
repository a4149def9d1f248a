import NewsCore
import ReaderState
import Testing

@Suite struct SharingTests {
  /// The state only asks for the copy; how it went (and so the message) is the performer's to say.
  @Test func copyOnAnArticleTakesTheOriginalURLAndLeavesTheMessageToThePerformer() {
    var model = Fixtures.model()
    // A link copied is a link read: the article and the loaded article its related coverage links to.
    expectApply(
      &model, .copyLink, now: 0,
      effects: [
        .copyToClipboard(text: "https://lemonde.fr/a", description: "link from originalUrl"),
        .writeMarks([
          MarkWrite(id: "a", url: "https://lemonde.fr/a", kind: .read, at: 0),
          MarkWrite(id: "c", url: "https://example.com/c", kind: .read, at: 0),
        ]),
      ]
    ) { _ = $0.reading.markRead([0, 2], in: $0.listing.catalog, now: 0) }
    expectApply(
      &model, .copyMarkdownLink, now: 0,
      effects: [
        .copyToClipboard(
          text: "[Café prices rise](https://lemonde.fr/a)", description: "Markdown link from originalUrl")
      ])
  }

  @Test func copyOnAnArticleWithoutOriginalURLTakesTheWebURL() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: 0)
    #expect(
      model.apply(.copyLink, now: 0) == [
        .copyToClipboard(text: "https://nhk.or.jp/b", description: "link from webUrl"),
        .writeMarks([MarkWrite(id: "b", url: "https://nhk.or.jp/b", kind: .read, at: 0)]),
      ])
    expectApply(&model, .openInBrowser, now: 0, effects: [.openURL("https://nhk.or.jp/b")]) {
      $0.status.message = StatusMessage(text: "Opening webUrl: https://nhk.or.jp/b", expires: 4)
    }
  }

  @Test func anUnusableOriginalURLFallsBackToTheWebURLAndSaysSo() {
    let article = Fixtures.article(
      "x", originalUrl: "javascript:alert(1)", webUrl: "https://example.org/story")
    var model = Fixtures.model(ArticleCatalog(articles: [article]))
    #expect(
      model.apply(.copyLink, now: 0) == [
        .copyToClipboard(text: "https://example.org/story", description: "link from webUrl"),
        .writeMarks([MarkWrite(id: "x", url: "javascript:alert(1)", kind: .read, at: 0)]),
      ])
    #expect(model.apply(.openInBrowser, now: 0) == [.openURL("https://example.org/story")])
    #expect(model.status.message?.text == "Opening webUrl: https://example.org/story")
  }

  @Test func copyOnARelatedItemTakesItsWebURL() {
    var model = Fixtures.model()
    model.apply(.focusPrevious, now: 0)
    #expect(
      model.apply(.copyLink, now: 0) == [
        .copyToClipboard(text: "https://bbc.co.uk/x", description: "link from webUrl")
      ])
  }

  @Test func nonWebURLsAreRefused() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: 0)
    model.apply(.move(.down), now: 0)
    model.apply(.move(.down), now: 0)
    for action in [Action.copyLink, .copyMarkdownLink, .openInBrowser] {
      expectApply(&model, action, now: 0) {
        $0.status.message = StatusMessage(text: "Refused: no http or https link", isError: true, expires: 4)
      }
    }
    model.apply(.move(.down), now: 0)
    #expect(model.listing.selectedArticle?.originalUrl == "ftp://reuters.com/e")
    #expect(model.apply(.copyLink, now: 0) == [])
    let bare = Fixtures.article("bare")
    var empty = Fixtures.model(ArticleCatalog(articles: [bare]))
    expectApply(&empty, .copyLink, now: 0) {
      $0.status.message = StatusMessage(text: "This item has no link", isError: true, expires: 4)
    }
  }

  @Test func webURLCheck() {
    #expect(URLPolicy.isOpenable("https://example.com/a?b#c"))
    #expect(URLPolicy.isOpenable("HTTP://example.com"))
    #expect(!URLPolicy.isOpenable("javascript:alert(1)"))
    #expect(!URLPolicy.isOpenable("file:///etc/passwd"))
    #expect(!URLPolicy.isOpenable("https://"))
    #expect(!URLPolicy.isOpenable("https://exa mple.com"))
    #expect(!URLPolicy.isOpenable("https://example.com/\u{1b}]52;c;x\u{07}"))
  }

  @Test func markdownLinksEscapeBracketsAndParentheses() {
    #expect(
      URLPolicy.markdown(title: "A [b] c", url: "https://x.org/a_(b)")
        == "[A \\[b\\] c](https://x.org/a_%28b%29)")
    #expect(URLPolicy.markdown(title: nil, url: "https://x.org") == "[https://x.org](https://x.org)")
  }
}

@Suite struct OverlayTests {
  @Test func quitClosesAnOverlayFirst() {
    var model = Fixtures.model()
    expectApply(&model, .showHelp) {
      $0.overlays.current = .help
      $0.overlays.list = ListViewport(count: 0)
    }
    expectApply(&model, .quit) {
      $0.overlays.current = nil
      $0.overlays.list = ListViewport()
    }
    expectApply(&model, .quit) { $0.hasQuit = true }
  }

  @Test func forceQuitQuitsEvenWithAnOverlay() {
    var model = Fixtures.model()
    model.apply(.showDiagnostics, now: 0)
    expectApply(&model, .forceQuit) { $0.hasQuit = true }
  }

  @Test func diagnosticsOverlayListsThemAndMovesInside() {
    let problems = (1...30).map {
      Diagnostic(path: "f\($0)", line: $0, column: 1, severity: .warning, message: "m")
    }
    var model = ReaderModel(catalog: Fixtures.five(), diagnostics: problems)
    expectApply(&model, .showDiagnostics) {
      $0.overlays.current = .diagnostics
      $0.overlays.list = ListViewport(count: 30)
    }
    expectApply(&model, .move(.last)) { $0.overlays.list.move(.last, height: 18) }
    #expect(model.overlays.list.selection == 29 && model.listing.articleList.selection == 0)
  }

  @Test func redrawIsAnEffect() {
    var model = Fixtures.model()
    expectApply(&model, .redraw, effects: [.redraw])
  }
}
