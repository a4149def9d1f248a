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
    visible = restrictedVisible()
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
    topicShortcuts = Array(catalog.topics.prefix(9))
    var others = filter
    others.topics = []
    searchResult = catalog.select(others, order: sort)
    // A story's members are indices into the old catalog: the story is closed; a period still applies.
    restriction.articles = nil
    visible = restrictedVisible()
    reselect(selectedID.flatMap(catalog.index(of:)), fallbackRow: row, previous: nil)
    resetRelated()
  }
}
