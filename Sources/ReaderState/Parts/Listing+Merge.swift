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

    // The selected article is looked for by id without a table of every row (hashing 100,000 ids was most
    // of listing a large load); the table is made only when it is gone, to find its nearest neighbour.
    let articles = catalog.articles
    var row: Int? = selectedID.flatMap { id in visible.firstIndex { articles[$0].id == id } }
    if row == nil, let oldRow {
      var rowOfID: [ArticleID: Int] = [:]
      rowOfID.reserveCapacity(visible.count)
      for (row, index) in visible.enumerated() { rowOfID[articles[index].id] = row }
      let neighbours = Array(oldRow + 1..<oldVisible.count) + Array((0..<oldRow).reversed())
      row = neighbours.lazy.compactMap { rowOfID[oldArticles[oldVisible[$0]].id] }.first
    }
    keepPlace(row: row ?? 0, screenRow: screenRow, selectedID: selectedID, selectedRelated: selectedRelated)
  }

  /// The records of the files the watcher saw change, merged in place as `mergeCatalog` does, at the cost
  /// of the change: the rows listed are carried over through the change's index map, and only the articles
  /// new or read again are filtered and then merged into the sorted rows.
  ///
  /// A change made from another catalog than the one listed (a full load came between) is merged whole.
  public mutating func mergeChange(_ change: CatalogChange, markMask newMask: [Bool]? = nil, height: Int) {
    // A change made from another catalog, or an opened story (its members are the old catalog's
    // indices), is merged whole.
    guard change.base === catalog, restriction.articles == nil else {
      mergeCatalog(change.catalog, markMask: newMask, height: height)
      return
    }
    let screenRow = articleList.selection - articleList.offset(height: height)
    let oldVisible = visible
    let oldRow = articleList.selectedIndex
    let selectedOld = selectedArticleIndex
    let selectedID = selectedArticle?.id
    let selectedRelated = relatedList.selection

    catalog = change.catalog
    markMask = newMask?.count == catalog.articles.count ? newMask : nil
    topicShortcuts = Array(catalog.topics.prefix(9))
    sharedProviderNames = Listing.providerNamesSharedByDomains(in: catalog)
    let newIndices = change.newIndices
    func carried(_ rows: [Int]) -> [Int] {
      rows.compactMap { newIndices[$0] < 0 ? nil : Int(newIndices[$0]) }
    }
    // Only the new and re-read articles are tested against the query (the same query narrows itself, so
    // `select` looks at those alone); the rest keep their places.
    let arriving =
      change.reread.isEmpty
      ? QueryResult(indices: [], relatedOnly: [])
      : catalog.select(
        query, context: queryEnvironment.context, order: sort, narrowing: (query, change.reread))
    visible = catalog.merge(carried(visible), masked(arriving.indices), by: sort)
    relatedOnly = Set(carried(Array(relatedOnly))).union(arriving.relatedOnly)

    var selected = selectedOld.flatMap { newIndices[$0] < 0 ? nil : Int(newIndices[$0]) }
    if selected == nil, let selectedID {
      // Read again: the same id among the arrivals.
      selected = change.reread.first { catalog.articles[$0].id == selectedID }
    }
    var row = selected.flatMap { visible.firstIndex(of: $0) }
    if row == nil, let oldRow {
      var rowOfIndex: [Int: Int] = [:]
      rowOfIndex.reserveCapacity(visible.count)
      for (row, index) in visible.enumerated() { rowOfIndex[index] = row }
      let neighbours = Array(oldRow + 1..<oldVisible.count) + Array((0..<oldRow).reversed())
      row =
        neighbours.lazy.compactMap {
          newIndices[oldVisible[$0]] < 0 ? nil : rowOfIndex[Int(newIndices[oldVisible[$0]])]
        }.first
    }
    keepPlace(row: row ?? 0, screenRow: screenRow, selectedID: selectedID, selectedRelated: selectedRelated)
  }

  /// Selects `row` at `screenRow` rows from the top of the list, and keeps the related selection when the
  /// selected article is still the one that was (`selectedID`).
  private mutating func keepPlace(row: Int, screenRow: Int, selectedID: ArticleID?, selectedRelated: Int) {
    articleList = ListViewport(
      count: visible.count, selection: row, offset: max(0, row - screenRow), context: articleList.context)
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
