import NewsCore
import ReaderState
import Testing

/// The full-screen reading view (issue 14, item 16).
@Suite struct ReadingViewTests {
  @Test func spaceOpensPagesAndQCloses() {
    var model = Fixtures.model()
    expectApply(&model, .openReader) { $0.readingView = ReadingView() }
    // The tests' geometry: 40 lines of text, a page of 19 rows (the details height).
    let page = TestGeometry().paneHeights(of: model).reading
    expectApply(&model, .move(.pageDown)) {
      $0.readingView?.scroll.scroll(.pageDown, lines: 40, height: page)
    }
    #expect(model.readingView?.scroll.offset == page)
    expectApply(&model, .quit) { $0.readingView = nil }
    #expect(!model.hasQuit)
  }

  @Test func nextAndPreviousArticleMoveTheListAndStartAtTheTop() {
    var model = Fixtures.model()
    model.apply(.openReader, now: 0)
    model.apply(.move(.pageDown), now: 0)
    model.apply(.readNext, now: 0)
    #expect(model.listing.selectedArticle?.id == ArticleID("b"))
    #expect(model.readingView == ReadingView())
    model.apply(.readPrevious, now: 0)
    model.apply(.readPrevious, now: 10)
    #expect(model.listing.selectedArticle?.id == ArticleID("a"))
    #expect(model.status.message?.text == "This is the first article")
    model.apply(.closeReader, now: 0)
    #expect(model.readingView == nil && model.listing.selectedArticle?.id == ArticleID("a"))
  }

  @Test func aDigitCopiesTheNumberedLink() {
    var model = Fixtures.model()
    model.apply(.openReader, now: 0)
    // Article a: originalUrl https://lemonde.fr/a, webUrl https://msn.com/a.
    let links = ReadingView.links(of: model.listing.selectedArticle!.item)
    #expect(links.map(\.url) == ["https://lemonde.fr/a", "https://msn.com/a"])
    expectApply(
      &model, .copyReadingLink(2),
      effects: [
        .copyToClipboard(text: "https://msn.com/a", description: "link 2 (Web)")
      ])
    expectApply(&model, .copyReadingLink(3), now: 10) {
      $0.status.message = StatusMessage(text: "No link numbered 3", isError: true, expires: 14)
    }
  }

  @Test func theRelatedItemShownIsTheOneRead() {
    var model = Fixtures.model()
    model.apply(.activate, now: 0)  // focus the related coverage: its first item
    model.apply(.openReader, now: 0)
    #expect(model.shareTarget?.title == "Coffee costs up")
    #expect(ReadingView.links(of: model.shareTarget!).map(\.url) == ["https://bbc.co.uk/x"])
  }
}
