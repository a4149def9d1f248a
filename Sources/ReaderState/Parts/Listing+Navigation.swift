import NewsCore

extension Listing {
  /// Moves in the focused pane: the selection of a list, or the details text (`detailsLines` long).
  public mutating func move(_ movement: Movement, heights: PaneHeights, detailsLines: Int) {
    switch focus {
    case .articles:
      let before = articleList.selection
      articleList.move(movement, height: heights.articles)
      if articleList.selection != before { resetRelated() }
    case .related:
      relatedList.move(movement, height: heights.related)
      details = TextScroll()
    case .details:
      details.scroll(movement, lines: detailsLines, height: heights.details)
    }
  }

  /// Focuses `pane` and selects `row` in it; the details pane has no rows, so it is only focused.
  public mutating func select(_ row: Int, in pane: Pane) {
    setFocus(pane)
    switch pane {
    case .articles:
      guard row >= 0, row < articleList.count, row != articleList.selection else { break }
      articleList.select(row)
      resetRelated()
    case .related:
      guard row >= 0, row < relatedList.count else { break }
      relatedList.select(row)
      details = TextScroll()
    case .details:
      break
    }
  }

  /// Tab order: articles, details, related, around.
  public mutating func focusNext() { setFocus(Pane.allCases[(focus.order + 1) % 3]) }
  public mutating func focusPrevious() { setFocus(Pane.allCases[(focus.order + 2) % 3]) }
  /// Spatially left: side by side, the article list from either right pane; as tabs, the tab to the left.
  public mutating func focusLeft(sideBySide: Bool) {
    setFocus(sideBySide ? .articles : Pane.allCases[max(0, focus.order - 1)])
  }

  /// Spatially right: side by side, the details pane from the list (the right panes are above each other,
  /// so from them right goes nowhere); as tabs, the tab to the right.
  public mutating func focusRight(sideBySide: Bool) {
    if sideBySide {
      if focus == .articles { setFocus(.details) }
    } else {
      setFocus(Pane.allCases[min(2, focus.order + 1)])
    }
  }

  public mutating func setFocus(_ pane: Pane) {
    focus = pane
    let showedRelated = detailsShowsRelated
    switch pane {
    case .articles: detailsShowsRelated = false
    case .related: detailsShowsRelated = relatedList.count > 0
    case .details: break
    }
    if detailsShowsRelated != showedRelated { details = TextScroll() }
  }

  /// What Enter did.
  public enum Activation: Sendable, Equatable {
    /// Nothing to do here, or the focus moved.
    case done
    /// Went to the article the related item links to, clearing the filters first when it was not listed.
    case jumped(clearedFilters: Bool)
    /// The related item links to no loaded article.
    case notLoaded
  }

  /// Enter: on an article, focus its related coverage; on a related item that is also an article, jump to it.
  public mutating func activate() -> Activation {
    switch focus {
    case .articles:
      guard selectedArticle != nil else { return .done }
      setFocus(relatedList.count > 0 ? .related : .details)
      return .done
    case .details:
      return .done
    case .related:
      guard let item = selectedRelated else { return .done }
      guard let target = catalog.articleIndex(linkedFrom: item) else { return .notLoaded }
      return .jumped(clearedFilters: jump(to: target))
    }
  }

  /// Selects article `target`, clearing every filter first when it is not listed; true when it cleared them.
  mutating func jump(to target: Int) -> Bool {
    let clears = !visible.contains(target)
    if clears {
      queryText = ""
      query = .everything
      queryError = nil
      markMask = nil
      restriction = ListingRestriction()
      visible = catalog.sorted(Array(catalog.articles.indices), by: sort)
      relatedOnly = []
    }
    articleList.setCount(visible.count)
    articleList.select(visible.firstIndex(of: target) ?? 0)
    focus = .articles
    detailsShowsRelated = false
    resetRelated()
    return clears
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
    relatedList = ListViewport(count: selectedArticle?.related.count ?? 0)
    details = TextScroll()
    if relatedList.count == 0 {
      detailsShowsRelated = false
      if focus == .related { focus = .articles }
    }
  }
}
