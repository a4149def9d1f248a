import NewsCore

/// The article list and what hangs off it: the catalog, the query and sort, the rows listed, the
/// selection of the article and related lists, the details scroll and the focus.
public struct Listing: Sendable, Equatable {
  /// The loaded records, prepared for filtering and sorting.
  public var catalog: ArticleCatalog
  /// The query as written: search words, the topics the digits and pickers add, any facet terms. It is
  /// the one place where what narrows the list can be read.
  public var queryText: String
  /// The last query that could be read; the list shows its result while `queryText` does not parse.
  public var query: Query
  /// Why `queryText` cannot be read, or nil when it can.
  public var queryError: QueryError?
  /// The clock, time zone and reading state the query is evaluated with.
  public var queryEnvironment: QueryEnvironment
  public var sort: SortOrder
  /// Indices into `catalog.articles` of the articles listed, in `sort` order.
  public var visible: [Int]
  /// Those of `visible` that match only through their related coverage.
  public var relatedOnly: Set<Int>
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

  /// `catalog` listed with `query` applied (an unreadable query lists everything and keeps its error), in
  /// `sort` order, the first article selected.
  public init(
    catalog: ArticleCatalog, query: String = "", sort: SortOrder = .newest,
    environment: QueryEnvironment = QueryEnvironment()
  ) {
    self.catalog = catalog
    self.queryText = query
    self.query = .everything
    self.queryError = nil
    self.queryEnvironment = environment
    self.sort = sort
    self.visible = []
    self.relatedOnly = []
    self.articleList = ListViewport()
    self.relatedList = ListViewport()
    self.details = TextScroll()
    self.focus = .articles
    self.detailsShowsRelated = false
    self.topicShortcuts = Array(catalog.topics.prefix(9))
    do {
      self.query = try Query(query)
    } catch {
      self.queryError = error
    }
    let result = catalog.select(self.query, context: environment.context, order: sort)
    visible = result.indices
    relatedOnly = result.relatedOnly
    articleList = ListViewport(count: visible.count)
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
