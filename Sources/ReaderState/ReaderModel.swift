import NewsCore

/// The whole reader as one value: everything the screen shows is derived from it, and only `apply` changes it.
public struct ReaderModel: Sendable, Equatable {
  /// The loaded records, prepared for filtering and sorting.
  public var catalog: ArticleCatalog
  public var diagnostics: [Diagnostic]
  /// Topics, search text and any category or provider given on the command line.
  public var filter: ArticleFilter
  public var sort: SortOrder
  /// Indices into `catalog.articles` of the articles listed, in `sort` order.
  public var visible: [Int]
  /// The articles matching every filter but the topics, in `sort` order: a topic toggle only narrows this,
  /// and the picker's live counts are counted in it.
  public var searchResult: [Int]
  /// While a search is typed, the results of its shorter forms, so Backspace does not search again.
  public var searchSteps: [SearchStep]
  /// Selection and scroll of the article list (rows are positions in `visible`).
  public var articleList: ListViewport
  /// Selection and scroll of the selected article's related coverage.
  public var relatedList: ListViewport
  /// Scroll of the details text; its count is the wrapped line count the view reports.
  public var details: ListViewport
  public var focus: Pane
  /// Whether the details pane shows the selected related item rather than the article.
  public var detailsShowsRelated: Bool
  /// Topics reachable with the digits 1–9: the most frequent topics of the catalog.
  public var topicShortcuts: [String]
  public var searchMode: SearchMode
  /// What cancelling the search in progress restores.
  public var searchSnapshot: SearchSnapshot?
  public var overlay: Overlay?
  /// Selection and scroll inside the open overlay (topic picker rows, diagnostics, help lines).
  public var overlayList: ListViewport
  /// Live count per topic of `catalog.topics` with the other filters applied; kept fresh while the picker is open.
  public var topicCounts: [Int]
  public var status: StatusMessage?
  public var size: TerminalSize
  public var paneHeights: PaneHeights
  /// True between asking for a (re)load and receiving its records.
  public var isLoading: Bool
  /// What was opened, as the header names it (`seeds/`, or `3 paths`); nil names nothing.
  public var sourceName: String?
  /// How far the load in progress has got, when the loader has said.
  public var loadProgress: LoadProgress?

  /// A reader over `catalog` with `filter` applied (for command-line category or provider), sized for `size`.
  public init(
    catalog: ArticleCatalog, diagnostics: [Diagnostic] = [], filter: ArticleFilter = ArticleFilter(),
    sort: SortOrder = .newest, size: TerminalSize = TerminalSize(columns: 80, rows: 24)
  ) {
    self.catalog = catalog
    self.diagnostics = diagnostics
    self.filter = filter
    self.sort = sort
    var others = filter
    others.topics = []
    self.searchResult = catalog.select(others, order: sort)
    self.visible = filter.topics.isEmpty ? searchResult : catalog.select(filter, order: sort)
    self.searchSteps = []
    self.size = size
    self.paneHeights = PaneHeights.standard(for: size)
    self.articleList = ListViewport(count: visible.count, height: paneHeights.articles)
    self.relatedList = ListViewport(height: paneHeights.related)
    self.details = ListViewport(height: paneHeights.details)
    self.focus = .articles
    self.detailsShowsRelated = false
    self.topicShortcuts = Array(catalog.topics.prefix(9))
    self.searchMode = .off
    self.searchSnapshot = nil
    self.overlay = nil
    self.overlayList = ListViewport()
    self.topicCounts = []
    self.status = nil
    self.isLoading = false
    self.loadProgress = nil
    self.sourceName = nil
    resetRelated()
  }
}

/// A pane that can have the keyboard focus, in Tab order.
public enum Pane: Sendable, Hashable, CaseIterable {
  case articles, details, related
}

/// Whether the search text is being typed, kept, or absent.
public enum SearchMode: Sendable, Hashable {
  case off, editing, applied
}

/// A window drawn over the panes.
public enum Overlay: Sendable, Hashable {
  case help, topicPicker, diagnostics
}

/// The list as it was when a search started, so Esc can put it back without filtering again.
public struct SearchSnapshot: Sendable, Equatable {
  public var search: String
  public var mode: SearchMode
  public var visible: [Int]
  public var searchResult: [Int]
  public var articleList: ListViewport

  public init(
    search: String, mode: SearchMode, visible: [Int], searchResult: [Int], articleList: ListViewport
  ) {
    self.search = search
    self.mode = mode
    self.visible = visible
    self.searchResult = searchResult
    self.articleList = articleList
  }
}

/// The search result for one search text, kept while a longer text is being typed.
public struct SearchStep: Sendable, Equatable {
  public var search: String
  public var searchResult: [Int]

  public init(search: String, searchResult: [Int]) {
    self.search = search
    self.searchResult = searchResult
  }
}

/// A short message for the status bar that disappears at `expires` (seconds on the caller's clock).
public struct StatusMessage: Sendable, Hashable {
  public var text: String
  public var isError: Bool
  public var expires: Double

  public init(text: String, isError: Bool = false, expires: Double) {
    self.text = text
    self.isError = isError
    self.expires = expires
  }
}

/// The terminal's size in columns and rows.
public struct TerminalSize: Sendable, Hashable {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }
}

/// Rows available to each pane's content, which paging needs; the view's layout decides them.
public struct PaneHeights: Sendable, Hashable {
  public var articles: Int
  public var related: Int
  public var details: Int
  /// Rows an overlay's list shows.
  public var overlay: Int

  public init(articles: Int, related: Int, details: Int, overlay: Int) {
    self.articles = articles
    self.related = related
    self.details = details
    self.overlay = overlay
  }

  /// A default split: a header and a status row, the article list beside details over related coverage.
  public static func standard(for size: TerminalSize) -> PaneHeights {
    let body = max(1, size.rows - 2)
    let related = max(1, min(8, body / 3) - 2)
    return PaneHeights(
      articles: max(1, body - 2), related: related, details: max(1, body - related - 4),
      overlay: max(1, body - 4))
  }
}

/// Record files read so far out of those found, for the progress shown while loading.
public struct LoadProgress: Sendable, Hashable {
  public var filesRead: Int
  public var filesTotal: Int

  public init(filesRead: Int, filesTotal: Int) {
    self.filesRead = filesRead
    self.filesTotal = filesTotal
  }
}
