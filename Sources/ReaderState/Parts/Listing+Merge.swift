import NewsCore

extension Listing {
  /// Records of a reload the file watcher asked for, merged in place: the query, the reading filter
  /// (`newMask`, its mask for `newCatalog`) and the sort are kept, new articles take their places in sort
  /// order, and the selected article stays selected at the same row of the screen (a list `height` rows
  /// tall), so nothing the user is reading moves. A selected article that
  /// went away hands the selection to its neighbour: the nearest survivor below it, else above.
  public mutating func mergeCatalog(
    _ newCatalog: ArticleCatalog, markMask newMask: [Bool]? = nil, height: Int
  ) {
    let screenRow = articleList.selection - articleList.offset(height: height)
    let oldVisible = visible
    let oldArticles = catalog.articles
    let oldRow = articleList.selectedIndex
    let selectedID = selectedArticle?.id
    let selectedRelated = relatedList.selection

    catalog = newCatalog
    topicShortcuts = Array(catalog.topics.prefix(9))
    markMask = newMask?.count == catalog.articles.count ? newMask : nil
    sharedProviderNames = Listing.providerNamesSharedByDomains(in: catalog)
    let result = catalog.select(query, context: queryEnvironment.context, order: sort)
    visible = masked(result.indices)
    relatedOnly = result.relatedOnly

    var rowOfID: [ArticleID: Int] = [:]
    rowOfID.reserveCapacity(visible.count)
    for (row, index) in visible.enumerated() { rowOfID[catalog.articles[index].id] = row }
    var row: Int? = selectedID.flatMap { rowOfID[$0] }
    if row == nil, let oldRow {
      let neighbours = Array(oldRow + 1..<oldVisible.count) + Array((0..<oldRow).reversed())
      row = neighbours.lazy.compactMap { rowOfID[oldArticles[oldVisible[$0]].id] }.first
    }
    let newRow = row ?? 0
    articleList = ListViewport(
      count: visible.count, selection: newRow, offset: max(0, newRow - screenRow),
      context: articleList.context)
    if selectedArticle?.id == selectedID {
      // The same article, perhaps with changed coverage: keep the related selection where it still fits.
      let count = selectedArticle?.related.count ?? 0
      relatedList = ListViewport(count: count, selection: selectedRelated, offset: relatedList.offset)
      if count == 0 {
        detailsShowsRelated = false
        if focus == .related { focus = .articles }
      }
    } else {
      resetRelated()
    }
  }
}
