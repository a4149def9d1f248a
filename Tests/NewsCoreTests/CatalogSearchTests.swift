import NewsCore
import Testing

/// Search over a catalog large enough to take every scan path (chunked on all cores, marked narrowing),
/// checked against a plain `String.contains` oracle over the folded fields.
@Suite struct CatalogSearchTests {
  static let words = [
    "storm", "coast", "café", "cafe", "東京", "経済", "москва", "القاهرة", "rise", "prices", "zz", "a", "ti",
    "provider 7", "topic 3", "news", "ex", "e\u{301}", "ÉCONOMIE", "straße",
  ]

  /// A deterministic corpus mixing scripts, short and long fields, and fields ending in a searched word.
  static func articles(count: Int) -> [Article] {
    var state: UInt64 = 42
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    return (0..<count).map { index in
      var title: [String] = []
      for _ in 0..<(1 + next(6)) { title.append(words[next(words.count)]) }
      // Every 97th article has a one-word title: words at the very end of a short text.
      if index % 97 == 0 { title = [words[next(words.count)]] }
      let excerpt = index % 5 == 0 ? nil : (0..<next(40)).map { _ in words[next(words.count)] }.joined(separator: " ")
      return Article(
        id: ArticleID(String(index)), source: RecordSource(path: "p", relativePath: "p", documentIndex: 0, line: 1),
        item: NewsItem(
          title: index % 31 == 0 ? nil : title.joined(separator: index % 2 == 0 ? " " : ""), excerpt: excerpt,
          publishedDateTime: index % 13 == 0 ? nil : NewsDate(text: "d", secondsSince1970: Double(next(1000))),
          quality: next(10), provider: Provider(name: "Provider \(next(9))"), topics: index % 7 == 0 ? [] : ["Topic \(next(5))\(next(5))"]))
    }
  }

  /// Articles whose folded fields contain every folded word of `search`; `folded` holds each article's fields.
  static func oracle(_ folded: [[String]], _ search: String) -> Set<Int> {
    let needles = search.split(separator: " ").map { ArticleCatalog.fold(String($0)) }.filter { !$0.isEmpty }
    return Set(folded.indices.filter { index in needles.allSatisfy { needle in folded[index].contains { $0.contains(needle) } } })
  }

  static func foldedFields(_ articles: [Article]) -> [[String]] {
    articles.map { article in
      ([article.title, article.excerpt, article.provider?.name] + article.topics.map { Optional($0) })
        .compactMap { $0 }.map(ArticleCatalog.fold)
    }
  }

  @Test func searchMatchesTheOracleInEveryOrder() {
    // 10,000 candidates are enough for the scan to split into chunks.
    let articles = Self.articles(count: 10_000)
    let catalog = ArticleCatalog(articles: articles)
    let folded = Self.foldedFields(articles)
    let searches = ["storm", "ti", "東京", "القاهرة", "zz", "café coast", "provider 7", "e", "eco", "s cafe", "34", "c 12"]
    let expected = searches.map { Self.oracle(folded, $0) }
    for order in SortOrder.allCases {
      let everything = catalog.select(ArticleFilter(), order: order)
      #expect(everything.count == articles.count)
      #expect(Set(everything).count == articles.count)
      for (search, expected) in zip(searches, expected) {
        let selected = catalog.select(ArticleFilter(search: search), order: order)
        #expect(Set(selected) == expected, "\(search) in \(order)")
        #expect(selected == everything.filter { expected.contains($0) }, "order of \(search) in \(order)")
      }
    }
  }

  @Test func newestOrderPutsMissingDatesLastAndTiesInLoadOrder() {
    let articles = Self.articles(count: 3_000)
    let catalog = ArticleCatalog(articles: articles)
    let expected = articles.indices.sorted { a, b in
      switch (articles[a].publishedDateTime?.secondsSince1970, articles[b].publishedDateTime?.secondsSince1970) {
      case (nil, nil): return a < b
      case (nil, _): return false
      case (_, nil): return true
      case let (x?, y?): return x == y ? a < b : x > y
      }
    }
    #expect(catalog.select(ArticleFilter(), order: .newest) == expected)
  }

  @Test func typingLetterByLetterNarrowsExactly() {
    let articles = Self.articles(count: 10_000)
    let catalog = ArticleCatalog(articles: articles)
    for (typed, order) in [("prices", SortOrder.newest), ("москва", .title), ("topic 34", .provider)] {
      var previous = catalog.select(ArticleFilter(topics: ["Topic 34"]), order: order)
      var search = ""
      for character in typed {
        search.append(character)
        let filter = ArticleFilter(topics: ["Topic 34"], search: search)
        let narrowed = catalog.select(filter, order: order, narrowing: previous)
        #expect(narrowed == catalog.select(filter, order: order), "\(search)")
        previous = narrowed
      }
    }
  }
}
