import Foundation

/// The loaded articles with what filtering and sorting need prepared once, shared by `list` and the reader.
public final class ArticleCatalog: Sendable {
  public let articles: [Article]
  private let foldedText: [String]

  public init(articles: [Article]) {
    self.articles = articles
    self.foldedText = articles.map { article in
      let parts = [article.title, article.excerpt, article.provider?.name].compactMap { $0 } + article.topics
      return ArticleCatalog.fold(parts.joined(separator: "\n"))
    }
  }

  /// Case- and diacritic-insensitive form used for every comparison.
  public static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
  }

  /// Indices into `articles` of those matching `filter`, in `order`.
  public func select(_ filter: ArticleFilter, order: SortOrder) -> [Int] {
    let topics = Set(filter.topics.map(ArticleCatalog.fold))
    let words = ArticleCatalog.fold(filter.search).split(whereSeparator: \.isWhitespace)
    let category = filter.category.map(ArticleCatalog.fold)
    let provider = filter.provider.map(ArticleCatalog.fold)
    let matching = articles.indices.filter { index in
      let article = articles[index]
      if !topics.isEmpty, !article.topics.contains(where: { topics.contains(ArticleCatalog.fold($0)) }) { return false }
      if let category, article.category.map(ArticleCatalog.fold) != category { return false }
      if let provider, article.provider?.name.map(ArticleCatalog.fold) != provider { return false }
      return words.allSatisfy { foldedText[index].contains($0) }
    }
    return sorted(matching, by: order)
  }

  /// `indices` sorted by `order`; ties keep load order so results are deterministic.
  public func sorted(_ indices: [Int], by order: SortOrder) -> [Int] {
    func date(_ index: Int) -> Double? { articles[index].publishedDateTime?.secondsSince1970 }
    return indices.sorted { a, b in
      let less: Bool?
      switch order {
      case .newest: less = ArticleCatalog.compareMissingLast(date(a), date(b), descending: true)
      case .oldest: less = ArticleCatalog.compareMissingLast(date(a), date(b), descending: false)
      case .quality: less = ArticleCatalog.compareMissingLast(articles[a].quality, articles[b].quality, descending: true)
      case .heat: less = ArticleCatalog.compareMissingLast(articles[a].heat, articles[b].heat, descending: true)
      case .provider:
        less = ArticleCatalog.compareMissingLast(
          articles[a].provider?.name.map(ArticleCatalog.fold), articles[b].provider?.name.map(ArticleCatalog.fold),
          descending: false)
      case .title:
        less = ArticleCatalog.compareMissingLast(
          articles[a].title.map(ArticleCatalog.fold), articles[b].title.map(ArticleCatalog.fold), descending: false)
      }
      return less ?? (a < b)
    }
  }

  /// Whether `a` sorts before `b`, nil when they tie; missing values always sort last.
  static func compareMissingLast<T: Comparable>(_ a: T?, _ b: T?, descending: Bool) -> Bool? {
    switch (a, b) {
    case (nil, nil): return nil
    case (nil, _): return false
    case (_, nil): return true
    case let (a?, b?):
      if a == b { return nil }
      return descending ? a > b : a < b
    }
  }

  /// Every topic with the number of articles among `indices` that have it, most common first.
  public func topicCounts(in indices: [Int]? = nil) -> [(topic: String, count: Int)] {
    var counts: [String: Int] = [:]
    for index in indices ?? Array(articles.indices) {
      for topic in Set(articles[index].topics) { counts[topic, default: 0] += 1 }
    }
    return counts.map { (topic: $0.key, count: $0.value) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.topic < $1.topic }
  }
}
