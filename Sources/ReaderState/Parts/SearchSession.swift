import NewsCore

/// Search as you type: whether a search is being typed or kept, and what Esc and Backspace restore. The
/// search text itself is the listing's filter; this part owns the editing around it.
public struct SearchSession: Sendable, Equatable {
  public var mode: SearchMode
  /// What cancelling the search in progress restores.
  public var snapshot: SearchSnapshot?
  /// While a search is typed, the results of its shorter forms, so Backspace does not search again.
  public var steps: [SearchStep]

  public init(mode: SearchMode = .off, snapshot: SearchSnapshot? = nil, steps: [SearchStep] = []) {
    self.mode = mode
    self.snapshot = snapshot
    self.steps = steps
  }

  /// Starts typing, remembering `listing` as Esc will put it back.
  public mutating func start(from listing: Listing) {
    guard mode != .editing else { return }
    snapshot = SearchSnapshot(
      search: listing.filter.search, mode: mode, visible: listing.visible,
      searchResult: listing.searchResult, articleList: listing.articleList)
    mode = .editing
  }

  /// Adds typed text at the end of the search and narrows the list.
  public mutating func insert(_ text: String, into listing: inout Listing) {
    guard mode == .editing else { return }
    var narrower = listing.filter
    narrower.search += text
    steps.append(SearchStep(search: listing.filter.search, searchResult: listing.searchResult))
    listing.setFilter(narrower)
  }

  /// Backspace: the shorter search, from the result kept for it when there is one.
  public mutating func deleteBackward(in listing: inout Listing) {
    guard mode == .editing, !listing.filter.search.isEmpty else { return }
    var broader = listing.filter
    broader.search.removeLast()
    if let step = steps.last, step.search == broader.search {
      steps.removeLast()
      listing.setFilter(broader, knownSearchResult: step.searchResult)
    } else {
      listing.setFilter(broader)
    }
  }

  /// Enter: keeps the search (or ends it when empty).
  public mutating func commit(_ listing: Listing) {
    guard mode == .editing else { return }
    mode = listing.filter.search.isEmpty ? .off : .applied
    snapshot = nil
    steps = []
  }

  /// Esc while typing: the search and list as they were before; false when no search was being typed.
  public mutating func cancel(in listing: inout Listing) -> Bool {
    guard mode == .editing, let snapshot else { return false }
    listing.filter.search = snapshot.search
    listing.visible = snapshot.visible
    listing.searchResult = snapshot.searchResult
    listing.articleList = snapshot.articleList
    listing.resetRelated()
    mode = snapshot.mode
    self.snapshot = nil
    steps = []
    return true
  }

  /// Esc after a kept search: drops it.
  public mutating func clear(in listing: inout Listing) {
    guard mode == .applied else { return }
    var broader = listing.filter
    broader.search = ""
    mode = .off
    listing.setFilter(broader)
  }

  /// The list was sorted anew: what Esc restores is sorted the same way, and the kept steps are dropped.
  public mutating func resort(in catalog: ArticleCatalog, by sort: SortOrder) {
    steps = []
    guard var snapshot else { return }
    snapshot.visible = catalog.sorted(snapshot.visible, by: sort)
    snapshot.searchResult = catalog.sorted(snapshot.searchResult, by: sort)
    self.snapshot = snapshot
  }

  /// New records arrived: a search being typed is kept as typed, and nothing from the old records is
  /// restorable.
  public mutating func catalogReplaced(_ listing: Listing) {
    snapshot = nil
    steps = []
    if mode == .editing { mode = listing.filter.search.isEmpty ? .off : .applied }
  }

  /// The filters were cleared (a jump to an article not listed): no search any more.
  public mutating func end() {
    mode = .off
    snapshot = nil
    steps = []
  }
}

/// Whether the search text is being typed, kept, or absent.
public enum SearchMode: Sendable, Hashable {
  case off, editing, applied
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
