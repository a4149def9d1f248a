import NewsCore

extension Listing {
  /// Replaces the query text and lists its result: `known` when the caller kept it for this text (Backspace
  /// back to a shorter text), else one evaluation, and none when the text reads as the query already
  /// listed. A text that cannot be read keeps the list as it was and records the error.
  public mutating func setQuery(_ text: String, known: QueryResult? = nil) {
    queryText = text
    let parsed: Query
    do {
      parsed = try Query(text)
    } catch {
      queryError = error
      return
    }
    queryError = nil
    guard parsed.expression != query.expression || known != nil else {
      query = parsed
      return
    }
    let previous = (query, visible)
    query = parsed
    // Typing on narrows what is listed (a word grows, a term is added): only the listed rows are looked at.
    apply(
      known
        ?? catalog.select(parsed, context: queryEnvironment.context, order: sort, narrowing: previous))
  }

  /// The result of the listed query, for keeping while the text is edited further (the reading filter's
  /// mask applied: it is applied again to whatever is listed, so applying it twice changes nothing).
  public var queryResult: QueryResult { QueryResult(indices: visible, relatedOnly: relatedOnly) }

  /// Lists `result`, keeping the selected article selected when it is still listed.
  mutating func apply(_ result: QueryResult) {
    let previous = visible
    let selected = selectedArticleIndex
    let row = articleList.selection
    visible = listed(result)
    relatedOnly = result.relatedOnly
    reselect(selected, fallbackRow: row, previous: previous)
  }

  /// Adds `topic:"…"` to the query, or takes it out when it is there (topics compare case- and
  /// accent-insensitively).
  public mutating func toggleTopic(_ topic: String) {
    setQuery(QueryText.toggling(.topic, topic, in: queryText, active: activeTopics))
  }

  /// Takes every topic term out of the query.
  public mutating func clearTopics() {
    var text = queryText
    for topic in activeTopics { text = QueryText.removing(.topic, topic, from: text) }
    if text != queryText { setQuery(text) }
  }

  /// The next sort order, keeping the selected article selected.
  public mutating func cycleSort() {
    sort = sort.next
    let selected = selectedArticleIndex
    visible = catalog.sorted(visible, by: sort)
    reselect(selected, fallbackRow: articleList.selection, previous: nil)
  }

  /// Evaluates the listed query again: the reading state or the clock it reads changed.
  public mutating func refreshQuery(environment: QueryEnvironment) {
    queryEnvironment = environment
    apply(catalog.select(query, context: environment.context, order: sort))
  }

  /// New records (a reload or the first load): the query, the reading filter (`newMask`, its mask for
  /// `newCatalog`) and the sort are kept, and the selected article
  /// when it is still there (else the same row).
  public mutating func replaceCatalog(_ newCatalog: ArticleCatalog, markMask newMask: [Bool]? = nil) {
    let selectedID = selectedArticle?.id
    let row = articleList.selection
    catalog = newCatalog
    markMask = newMask?.count == catalog.articles.count ? newMask : nil
    topicShortcuts = Array(catalog.topics.prefix(9))
    sharedProviderNames = Listing.providerNamesSharedByDomains(in: catalog)
    // A story's members are indices into the old catalog: the story is closed; a period still applies.
    restriction.articles = nil
    let result = catalog.select(query, context: queryEnvironment.context, order: sort)
    visible = listed(result)
    relatedOnly = result.relatedOnly
    reselect(selectedID.flatMap(catalog.index(of:)), fallbackRow: row, previous: nil)
    resetRelated()
  }
}

extension Listing {
  /// Sets the reading filter's mask (nil: every article) and lists again, keeping the selection.
  public mutating func setMarkMask(_ mask: [Bool]?) {
    guard mask == nil || mask?.count == catalog.articles.count else { return }
    markMask = mask
    apply(catalog.select(query, context: queryEnvironment.context, order: sort))
  }

  /// `rows` without the articles the reading filter leaves out.
  func masked(_ rows: [Int]) -> [Int] {
    guard let markMask else { return rows }
    return rows.filter { $0 < markMask.count && markMask[$0] }
  }

  /// What the list shows of a query's result: the reading filter's mask, then the restriction (an opened
  /// story, a chosen period) applied.
  func listed(_ result: QueryResult) -> [Int] { restriction.apply(to: masked(result.indices), in: catalog) }
}
