import NewsCore
import Testing

/// The scan over borrowed buffers (one chunk, or chunks on all cores; every article, topic postings, or a
/// narrowed list) against a plain filter written the obvious way over the articles themselves.
@Suite struct ScanReferenceTests {
  static func articles(count: Int) -> [Article] {
    var articles = CatalogSearchTests.articles(count: count)
    for index in articles.indices {
      articles[index].item.category =
        index % 4 == 0 ? nil : ["World", "WORLD", "Sport", "Économie"][index % 4]
      // A rare topic (under one in eight articles) takes the postings path.
      if index % 50 == 0 { articles[index].item.topics.append("Rare") }
    }
    return articles
  }

  /// An article's fields folded once, so the reference does not fold them again for every filter.
  struct Folded {
    var topics: [String]
    var category: String?
    var provider: String?
    var searched: [String]

    init(_ article: Article) {
      let fold = ArticleCatalog.fold
      topics = article.topics.map(fold)
      category = article.category.map(fold)
      provider = article.provider?.name.map(fold)
      searched =
        ([article.title, article.excerpt, article.provider?.name].compactMap { $0 }.map(fold)) + topics
    }
  }

  /// The indices of the articles that `filter` matches, by the README's rules and nothing cleverer.
  static func reference(_ articles: [Folded], _ filter: ArticleFilter) -> [Int] {
    let fold = ArticleCatalog.fold
    let topics = Set(filter.topics.map(fold))
    let words = filter.search.split(separator: " ").map { fold(String($0)) }.filter { !$0.isEmpty }
    return articles.indices.filter { index in
      let article = articles[index]
      if !topics.isEmpty && !article.topics.contains(where: topics.contains) { return false }
      if let category = filter.category, article.category != fold(category) { return false }
      if let provider = filter.provider, article.provider != fold(provider) { return false }
      return words.allSatisfy { word in article.searched.contains { $0.contains(word) } }
    }
  }

  static let filters = [
    ArticleFilter(category: "world"), ArticleFilter(provider: "provider 4"),
    ArticleFilter(topics: ["rare"]), ArticleFilter(topics: ["Rare", "Topic 12"]),
    ArticleFilter(topics: ["topic 21"], search: "storm"),
    ArticleFilter(topics: ["Rare"], category: "SPORT", search: "e"),
    ArticleFilter(category: "économie", provider: "Provider 1", search: "café coast"),
    ArticleFilter(search: "москва"), ArticleFilter(search: "zz ti"), ArticleFilter(category: "none"),
  ]

  /// 3,000 articles scan in one chunk, 10,000 in chunks on all cores.
  @Test(arguments: [3_000, 10_000])
  func selectMatchesThePlainFilter(count: Int) {
    let articles = Self.articles(count: count)
    let catalog = ArticleCatalog(articles: articles)
    let folded = articles.map(Folded.init)
    for filter in Self.filters {
      let expected = Self.reference(folded, filter)
      let selected = catalog.select(filter, order: .newest)
      #expect(selected.sorted() == expected, "\(filter)")
      #expect(Set(selected).count == selected.count, "\(filter)")
      // Narrowing from everything examines a given candidate list instead of the postings or all articles.
      let narrowed = catalog.select(filter, order: .newest, narrowing: Array(articles.indices.reversed()))
      #expect(narrowed == selected, "narrowed \(filter)")
    }
  }
}
