import NewsCore

/// The article list and what hangs off it: the catalog, the filter and sort, the rows listed, the
/// selection of the article and related lists, the details scroll and the focus.
public struct Listing: Sendable, Equatable {
  /// The loaded records, prepared for filtering and sorting.
  public var catalog: ArticleCatalog
  /// Topics, search text and any category or provider given on the command line.
  public var filter: ArticleFilter
  public var sort: SortOrder
  /// Indices into `catalog.articles` of the articles listed, in `sort` order.
  public var visible: [Int]
  /// The articles matching every filter but the topics, in `sort` order: a topic toggle only narrows this,
  /// and the picker's live counts are counted in it.
  public var searchResult: [Int]
  /// Selection and scroll of the article list (rows are positions in `visible`).
  public var articleList: ListViewport
  /// Selection and scroll of the selected article's related coverage.
  public var relatedList: ListViewport
  /// Scroll of the details text.
  public var details: TextScroll
  public var focus: Pane
  /// Whether the details pane shows the selected related item rather than the article.
  public var detailsShowsRelated: Bool
  /// Topics reachable with the digits 1–9: the most frequent topics of the catalog.
  public var topicShortcuts: [String]
  /// An opened story or a chosen period, applied after the filter.
  public var restriction = ListingRestriction()

  /// `catalog` listed with `filter` applied, in `sort` order, the first article selected.
  public init(catalog: ArticleCatalog, filter: ArticleFilter = ArticleFilter(), sort: SortOrder = .newest) {
    self.catalog = catalog
    self.filter = filter
    self.sort = sort
    var others = filter
    others.topics = []
    self.searchResult = catalog.select(others, order: sort)
    self.visible = filter.topics.isEmpty ? searchResult : catalog.select(filter, order: sort)
    self.articleList = ListViewport(count: visible.count)
    self.relatedList = ListViewport()
    self.details = TextScroll()
    self.focus = .articles
    self.detailsShowsRelated = false
    self.topicShortcuts = Array(catalog.topics.prefix(9))
    resetRelated()
  }
}

/// A pane that can have the keyboard focus, in Tab order.
public enum Pane: Sendable, Hashable, CaseIterable {
  case articles, details, related
}

extension Pane {
  var order: Int {
    switch self {
    case .articles: 0
    case .details: 1
    case .related: 2
    }
  }
}
