import Foundation
import NewsCore
import Testing

@testable import newsreader

/// The reader's catalogs get their search index in the background: a loaded one at once, the newest of
/// a run of changes once they pause, older ones of the run never.
@Suite struct SearchPreparerTests {
  static func catalog(_ title: String) -> ArticleCatalog {
    ArticleCatalog(articles: [
      Article(
        id: ArticleID(title), source: RecordSource(path: "p", relativePath: "p", documentIndex: 0, line: 1),
        item: NewsItem(title: title))
    ])
  }

  static func waitUntil(_ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(10)
    while !condition() && Date() < deadline { usleep(10_000) }
    return condition()
  }

  @Test func aLoadedCatalogIsPreparedAtOnce() {
    let preparer = SearchPreparer(quiet: 60)
    let catalog = Self.catalog("storm")
    preparer.schedule(catalog, waiting: false)
    #expect(Self.waitUntil { catalog.isSearchPrepared })
  }

  @Test func onlyTheNewestOfARunOfChangesIsPreparedOnceTheyPause() {
    let preparer = SearchPreparer(quiet: 0.3)
    let older = (0..<3).map { Self.catalog("change \($0)") }
    for catalog in older { preparer.schedule(catalog, waiting: true) }
    let newest = Self.catalog("newest")
    preparer.schedule(newest, waiting: true)
    #expect(!newest.isSearchPrepared, "not before the pause")
    #expect(Self.waitUntil { newest.isSearchPrepared })
    #expect(older.allSatisfy { !$0.isSearchPrepared })
  }
}
