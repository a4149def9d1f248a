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
      let excerpt =
        index % 5 == 0 ? nil : (0..<next(40)).map { _ in words[next(words.count)] }.joined(separator: " ")
      return Article(
        id: ArticleID(String(index)),
        source: RecordSource(path: "p", relativePath: "p", documentIndex: 0, line: 1),
        item: NewsItem(
          title: index % 31 == 0 ? nil : title.joined(separator: index % 2 == 0 ? " " : ""), excerpt: excerpt,
          publishedDateTime: index % 13 == 0
            ? nil : NewsDate(text: "d", secondsSince1970: Double(next(1000))),
          quality: next(10), provider: Provider(name: "Provider \(next(9))"),
          topics: index % 7 == 0 ? [] : ["Topic \(next(5))\(next(5))"]))
    }
  }

  /// Articles whose folded fields contain every folded word of `search`; `folded` holds each article's fields.
  static func oracle(_ folded: [[String]], _ search: String) -> Set<Int> {
    let needles = search.split(separator: " ").map { ArticleCatalog.fold(String($0)) }.filter { !$0.isEmpty }
    return Set(
      folded.indices.filter { index in
        needles.allSatisfy { needle in folded[index].contains { $0.contains(needle) } }
      })
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
    let searches = [
      "storm", "ti", "東京", "القاهرة", "zz", "café coast", "provider 7", "e", "eco", "s cafe", "34", "c 12",
    ]
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
      switch (
        articles[a].publishedDateTime?.secondsSince1970, articles[b].publishedDateTime?.secondsSince1970
      ) {
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

  /// Folding works on UTF-8 runs eight bytes at a time and keeps a table for letters below U+0800; these
  /// strings put capitals, marks and multi-byte letters on both sides of every eight-byte boundary.
  @Test(arguments: [
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"),
    ("1234567É", "1234567e"), ("12345678É", "12345678e"), ("1234567ÉABCDEFGH", "1234567eabcdefgh"),
    ("Straße ÆON", "strasse æon"), ("МОСКВА Москва", "москва москва"), ("ΑΘΉΝΑ", "αθηνα"),
    ("e\u{301}E\u{301}", "ee"), ("ＴＯＫＹＯ 東京", "tokyo 東京"), ("🚀Rocket", "🚀rocket"), ("", ""),
  ])
  func foldHandlesEveryByteWidth(input: String, folded: String) {
    #expect(ArticleCatalog.fold(input) == folded)
    #expect(ArticleCatalog.fold(String(repeating: input, count: 3)) == String(repeating: folded, count: 3))
  }

  /// Topic, category and provider ids are numbered in chunks on all cores: counts, first spellings and
  /// filters must match one plain pass.
  @Test func namesMatchOnePlainPass() {
    var articles = Self.articles(count: 10_000)
    for index in articles.indices {
      // Spellings vary by case and accent; the first one met in load order names the topic.
      let variants = ["Économie", "ECONOMIE", "economie", "Weather", "WEATHER"]
      articles[index].item.topics.append(variants[(index * 7) % variants.count])
      articles[index].item.category = index % 3 == 0 ? nil : ["News", "NEWS", "Sport"][index % 3]
    }
    let catalog = ArticleCatalog(articles: articles)
    var counts: [String: Int] = [:]
    var firstSpelling: [String: String] = [:]
    for article in articles {
      for topic in Set(article.item.topics.map(ArticleCatalog.fold)) { counts[topic, default: 0] += 1 }
      for topic in article.item.topics where firstSpelling[ArticleCatalog.fold(topic)] == nil {
        firstSpelling[ArticleCatalog.fold(topic)] = topic
      }
    }
    let expected = counts.sorted {
      $0.value != $1.value ? $0.value > $1.value : firstSpelling[$0.key]! < firstSpelling[$1.key]!
    }
    #expect(catalog.topics == expected.map { firstSpelling[$0.key]! })
    #expect(catalog.topicFrequencies == expected.map(\.value))
    #expect(catalog.topics.contains("Économie") && !catalog.topics.contains("ECONOMIE"))
    let sport = catalog.select(ArticleFilter(category: "sport"), order: .newest)
    #expect(Set(sport) == Set(articles.indices.filter { articles[$0].item.category == "Sport" }))
    let news = catalog.select(ArticleFilter(category: "news"), order: .newest)
    #expect(Set(news) == Set(articles.indices.filter { articles[$0].item.category?.lowercased() == "news" }))
    let provider = catalog.select(ArticleFilter(provider: "PROVIDER 3"), order: .provider)
    #expect(
      Set(provider) == Set(articles.indices.filter { articles[$0].item.provider?.name == "Provider 3" }))
    let weather = catalog.select(ArticleFilter(topics: ["weather"]), order: .oldest)
    #expect(
      Set(weather)
        == Set(articles.indices.filter { articles[$0].item.topics.contains { $0.lowercased() == "weather" } })
    )
  }
}
