import NewsCore
import Testing

/// A catalog updated by a change (text copied, orders carried over and merged) must answer every filter
/// and sort exactly as a catalog built afresh from the same articles.
@Suite struct CatalogUpdateTests {
  static let words = ["harbour", "tunnel", "Malmö", "council", "東京", "bike", "storm", "café"]

  static func article(_ number: Int, path: String? = nil, title: String? = nil) -> Article {
    let word = words[number % words.count]
    let path = path ?? "f\(number).txt"
    return Article(
      id: ArticleID("u\(number)"),
      source: RecordSource(path: path, relativePath: path, documentIndex: 0, line: 1),
      item: NewsItem(
        title: title ?? (number % 7 == 0 ? nil : "\(word) \(number)"), excerpt: "about \(word)",
        publishedDateTime: number % 5 == 0 ? nil : NewsDate(text: "d", secondsSince1970: Double(number % 13)),
        quality: number % 3 == 0 ? nil : number % 4, heat: number % 6,
        provider: Provider(name: ["Ars", "BBC", "Wikipedia", "Zeit"][number % 4]),
        topics: number % 2 == 0 ? ["even", word] : [word]))
  }

  /// Every order and a few filters, as ids.
  private func answers(_ catalog: ArticleCatalog) -> [[String]] {
    let filters = [
      ArticleFilter(), ArticleFilter(search: "harbour"), ArticleFilter(topics: ["even"]),
      ArticleFilter(provider: "bbc", search: "about"), ArticleFilter(search: "tokyo 東京"),
    ]
    return SortOrder.allCases.flatMap { order in
      filters.map { catalog.select($0, order: order).map { catalog.articles[$0].id.rawValue } }
    } + [catalog.topics]
  }

  @Test func anUpdatedCatalogAnswersAsOneBuiltAfresh() {
    let base = ArticleCatalog(articles: (0..<300).map { Self.article($0) })
    for order in SortOrder.allCases { _ = base.select(ArticleFilter(), order: order) }  // every order sorted
    let files = [
      ChangedFile(path: "f10.txt", articles: [Self.article(10, title: "storm replaced")]),
      ChangedFile(path: "f11.txt", articles: [], exists: false),
      ChangedFile(path: "f12.txt", articles: [Self.article(12), Self.article(1012, path: "f12.txt")]),
      ChangedFile(
        path: "new.txt", articles: [Self.article(2000, path: "new.txt"), Self.article(2001, path: "new.txt")]),
      ChangedFile(path: "f299.txt", articles: [], exists: false),
    ]
    let change = base.applying(files, prepare: .title)
    #expect(change.catalog.articles.count == 300 - 2 + 1 + 2)
    #expect(answers(change.catalog) == answers(ArticleCatalog(articles: change.catalog.articles)))
    #expect(Set(change.addedIDs) == [ArticleID("u1012"), ArticleID("u2000"), ArticleID("u2001")])
    #expect(Set(change.removedIDs) == [ArticleID("u11"), ArticleID("u299")])
    #expect(change.changedCount == 1, "f10's title; f12 read again as it was")
    // The indices carried over name the same articles.
    for (old, new) in change.newIndices.enumerated() where new >= 0 {
      #expect(base.articles[old].id == change.catalog.articles[Int(new)].id)
    }
    for index in change.reread {
      #expect(["u10", "u12", "u1012", "u2000", "u2001"].contains(change.catalog.articles[index].id.rawValue))
    }
  }

  @Test func aChangeOfNothingKeepsEveryArticleWhereItWas() {
    let base = ArticleCatalog(articles: (0..<50).map { Self.article($0) })
    let change = base.applying([], prepare: .newest)
    #expect(change.newIndices == (0..<50).map { Int32($0) })
    #expect(change.reread.isEmpty && change.addedIDs.isEmpty && change.removedIDs.isEmpty)
    #expect(answers(change.catalog) == answers(base))
  }
}
