import NewsCore

/// The stories view: the listed articles grouped into stories, one row each, and the story opened from it.
///
/// The grouping is built for a catalog the first time the view is shown (about 50 ms at 100,000 records,
/// see the benchmark) and kept until the catalog changes. The rows follow the listing: a story is shown
/// when any of its articles is listed, where the first of them is, so filters, search and topics apply.
public struct StoryView: Sendable, Equatable {
  /// Whether the article pane lists stories instead of articles.
  public var isShown: Bool
  /// The grouping of the catalog it was built for, nil before the view is first shown.
  public var index: StoryIndex?
  /// The catalog `index` groups.
  public var indexedCatalog: ArticleCatalog?
  /// Language codes the lead headline should be in, best first (the program reads them from `LANG`).
  public var preferredLanguages: [String]
  /// Positions in `index.stories` of the stories shown, in listing order.
  public var rows: [Int]
  /// For each row, the position in `listing.visible` of the story's first listed article.
  public var firstListedRows: [Int]
  /// Selection and scroll of the story rows.
  public var list: ListViewport
  /// The story whose articles the listing is narrowed to, nil when none is open.
  public var opened: StoryID?

  public init(preferredLanguages: [String] = []) {
    isShown = false
    index = nil
    indexedCatalog = nil
    self.preferredLanguages = preferredLanguages
    rows = []
    firstListedRows = []
    list = ListViewport()
    opened = nil
  }

  /// The story at `row` of the shown rows.
  public func story(atRow row: Int) -> Story? {
    guard let index, row >= 0, row < rows.count else { return nil }
    return index.stories[rows[row]]
  }

  /// The selected story.
  public var selectedStory: Story? { list.selectedIndex.flatMap(story(atRow:)) }

  /// What the row of `story` shows.
  public func summary(of story: Story) -> StorySummary? {
    index?.summary(of: story, preferredLanguages: preferredLanguages)
  }

  /// Shows the view over `listing` (closing an opened story first), the story of the selected article
  /// selected; or hides it.
  public mutating func toggle(_ listing: inout Listing) {
    if isShown {
      isShown = false
      return
    }
    if opened != nil { close(&listing) }
    if indexedCatalog !== listing.catalog {
      index = StoryIndex(articles: listing.catalog.articles)
      indexedCatalog = listing.catalog
    }
    isShown = true
    list = ListViewport()
    refresh(listing)
  }

  /// Recomputes the rows from the listing, keeping the selected story when it is still shown (else the
  /// story of the selected article).
  public mutating func refresh(_ listing: Listing) {
    guard isShown, let index else { return }
    let selected = selectedStory?.id
    // `StoryIndex.storyOrder(following:)`, keeping where each story's first article is listed.
    var seen = [Bool](repeating: false, count: index.stories.count)
    rows = []
    firstListedRows = []
    for (position, article) in listing.visible.enumerated() {
      let story = Int(index.storyOfArticle[article])
      if !seen[story] {
        seen[story] = true
        rows.append(story)
        firstListedRows.append(position)
      }
    }
    list.setCount(rows.count)
    let fallback = listing.selectedArticleIndex.map { index.story(ofArticle: $0).id }
    for target in [selected, fallback] {
      if let target, let row = rows.firstIndex(where: { index.stories[$0].id == target }) {
        list.select(row)
        break
      }
    }
  }

  /// Moves the story selection (`height` rows a page) and points the listing at the story's first listed
  /// article, so the details pane shows it.
  public mutating func move(_ movement: Movement, height: Int, listing: inout Listing) {
    list.move(movement, height: height)
    followSelection(&listing)
  }

  /// Selects row `row` (a click).
  public mutating func select(_ row: Int, listing: inout Listing) {
    guard row >= 0, row < rows.count else { return }
    list.select(row)
    listing.setFocus(.articles)
    followSelection(&listing)
  }

  /// Opens the selected story: the listing narrowed to its articles; the view is hidden until `close`.
  public mutating func openSelected(_ listing: inout Listing) {
    guard let story = selectedStory else { return }
    opened = story.id
    isShown = false
    var restriction = listing.restriction
    restriction.articles = Set(story.members)
    listing.restrict(restriction)
  }

  /// Back from an opened story to the stories view, its story still selected.
  public mutating func close(_ listing: inout Listing) {
    guard opened != nil else { return }
    opened = nil
    var restriction = listing.restriction
    restriction.articles = nil
    listing.restrict(restriction)
    isShown = true
    refresh(listing)
  }

  /// A grouping made off the run loop: kept when it is of the catalog listed now and none is yet.
  public mutating func grouped(_ grouping: StoryIndex, for catalog: ArticleCatalog, listing: Listing) {
    guard catalog === listing.catalog, indexedCatalog !== catalog else { return }
    index = grouping
    indexedCatalog = catalog
    refresh(listing)
  }

  /// A new catalog: the grouping is rebuilt when the view is next shown or now if it is shown; an opened
  /// story is closed (the listing already dropped its members).
  public mutating func catalogReplaced(_ listing: Listing) {
    opened = nil
    guard isShown else {
      index = nil
      indexedCatalog = nil
      return
    }
    index = StoryIndex(articles: listing.catalog.articles)
    indexedCatalog = listing.catalog
    refresh(listing)
  }

  private func followSelection(_ listing: inout Listing) {
    guard let row = list.selectedIndex, row < firstListedRows.count else { return }
    listing.select(firstListedRows[row], in: .articles)
  }
}
