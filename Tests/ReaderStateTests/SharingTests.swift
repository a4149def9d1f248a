import NewsCore
import ReaderState
import Testing

@Suite struct SharingTests {
  @Test func copyOnAnArticleTakesTheOriginalURL() {
    var model = Fixtures.model()
    expectApply(
      &model, .copyLink, now: 0,
      effects: [.copyToClipboard(text: "https://lemonde.fr/a", description: "link")]
    ) {
      $0.status = StatusMessage(text: "Copied link", expires: 4)
    }
    expectApply(
      &model, .copyMarkdownLink, now: 0,
      effects: [
        .copyToClipboard(text: "[Café prices rise](https://lemonde.fr/a)", description: "Markdown link")
      ]
    ) { $0.status = StatusMessage(text: "Copied Markdown link", expires: 4) }
  }

  @Test func copyOnAnArticleWithoutOriginalURLTakesTheWebURL() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: 0)
    #expect(
      model.apply(.copyLink, now: 0) == [.copyToClipboard(text: "https://nhk.or.jp/b", description: "link")])
    #expect(model.apply(.openInBrowser, now: 0) == [.openURL("https://nhk.or.jp/b")])
  }

  @Test func copyOnARelatedItemTakesItsWebURL() {
    var model = Fixtures.model()
    model.apply(.focusPrevious, now: 0)
    #expect(
      model.apply(.copyLink, now: 0) == [.copyToClipboard(text: "https://bbc.co.uk/x", description: "link")])
  }

  @Test func nonWebURLsAreRefused() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: 0)
    model.apply(.move(.down), now: 0)
    model.apply(.move(.down), now: 0)
    for action in [Action.copyLink, .copyMarkdownLink, .openInBrowser] {
      expectApply(&model, action, now: 0) {
        $0.status = StatusMessage(text: "Refused: not an http or https link", isError: true, expires: 4)
      }
    }
    model.apply(.move(.down), now: 0)
    #expect(model.selectedArticle?.originalUrl == "ftp://reuters.com/e")
    #expect(model.apply(.copyLink, now: 0) == [])
  }

  @Test func webURLCheck() {
    #expect(WebLink.isWebURL("https://example.com/a?b#c"))
    #expect(WebLink.isWebURL("HTTP://example.com"))
    #expect(!WebLink.isWebURL("javascript:alert(1)"))
    #expect(!WebLink.isWebURL("file:///etc/passwd"))
    #expect(!WebLink.isWebURL("https://"))
    #expect(!WebLink.isWebURL("https://exa mple.com"))
    #expect(!WebLink.isWebURL("https://example.com/\u{1b}]52;c;x\u{07}"))
  }

  @Test func markdownLinksEscapeBracketsAndParentheses() {
    #expect(
      WebLink.markdown(title: "A [b] c", url: "https://x.org/a_(b)")
        == "[A \\[b\\] c](https://x.org/a_%28b%29)")
    #expect(WebLink.markdown(title: nil, url: "https://x.org") == "[https://x.org](https://x.org)")
  }
}

@Suite struct OverlayTests {
  @Test func quitClosesAnOverlayFirst() {
    var model = Fixtures.model()
    expectApply(&model, .showHelp) {
      $0.overlay = .help
      $0.overlayList = ListViewport(count: 0, height: 18)
    }
    expectApply(&model, .quit) {
      $0.overlay = nil
      $0.overlayList = ListViewport(height: 18)
    }
    expectApply(&model, .quit, effects: [.quit])
  }

  @Test func forceQuitQuitsEvenWithAnOverlay() {
    var model = Fixtures.model()
    model.apply(.showDiagnostics, now: 0)
    expectApply(&model, .forceQuit, effects: [.quit])
  }

  @Test func diagnosticsOverlayListsThemAndMovesInside() {
    let problems = (1...30).map {
      Diagnostic(path: "f\($0)", line: $0, column: 1, severity: .warning, message: "m")
    }
    var model = ReaderModel(catalog: Fixtures.five(), diagnostics: problems)
    expectApply(&model, .showDiagnostics) {
      $0.overlay = .diagnostics
      $0.overlayList = ListViewport(count: 30, height: 18)
    }
    expectApply(&model, .move(.last)) { $0.overlayList.move(.last) }
    #expect(model.overlayList.selection == 29 && model.articleList.selection == 0)
  }

  @Test func redrawIsAnEffect() {
    var model = Fixtures.model()
    expectApply(&model, .redraw, effects: [.redraw])
  }
}
