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
  /// Per catalog index, whether the reading filter (unread or starred only) keeps the article; nil keeps
  /// all. Set when the filter is chosen, not after each mark, so a row just read stays under the cursor.
  public var markMask: [Bool]?
  /// Topics reachable with the digits 1–9: the most frequent topics of the catalog.
  public var topicShortcuts: [String]
  /// Provider names that several domains share ("Wikipedia" for sv.wikipedia.org and en.wikipedia.org):
  /// lists show the domain for these, since the name tells the rows apart no better than nothing.
  public var sharedProviderNames: Set<String>
  /// An opened story, applied after the query and the reading filter.
  public var restriction = ListingRestriction()
  /// The `date:` term the timeline wrote into the query for the period chosen there (`w`), nil when none
  /// is chosen; a term the user edited away no longer counts (see `chosenPeriodTerm`).
  public var periodTerm: String?

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
    self.markMask = nil
    self.articleList = ListViewport()
    self.relatedList = ListViewport()
    self.details = TextScroll()
    self.focus = .articles
    self.detailsShowsRelated = false
    self.topicShortcuts = Array(catalog.topics.prefix(9))
    self.sharedProviderNames = Listing.providerNamesSharedByDomains(in: catalog)
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

extension Listing {
  /// The provider names given with more than one domain among the articles and their related items (the
  /// catalog keeps them, and a change carries them).
  static func providerNamesSharedByDomains(in catalog: ArticleCatalog) -> Set<String> {
    catalog.providerNamesSharedByDomains
  }

  /// How a list names `provider`: its name, or its domain (without `www.`) when the name is shared by
  /// several domains or missing.
  public func providerLabel(_ provider: Provider?) -> String {
    guard let provider else { return "" }
    if let name = provider.name, !name.isEmpty, !sharedProviderNames.contains(name) { return name }
    guard var domain = provider.domain, !domain.isEmpty else { return provider.name ?? "" }
    if domain.hasPrefix("www.") { domain.removeFirst(4) }
    return domain
  }
}
