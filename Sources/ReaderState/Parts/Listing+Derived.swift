import NewsCore

/// One row of the topic picker or the shortcut bar.
public struct TopicRow: Sendable, Hashable {
  public var topic: String
  /// Articles having this topic among those listed (what adding it would leave).
  public var count: Int
  public var isActive: Bool
  /// 1–9 when a digit toggles this topic.
  public var shortcut: Int?

  public init(topic: String, count: Int, isActive: Bool, shortcut: Int?) {
    self.topic = topic
    self.count = count
    self.isActive = isActive
    self.shortcut = shortcut
  }
}

extension Listing {
  /// The topics every listed article must have: the query's top-level `topic:` terms.
  public var activeTopics: [String] { QueryText.requiredValues(.topic, in: query) }
  /// The folded words the listed query looks for, to highlight where they occur.
  public var highlightTerms: [String] { query.highlightTerms }
  /// Whether the article at `row` of the visible list matches only through its related coverage.
  public func isRelatedOnly(row: Int) -> Bool { relatedOnly.contains(visible[row]) }

  /// The article at `row` of the visible list.
  public func visibleArticle(at row: Int) -> Article { catalog.articles[visible[row]] }

  /// Index into `catalog.articles` of the selected article.
  public var selectedArticleIndex: Int? { articleList.selectedIndex.map { visible[$0] } }
  public var selectedArticle: Article? { selectedArticleIndex.map { catalog.articles[$0] } }
  /// The selected article's related coverage.
  public var relatedItems: RelatedCoverage { selectedArticle?.related ?? [] }
  public var selectedRelated: RelatedItem? {
    guard let row = relatedList.selectedIndex, let article = selectedArticle, row < article.related.count
    else {
      return nil
    }
    return article.related[row]
  }
  /// What the details pane shows: the selected related item when it has been focused, else the article.
  public var detailsItem: NewsItem? {
    detailsShowsRelated ? (selectedRelated ?? selectedArticle?.item) : selectedArticle?.item
  }
  /// The article a related row links to, if its URL is an article of the corpus.
  public func linkedArticle(forRelatedRow row: Int) -> Int? {
    let items = relatedItems
    return row < items.count ? catalog.articleIndex(linkedFrom: items[row]) : nil
  }
  /// Whether Enter on the related list goes somewhere: its selected item is a loaded article.
  public var selectedRelatedIsLoaded: Bool {
    relatedList.selectedIndex.flatMap(linkedArticle(forRelatedRow:)) != nil
  }

  /// The numbered topics with whether each is active, for a shortcut bar.
  public var topicShortcutRows: [TopicRow] {
    topicShortcuts.enumerated().map { position, topic in
      TopicRow(
        topic: topic, count: catalogFrequency(topic), isActive: isActive(topic), shortcut: position + 1)
    }
  }

  /// Every topic in the picker's order (most frequent first) with its live count from `counts` (same
  /// positions as `catalog.topics`; the catalog's frequencies where it has none).
  public func topicPickerRows(counts: [Int]) -> [TopicRow] {
    catalog.topics.enumerated().map { position, topic in
      TopicRow(
        topic: topic,
        count: position < counts.count ? counts[position] : catalog.topicFrequencies[position],
        isActive: isActive(topic),
        shortcut: position < 9 && position < topicShortcuts.count ? position + 1 : nil)
    }
  }

  /// "12 of 1,413" style position text for the header: selected row (1-based) and visible count.
  public var listPosition: (selected: Int?, visible: Int, total: Int) {
    (articleList.selectedIndex.map { $0 + 1 }, visible.count, catalog.articles.count)
  }

  func isActive(_ topic: String) -> Bool {
    let folded = ArticleCatalog.fold(topic)
    return activeTopics.contains { ArticleCatalog.fold($0) == folded }
  }

  private func catalogFrequency(_ topic: String) -> Int {
    catalog.topics.firstIndex(of: topic).map { catalog.topicFrequencies[$0] } ?? 0
  }
}
