import NewsCore
import ReaderState

/// Builds small hand-made corpora for the model tests.
enum Fixtures {
  static func article(
    _ id: String, title: String? = nil, excerpt: String? = nil, date: Double? = nil, quality: Int? = nil,
    provider: String? = nil, topics: [String] = [], originalUrl: String? = nil, webUrl: String? = nil,
    related: [RelatedItem] = []
  ) -> Article {
    Article(
      id: ArticleID(id), source: RecordSource(path: id, relativePath: id, documentIndex: 0, line: 1),
      item: NewsItem(
        title: title ?? id, excerpt: excerpt,
        publishedDateTime: date.map { NewsDate(text: "d", secondsSince1970: $0) },
        originalUrl: originalUrl, webUrl: webUrl, quality: quality,
        provider: provider.map { Provider(name: $0) },
        topics: topics),
      related: RelatedCoverage(related))
  }

  /// Five articles, newest first in load order: a to e.
  static func five() -> ArticleCatalog {
    ArticleCatalog(articles: [
      article(
        "a", title: "Café prices rise", date: 500, quality: 3, provider: "Le Monde",
        topics: ["Economy", "France"],
        originalUrl: "https://lemonde.fr/a", webUrl: "https://msn.com/a",
        related: [
          NewsItem(title: "Coffee costs up", webUrl: "https://bbc.co.uk/x", provider: Provider(name: "BBC")),
          NewsItem(title: "Storm story", webUrl: "https://example.com/c"),
        ]),
      article(
        "b", title: "東京の経済ニュース", date: 400, quality: 9, provider: "NHK", topics: ["Economy", "Japan"],
        webUrl: "https://nhk.or.jp/b"),
      article(
        "c", title: "Storm hits coast", date: 300, quality: 5, provider: "BBC", topics: ["Weather"],
        webUrl: "https://example.com/c"),
      article(
        "d", title: "الطقس في القاهرة", date: 200, quality: 1, provider: "Al Ahram",
        topics: ["Weather", "Egypt"],
        webUrl: "javascript:alert(1)"),
      article(
        "e", title: "Election results", date: 100, quality: 7, provider: "Reuters", topics: ["Politics"],
        originalUrl: "ftp://reuters.com/e"),
    ])
  }

  /// `count` dated articles, for lists longer than a page.
  static func many(_ count: Int) -> ArticleCatalog {
    ArticleCatalog(articles: (0..<count).map { article("n\($0)", date: Double(count - $0)) })
  }

  static func model(_ catalog: ArticleCatalog = five(), rows: Int = 24) -> ReaderModel {
    ReaderModel(catalog: catalog, size: TerminalSize(columns: 100, rows: rows))
  }

  /// Ids of the visible articles, in order.
  static func ids(_ model: ReaderModel) -> [String] {
    model.listing.visible.map { model.listing.catalog.articles[$0].id.rawValue }
  }
}

/// Pane heights and text lengths for the model tests, as a layout of `size` would give them: a header and
/// two status rows, the article list beside details over related coverage; fixed text lengths.
struct TestGeometry: ReaderGeometry {
  var detailsLines = 40
  var helpLines = 50

  func paneHeights(of state: ReaderModel) -> PaneHeights {
    let size = state.size
    let body = max(1, size.rows - 2)
    let related = max(1, min(8, body / 3) - 2)
    return PaneHeights(
      articles: max(1, body - 2), related: related, details: max(1, body - related - 4),
      overlay: max(1, body - 4))
  }

  func detailsLineCount(of state: ReaderModel, now: Double) -> Int { detailsLines }
  func helpLineCount(of state: ReaderModel) -> Int { helpLines }
  func readingLineCount(of state: ReaderModel, now: Double) -> Int { detailsLines }
  func panesSideBySide(for size: TerminalSize) -> Bool { size.columns >= 100 }
}

extension ReaderModel {
  /// `apply` with the tests' geometry.
  @discardableResult
  mutating func apply(_ action: Action, now: Double) -> [Effect] {
    apply(action, now: now, geometry: TestGeometry())
  }
}
