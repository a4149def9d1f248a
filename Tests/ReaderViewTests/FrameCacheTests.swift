import NewsCore
import ReaderState
import ScreenKit
import Testing

@testable import ReaderView

/// A frame drawn with a `FrameCache` kept from the frames before it is the frame drawn without one, through
/// every change that must show at once: moves, focus, widths, reading marks, queries, reloaded records,
/// themes, marks, the clock.
@Suite struct FrameCacheTests {
  /// One screen's frames: the state changes step by step and each frame is drawn with the same cache.
  struct Journey {
    var state: ReaderModel
    var size: Size
    var theme = Theme.monochrome
    var glyphs = ReadingGlyphs.unicode
    var now = ReaderFixtures.now
    let cache = FrameCache()

    init(size: Size) {
      self.size = size
      state = ReaderFixtures.state(size: size)
    }

    mutating func apply(_ actions: Action...) {
      for action in actions { state.apply(action, now: now) }
    }

    mutating func resize(_ columns: Int, _ rows: Int) {
      size = Size(columns: columns, rows: rows)
      apply(.resize(TerminalSize(columns: columns, rows: rows)))
    }

    /// Draws the frame with the cache and afresh, twice with the cache (the second one reusing what the
    /// first kept), and expects the same cells every time.
    func expectSameFrame(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
      let fresh = render(cache: nil)
      for pass in 1...2 {
        let cached = render(cache: cache)
        // Compared apart, so a failure prints the two screens rather than every cell.
        let same = cached == fresh
        #expect(
          same,
          "\(step), cached frame \(pass):\n\(cached.framedText)\nwithout the cache:\n\(fresh.framedText)",
          sourceLocation: sourceLocation)
      }
    }

    func render(cache: FrameCache?) -> Grid {
      ReaderRenderer.render(
        state, theme: theme, keyMap: .standard, size: size, now: now, glyphs: glyphs, cache: cache)
    }
  }

  /// The fixture records with every title and body changed, as a reload that finds them edited reads them.
  static func editedCatalog() -> ArticleCatalog {
    ArticleCatalog(
      articles: ReaderFixtures.articles.map { article in
        var edited = article
        edited.item.title = (article.item.title ?? "") + " (edited)"
        edited.body = "Edited body."
        return edited
      })
  }

  @Test func theStoriesViewDrawsTheSameThroughEveryChange() {
    var journey = Journey(size: Size(columns: 120, rows: 40))
    journey.apply(.toggleStories)
    journey.expectSameFrame("stories view")
    #expect(journey.cache.reusedEntries > 0, "the second frame reused nothing")

    journey.apply(.move(.down))
    journey.expectSameFrame("a story down")
    journey.apply(.focus(.related), .move(.down))
    journey.expectSameFrame("a related item in the details")
    journey.apply(.focus(.articles))

    for (columns, rows) in [(160, 50), (100, 30), (80, 24), (60, 20), (200, 60)] {
      journey.resize(columns, rows)
      journey.expectSameFrame("resized to \(columns)x\(rows)")
    }

    journey.apply(.toggleRead)
    journey.expectSameFrame("the story marked read")
    journey.apply(.undoMarking)
    journey.expectSameFrame("the marking undone")

    journey.apply(.startSearch, .searchInsert("facial"))
    journey.expectSameFrame("a query being typed")
    journey.apply(.commitSearch)
    journey.expectSameFrame("the query kept")
    journey.apply(.clearSearch)
    journey.expectSameFrame("the query cleared")

    let edited = Self.editedCatalog()
    let generation = journey.state.loading.start()
    journey.apply(
      .loaded(edited, [], generation: generation),
      .storiesGrouped(StoryIndex(articles: edited.articles), for: edited))
    journey.expectSameFrame("the records reloaded with other titles and bodies")
    #expect(journey.render(cache: journey.cache).framedText.contains("(edited)"))

    journey.theme = .builtInDark
    journey.expectSameFrame("another theme")
    journey.glyphs = .ascii
    journey.expectSameFrame("ASCII marks")
    journey.now += 3 * 86_400
    journey.expectSameFrame("three days later")

    journey.apply(.toggleStories)
    journey.expectSameFrame("the article list again")
  }

  @Test func aTextWrappedWithoutItsDateAndDatedIsTheTextWrappedWithIt() throws {
    let size = Size(columns: 120, rows: 40)
    var state = ReaderFixtures.state(size: size)
    for _ in ReaderFixtures.articles {
      let source = try #require(
        DetailsText.Source(
          state: state, now: ReaderFixtures.now, keyMap: .standard, timeZone: .utc, numberedLinks: false))
      #expect(source.dateLine != nil)
      var undated = source
      undated.dateLine = nil
      for columns in [12, 30, 58] {
        let whole = DetailsText(source: source, columns: columns).lines
        #expect(DetailsText(source: undated, columns: columns).dated(source.dateLine).lines == whole)
      }
      state.apply(.move(.down), now: ReaderFixtures.now)
    }
  }

  @Test func theArticleListAndDetailsDrawTheSameAcrossArticlesWidthsMarksAndQueries() {
    var journey = Journey(size: Size(columns: 120, rows: 40))
    journey.apply(.focus(.details))
    journey.expectSameFrame("details focused")
    for step in 1...3 {
      journey.apply(.focus(.articles), .move(.down), .focus(.details))
      journey.expectSameFrame("article \(step + 1)")
    }
    journey.apply(.move(.down), .move(.down))
    journey.expectSameFrame("details scrolled")
    journey.apply(.focus(.articles))
    journey.expectSameFrame("the list focused")
    journey.apply(.toggleStar)
    journey.expectSameFrame("an article starred")
    journey.apply(.toggleRead)
    journey.expectSameFrame("an article read")
    for sort in 1...2 {
      journey.apply(.cycleSort)
      journey.expectSameFrame("sort \(sort + 1), with other date forms and no day rows")
    }
    journey.apply(.focus(.details))
    journey.resize(90, 30)
    journey.expectSameFrame("narrower")
    journey.resize(70, 24)
    journey.expectSameFrame("tabs with the preview")
    journey.apply(.startSearch, .searchInsert("the"))
    journey.expectSameFrame("a query")
    journey.apply(.searchInsert(" body"))
    journey.expectSameFrame("a longer query")
  }
}
