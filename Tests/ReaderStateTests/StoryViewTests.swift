import NewsCore
import ReaderState
import Testing

/// The stories view part and its routes: toggling, moving, opening a story and coming back, filters
/// applying to stories, a reload closing an opened story.
@Suite struct StoryViewTests {
  static let now = 1_000.0

  /// Ids of the lead-less view: the member ids of each shown story, in row order.
  static func storyRows(_ model: ReaderModel) -> [[String]] {
    (0..<model.stories.rows.count).compactMap { row in
      model.stories.story(atRow: row)?.members.map { model.listing.catalog.articles[$0].id.rawValue }
    }
  }

  @Test func aLoadAsksForTheGroupingOffTheRunLoopAndTheViewUsesIt() {
    var model = Fixtures.model(ArticleCatalog(articles: []))
    model.apply(.reload, now: Self.now)
    let catalog = Fixtures.five()
    let effects = model.apply(.loaded(catalog, [], generation: 1), now: Self.now)
    #expect(effects.contains(.groupStories(catalog)))
    // The grouping made elsewhere is kept for this catalog; one for an older catalog is not.
    model.apply(
      .storiesGrouped(StoryIndex(articles: Fixtures.many(3).articles), for: Fixtures.many(3)), now: Self.now)
    #expect(model.stories.index == nil)
    let grouping = StoryIndex(articles: catalog.articles)
    model.apply(.storiesGrouped(grouping, for: catalog), now: Self.now)
    #expect(model.stories.index == grouping)
    model.apply(.toggleStories, now: Self.now)
    #expect(model.stories.indexedCatalog === catalog)
    #expect(Self.storyRows(model).count == 4)
    // While the view is shown a load groups at once, so nothing more is asked for.
    let reloaded = Fixtures.five()
    model.apply(.reload, now: Self.now)
    #expect(
      !model.apply(.loaded(reloaded, [], generation: 2), now: Self.now).contains(.groupStories(reloaded)))
  }

  @Test func inTheStoriesViewNReadsTheWholeStoryAndUndoRevertsIt() {
    var model = Fixtures.model()
    model.apply(.toggleStories, now: Self.now)
    // The first row is the story of a and c (a's related item is c's URL).
    #expect(Self.storyRows(model).first == ["a", "c"])
    let effects = model.apply(.toggleRead, now: Self.now)
    let written = effects.flatMap { effect -> [String] in
      if case .writeMarks(let writes) = effect { return writes.map(\.id) }
      return []
    }
    #expect(Set(written) == ["a", "c"])
    #expect(model.reading.isRead(0) && model.reading.isRead(2))
    // All read: N again marks the story unread.
    model.apply(.toggleRead, now: Self.now + 1)
    #expect(!model.reading.isRead(0) && !model.reading.isRead(2))
    model.apply(.undoMarking, now: Self.now + 2)
    #expect(model.reading.isRead(0) && model.reading.isRead(2), "one undo puts the whole story back")
  }

  @Test func toggleListsOneRowPerStoryInListingOrder() {
    var model = Fixtures.model()
    model.apply(.toggleStories, now: Self.now)
    // a's related item is c's URL: one story of a and c, at a (newest); b, d, e alone.
    #expect(Self.storyRows(model) == [["a", "c"], ["b"], ["d"], ["e"]])
    #expect(model.stories.isShown)
    #expect(model.stories.list.selection == 0)
    #expect(model.stories.firstListedRows == [0, 1, 3, 4])
    model.apply(.toggleStories, now: Self.now)
    #expect(!model.stories.isShown)
    #expect(Fixtures.ids(model) == ["a", "b", "c", "d", "e"])
  }

  @Test func theStoryOfTheSelectedArticleIsSelectedAndMovingFollowsInTheListing() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: Self.now)
    model.apply(.move(.down), now: Self.now)  // c, in the story of a and c
    model.apply(.toggleStories, now: Self.now)
    #expect(model.stories.list.selection == 0)
    model.apply(.move(.down), now: Self.now)
    #expect(model.stories.list.selection == 1)
    // The listing selects the story's first listed article, so the details show it.
    #expect(model.listing.selectedArticle?.id == ArticleID("b"))
    model.apply(.select(.articles, row: 2), now: Self.now)
    #expect(model.stories.list.selection == 2)
    #expect(model.listing.selectedArticle?.id == ArticleID("d"))
    // Focused elsewhere, movement is the pane's own again.
    model.apply(.focusNext, now: Self.now)
    model.apply(.move(.down), now: Self.now)
    #expect(model.stories.list.selection == 2)
  }

  @Test func enterOpensTheStorysArticlesAndClosingComesBackUnchanged() {
    var model = Fixtures.model()
    model.apply(.toggleStories, now: Self.now)
    let inView = model
    model.apply(.activate, now: Self.now)
    #expect(!model.stories.isShown)
    #expect(model.stories.opened == inView.stories.selectedStory?.id)
    #expect(Fixtures.ids(model) == ["a", "c"])
    #expect(model.listing.restriction == ListingRestriction(articles: [0, 2]))
    // Search narrows inside the story (a bare word would match a's related item "Storm story" as well).
    model.apply(.startSearch, now: Self.now)
    model.apply(.searchInsert("title:storm"), now: Self.now)
    #expect(Fixtures.ids(model) == ["c"])
    model.apply(.cancelSearch, now: Self.now)
    #expect(Fixtures.ids(model) == ["a", "c"])

    model.apply(.closeStory, now: Self.now)
    var expected = inView
    expected.listing.articleList = model.listing.articleList
    #expect(model == expected)
    #expect(model.listing.restriction.isEmpty)
  }

  @Test func toggleInsideAnOpenedStoryGoesBackToTheStories() {
    var model = Fixtures.model()
    model.apply(.toggleStories, now: Self.now)
    model.apply(.openStory, now: Self.now)
    model.apply(.toggleStories, now: Self.now)
    #expect(model.stories.isShown)
    #expect(model.stories.opened == nil)
    #expect(model.listing.visible.count == 5)
  }

  @Test func filtersSearchAndTopicsApplyAStoryShowingWhenAnyArticleMatches() {
    var model = Fixtures.model()
    model.apply(.toggleStories, now: Self.now)
    model.apply(.startSearch, now: Self.now)
    model.apply(.searchInsert("storm"), now: Self.now)
    // Only c matches; its story (with a) is shown.
    #expect(Self.storyRows(model) == [["a", "c"]])
    model.apply(.cancelSearch, now: Self.now)
    #expect(Self.storyRows(model).count == 4)
    model.apply(.toggleTopic("Japan"), now: Self.now)
    #expect(Self.storyRows(model) == [["b"]])
    model.apply(.clearTopics, now: Self.now)
    model.apply(.cycleSort, now: Self.now)  // oldest: e first
    #expect(Self.storyRows(model) == [["e"], ["d"], ["a", "c"], ["b"]])
  }

  @Test func aReloadClosesAnOpenedStoryAndRegroupsAShownView() {
    var model = Fixtures.model()
    model.apply(.toggleStories, now: Self.now)
    model.apply(.openStory, now: Self.now)
    let generation = model.loading.start()
    model.apply(.loaded(Fixtures.five(), [], generation: generation), now: Self.now)
    #expect(model.stories.opened == nil)
    #expect(model.listing.restriction.isEmpty)
    #expect(model.listing.visible.count == 5)

    model.apply(.toggleStories, now: Self.now)
    let grouped = model.stories.index
    let again = model.loading.start()
    model.apply(.loaded(Fixtures.five(), [], generation: again), now: Self.now)
    #expect(model.stories.isShown)
    #expect(model.stories.index != nil && model.stories.index != grouped)
    #expect(model.stories.indexedCatalog === model.listing.catalog)
    #expect(Self.storyRows(model).count == 4)
  }

  @Test func theLeadFollowsThePreferredLanguages() throws {
    var model = ReaderModel(
      catalog: ArticleCatalog(articles: [
        Fixtures.article("en", date: 2, webUrl: "https://en.wikipedia.org/wiki/Q"),
        Fixtures.article(
          "sv", date: 1, webUrl: "https://sv.wikipedia.org/wiki/Q",
          related: [NewsItem(webUrl: "https://en.wikipedia.org/wiki/Q")]),
      ]))
    model.apply(.toggleStories, now: Self.now)
    let story = try #require(model.stories.selectedStory)
    #expect(model.stories.summary(of: story)?.lead == 1)  // the earliest
    model.stories.preferredLanguages = ["en"]
    #expect(model.stories.summary(of: story)?.lead == 0)
  }
}
