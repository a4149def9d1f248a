import NewsCore
import Testing

@Suite struct CatalogTests {
  @Test func foldIgnoresCaseDiacriticsAndWidth() {
    #expect(ArticleCatalog.fold("Café") == "cafe")
    #expect(ArticleCatalog.fold("Cafe\u{301}") == "cafe")
    #expect(ArticleCatalog.fold("ＡＢＣ") == "abc")
    #expect(ArticleCatalog.fold("Zürich NAÏVE") == "zurich naive")
    #expect(ArticleCatalog.fold("東京") == "東京")
  }

  @Test func everySortOrderPutsMissingValuesLast() {
    let catalog = ArticleCatalog(articles: [
      Fixtures.article("x", title: "beta", date: nil, quality: 2, provider: "Zeta"),
      Fixtures.article("y", title: "Alpha", date: 5, quality: nil, provider: nil),
      Fixtures.article("z", title: "alpha", date: 9, quality: 2, provider: "Ábc"),
    ])
    let all = [0, 1, 2]
    #expect(catalog.sorted(all, by: .newest) == [2, 1, 0])
    #expect(catalog.sorted(all, by: .oldest) == [1, 2, 0])
    #expect(catalog.sorted(all, by: .quality) == [0, 2, 1])
    #expect(catalog.sorted(all, by: .provider) == [2, 0, 1])
    #expect(catalog.sorted(all, by: .title) == [1, 2, 0])
    #expect(catalog.select(ArticleFilter(), order: .title) == [1, 2, 0])
  }

  @Test func narrowingGivesTheSameResultAsAFullSelect() {
    let catalog = Fixtures.five()
    let broad = ArticleFilter(search: "st")
    let narrow = ArticleFilter(search: "sto coa")
    #expect(narrow.narrows(broad))
    #expect(!broad.narrows(narrow))
    #expect(!ArticleFilter(topics: ["Weather"], search: "sto").narrows(broad))
    let previous = catalog.select(broad, order: .oldest)
    #expect(
      catalog.select(narrow, order: .newest, narrowing: previous) == catalog.select(narrow, order: .newest))
  }

  @Test func categoryProviderAndTopicFiltersCombine() {
    let catalog = Fixtures.five()
    #expect(catalog.select(ArticleFilter(provider: "bbc"), order: .newest) == [2])
    #expect(catalog.select(ArticleFilter(topics: ["weather", "japan"]), order: .newest) == [1, 2, 3])
    #expect(catalog.select(ArticleFilter(provider: "Nobody"), order: .newest) == [])
    #expect(
      catalog.topicCounts(among: catalog.select(ArticleFilter(search: "storm"), order: .newest)) == [
        0, 1, 0, 0, 0, 0,
      ])
  }

  @Test func relatedItemsLinkToArticlesByURL() {
    let catalog = Fixtures.five()
    #expect(catalog.articleIndex(linkedFrom: NewsItem(webUrl: "https://example.com/c")) == 2)
    #expect(catalog.articleIndex(linkedFrom: NewsItem(webUrl: "https://lemonde.fr/a")) == 0)
    #expect(catalog.articleIndex(linkedFrom: NewsItem(webUrl: "https://nowhere")) == nil)
  }
}
