import NewsCore

extension Listing {
  /// Replaces the filter and recomputes the list: the search result only when the non-topic filters
  /// changed (narrowing from the current one when they allow), then the topics over it.
  public mutating func setFilter(_ newFilter: ArticleFilter, knownSearchResult: [Int]? = nil) {
    let previous = visible
    let selected = selectedArticleIndex
    let row = articleList.selection
    var others = newFilter
    others.topics = []
    var oldOthers = filter
    oldOthers.topics = []
    filter = newFilter
    if others != oldOthers {
      if let knownSearchResult {
        searchResult = knownSearchResult
      } else {
        searchResult = catalog.select(
          others, order: sort, narrowing: others.narrows(oldOthers) ? searchResult : nil)
      }
    }
    visible = masked(
      filter.topics.isEmpty
        ? searchResult
        : catalog.select(ArticleFilter(topics: filter.topics), order: sort, narrowing: searchResult))
    reselect(selected, fallbackRow: row, previous: previous)
  }

  /// Turns `topic` on or off (topics compare case- and accent-insensitively).
  public mutating func toggleTopic(_ topic: String) {
    var changed = filter
    if let existing = changed.topics.first(where: { ArticleCatalog.fold($0) == ArticleCatalog.fold(topic) }) {
      changed.topics.remove(existing)
    } else {
      changed.topics.insert(topic)
    }
    setFilter(changed)
  }

  public mutating func clearTopics() {
    guard !filter.topics.isEmpty else { return }
    var broader = filter
    broader.topics = []
    setFilter(broader)
  }

  /// The next sort order, keeping the selected article selected.
  public mutating func cycleSort() {
    sort = sort.next
    let selected = selectedArticleIndex
    visible = catalog.sorted(visible, by: sort)
    searchResult = catalog.sorted(searchResult, by: sort)
    reselect(selected, fallbackRow: articleList.selection, previous: nil)
  }

  /// New records (a reload or the first load): the filter and sort are kept, and the selected article
  /// when it is still there (else the same row).
  public mutating func replaceCatalog(_ newCatalog: ArticleCatalog) {
    let selectedID = selectedArticle?.id
    let row = articleList.selection
    catalog = newCatalog
    markMask = nil  // its indices were the old catalog's; the model sets it again for the new one
    topicShortcuts = Array(catalog.topics.prefix(9))
    sharedProviderNames = Listing.providerNamesSharedByDomains(in: catalog)
    var others = filter
    others.topics = []
    searchResult = catalog.select(others, order: sort)
    visible = filter.topics.isEmpty ? searchResult : catalog.select(filter, order: sort)
    reselect(selectedID.flatMap(catalog.index(of:)), fallbackRow: row, previous: nil)
    resetRelated()
  }
}

extension Listing {
  /// Sets the reading filter's mask (nil: every article) and lists again, keeping the selection.
  public mutating func setMarkMask(_ mask: [Bool]?) {
    guard mask == nil || mask?.count == catalog.articles.count else { return }
    let previous = visible
    let selected = selectedArticleIndex
    let row = articleList.selection
    markMask = mask
    visible = masked(
      filter.topics.isEmpty
        ? searchResult
        : catalog.select(ArticleFilter(topics: filter.topics), order: sort, narrowing: searchResult))
    reselect(selected, fallbackRow: row, previous: previous)
  }

  /// `rows` without the articles the reading filter leaves out.
  func masked(_ rows: [Int]) -> [Int] {
    guard let markMask else { return rows }
    return rows.filter { $0 < markMask.count && markMask[$0] }
  }
}
