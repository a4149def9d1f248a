import NewsCore

extension ReaderModel {
  mutating func move(_ movement: Movement) {
    if overlay == .help {
      overlayList.scroll(movement)  // help has no selection: its keys page through the text
      return
    }
    if overlay != nil {
      overlayList.move(movement)
      return
    }
    switch focus {
    case .articles:
      let before = articleList.selection
      articleList.move(movement)
      if articleList.selection != before { resetRelated() }
    case .related:
      relatedList.move(movement)
      details = ListViewport(height: paneHeights.details)
    case .details:
      details.scroll(movement)
    }
  }

  /// Focuses `pane` and selects `row` in it; the details pane has no rows, so it is only focused.
  mutating func select(_ row: Int, in pane: Pane) {
    setFocus(pane)
    switch pane {
    case .articles:
      guard row >= 0, row < articleList.count, row != articleList.selection else { break }
      articleList.select(row)
      resetRelated()
    case .related:
      guard row >= 0, row < relatedList.count else { break }
      relatedList.select(row)
      details = ListViewport(height: paneHeights.details)
    case .details:
      break
    }
  }

  mutating func setFocus(_ pane: Pane) {
    focus = pane
    let showedRelated = detailsShowsRelated
    switch pane {
    case .articles: detailsShowsRelated = false
    case .related: detailsShowsRelated = relatedList.count > 0
    case .details: break
    }
    if detailsShowsRelated != showedRelated { details = ListViewport(height: paneHeights.details) }
  }

  mutating func activate(now: Double) {
    switch focus {
    case .articles:
      guard selectedArticle != nil else { break }
      setFocus(relatedList.count > 0 ? .related : .details)
    case .details:
      break
    case .related:
      guard let item = selectedRelated else { break }
      guard let target = catalog.articleIndex(linkedFrom: item) else {
        setStatus("This related item is not among the loaded articles", isError: true, now: now)
        break
      }
      jump(to: target)
    }
  }

  /// Selects article `target`, clearing every filter first when it is not listed.
  mutating func jump(to target: Int) {
    if !visible.contains(target) {
      filter = ArticleFilter()
      searchMode = .off
      searchSnapshot = nil
      searchSteps = []
      searchResult = catalog.select(filter, order: sort)
      visible = searchResult
    }
    articleList.setCount(visible.count)
    articleList.select(visible.firstIndex(of: target) ?? 0)
    focus = .articles
    detailsShowsRelated = false
    resetRelated()
  }

  /// Replaces the filter and recomputes the list: the search result only when the non-topic filters
  /// changed (narrowing from the current one when they allow), then the topics over it.
  mutating func setFilter(_ newFilter: ArticleFilter, knownSearchResult: [Int]? = nil) {
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
      if overlay == .topicPicker { topicCounts = catalog.topicCounts(among: searchResult) }
    }
    visible =
      filter.topics.isEmpty
      ? searchResult
      : catalog.select(ArticleFilter(topics: filter.topics), order: sort, narrowing: searchResult)
    reselect(selected, fallbackRow: row, previous: previous)
  }

  mutating func toggleTopic(_ topic: String) {
    var changed = filter
    if let existing = changed.topics.first(where: { ArticleCatalog.fold($0) == ArticleCatalog.fold(topic) }) {
      changed.topics.remove(existing)
    } else {
      changed.topics.insert(topic)
    }
    setFilter(changed)
  }

  /// Selects `article` when it is listed; otherwise the listed article nearest to where the selection was in
  /// `previous` (or the same row when there is no previous list to look in).
  mutating func reselect(_ article: Int?, fallbackRow: Int, previous: [Int]?) {
    // `article` was selected before `visible` changed; reading the selection now could index past the list.
    let before = article
    articleList.setCount(visible.count)
    if let article, let row = visible.firstIndex(of: article) {
      articleList.select(row)
    } else if let previous, !visible.isEmpty, fallbackRow < previous.count {
      var rowInNew = [Int32](repeating: -1, count: catalog.articles.count)
      for (row, index) in visible.enumerated() { rowInNew[index] = Int32(row) }
      var found: Int?
      var distance = 0
      while found == nil && (fallbackRow - distance >= 0 || fallbackRow + distance < previous.count) {
        for candidate in [fallbackRow + distance, fallbackRow - distance]
        where candidate >= 0 && candidate < previous.count && rowInNew[previous[candidate]] >= 0 {
          found = Int(rowInNew[previous[candidate]])
          break
        }
        distance += 1
      }
      articleList.select(found ?? fallbackRow)
    } else {
      articleList.select(fallbackRow)
    }
    if selectedArticleIndex != before { resetRelated() }
  }

  /// Points the related list and details at the selected article's start.
  mutating func resetRelated() {
    relatedList = ListViewport(count: selectedArticle?.related.count ?? 0, height: paneHeights.related)
    details = ListViewport(height: paneHeights.details)
    if relatedList.count == 0 {
      detailsShowsRelated = false
      if focus == .related { focus = .articles }
    }
  }

  mutating func openOverlay(_ kind: Overlay, rows: Int) {
    overlay = kind
    overlayList = ListViewport(count: rows, height: paneHeights.overlay)
  }

  mutating func setPaneHeights(_ heights: PaneHeights) {
    paneHeights = heights
    articleList.setHeight(heights.articles)
    relatedList.setHeight(heights.related)
    details.setHeight(heights.details)
    overlayList.setHeight(heights.overlay)
  }

  mutating func setStatus(_ text: String, isError: Bool = false, now: Double) {
    status = StatusMessage(text: text, isError: isError, expires: now + ReaderModel.statusDuration)
  }
}
