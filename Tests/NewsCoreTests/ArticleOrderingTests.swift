import Foundation
import Testing

@testable import NewsCore

/// `ArticleOrdering` sorts and counts a whole load as the catalog does, without building one.
@Suite struct ArticleOrderingTests {
  /// Articles made to tie and to differ only in what folding removes: equal and missing dates, qualities
  /// and heats; providers that differ in case and accents, or have no name; titles equal once folded,
  /// missing, empty, or in other scripts.
  static let articles: [Article] = {
    let providers: [Provider?] = [
      Provider(name: "Le Monde"), Provider(name: "le monde"), Provider(name: "Lé Mondé"),
      Provider(name: "BBC"),
      Provider(name: "bbc"), Provider(domain: "example.org"), nil, Provider(name: "Ünïcode"),
      Provider(name: "東京新聞"), Provider(name: ""), Provider(name: "e\u{301}cole"),
      Provider(name: "\u{E9}cole"),
    ]
    let titles: [String?] = [
      "Climate summit", "climate summit", "Clïmate summit", nil, "", "Économie", "economie", "Москва",
      "東京都", "Zebra", "zebra", "a", "A", "\u{212B}ngström", "\u{C5}ngström",
    ]
    let dates: [NewsDate?] = [
      NewsDate(canonicalSecondsSince1970: 1_700_000_000), NewsDate(canonicalSecondsSince1970: 1_700_000_000),
      NewsDate(canonicalSecondsSince1970: 1_600_000_000), nil,
      NewsDate(text: "yesterday", secondsSince1970: nil),
      NewsDate(canonicalSecondsSince1970: 1_800_000_000),
    ]
    let topics: [[String]] = [
      ["World"], ["world", "Economy"], ["Économie"], [], ["economie", "Science", "science"], ["東京"],
    ]
    var result: [Article] = []
    for index in 0..<240 {
      var item = NewsItem(
        title: titles[index % titles.count], publishedDateTime: dates[(index / 3) % dates.count],
        quality: index % 7 == 0 ? nil : (index * 37) % 5, heat: index % 5 == 0 ? nil : (index * 13) % 4,
        provider: providers[(index / 2) % providers.count], topics: topics[(index / 5) % topics.count])
      item.originalUrl = "https://example.org/\(index)"
      result.append(
        Article(
          id: ArticleID("a\(index)"),
          source: RecordSource(
            path: "r\(index).txt", relativePath: "r\(index).txt", documentIndex: 0, line: 1),
          item: item))
    }
    return result
  }()

  @Test(arguments: NewsCore.SortOrder.allCases)
  func sortsAsTheCatalog(order: NewsCore.SortOrder) {
    let catalog = ArticleCatalog(articles: Self.articles)
    let everything = Array(Self.articles.indices)
    #expect(ArticleOrdering.indices(of: Self.articles, by: order) == catalog.sorted(everything, by: order))
  }

  @Test(arguments: NewsCore.SortOrder.allCases)
  func sortsTheFixturesAsTheCatalog(order: NewsCore.SortOrder) {
    let articles = SeedLoader().load(paths: [FixturePaths.loader]).articles
    #expect(articles.count > 10)
    let catalog = ArticleCatalog(articles: articles)
    #expect(
      ArticleOrdering.indices(of: articles, by: order) == catalog.sorted(Array(articles.indices), by: order))
  }

  @Test func countsTopicsAsTheCatalog() {
    for articles in [Self.articles, SeedLoader().load(paths: [FixturePaths.loader]).articles, []] {
      let expected = ArticleCatalog(articles: articles).topicCounts()
      let counted = ArticleOrdering.topicCounts(of: articles)
      #expect(counted.map(\.topic) == expected.map(\.topic))
      #expect(counted.map(\.count) == expected.map(\.count))
    }
  }

  @Test func emptyLoad() {
    for order in NewsCore.SortOrder.allCases { #expect(ArticleOrdering.indices(of: [], by: order).isEmpty) }
  }
}
