import Foundation
import Synchronization
import Testing

@testable import NewsCore

/// A catalog made for listing (`ArticleCatalog.forListing`, the reader's loads) makes its folded search text
/// on first use: it must answer every query and every order as a catalog made at once does, make the text
/// once whichever threads ask, and arrive with its provider domains and first order made.
@Suite struct ListingCatalogTests {
  private func loaded() -> [Article] {
    SeedLoader().load(paths: [FixturePaths.loader]).articles
  }

  private func answers(_ catalog: ArticleCatalog) throws -> [[String]] {
    let context = QueryContext(now: 2_000_000_000, timeZone: TimeZone(identifier: "UTC")!)
    let queries = ["", "the", "\"new york\"", "title:a*", "topic:world or provider:bbc", "-the", "related>0"]
    return try SortOrder.allCases.flatMap { order in
      try queries.map { text in
        catalog.select(try Query(text), context: context, order: order).indices.map {
          catalog.articles[$0].id.rawValue
        }
      }
    }
  }

  @Test func answersEveryQueryAndOrderAsACatalogMadeAtOnce() throws {
    let articles = loaded()
    #expect(articles.count > 10)
    let eager = ArticleCatalog(articles: articles)
    let listing = ArticleCatalog.forListing(articles, order: .title)
    #expect(try answers(listing) == answers(eager))
    #expect(listing.searchTextBytes == eager.searchTextBytes)
    #expect(listing.providerNamesSharedByDomains == eager.providerNamesSharedByDomains)
    #expect(listing.topics == eager.topics)
  }

  /// Before any search, its title order (which reads the folded titles) and its search (which reads the
  /// folded text) asked from several threads at once make the same text once.
  @Test func theTextIsMadeOnceWhicheverThreadsAsk() throws {
    let articles = loaded()
    let eager = ArticleCatalog(articles: articles)
    let expected = eager.sorted(Array(articles.indices), by: .title)
    let expectedBytes = eager.searchTextBytes
    let listing = ArticleCatalog.forListing(articles, order: .newest)
    let results = Mutex<[[Int]]>([])
    let bytes = Mutex<[Int]>([])
    DispatchQueue.concurrentPerform(iterations: 4) { turn in
      if turn % 2 == 0 {
        let sorted = listing.sorted(Array(articles.indices), by: .title)
        results.withLock { $0.append(sorted) }
      } else {
        let total = listing.searchTextBytes.total
        bytes.withLock { $0.append(total) }
      }
    }
    #expect(results.withLock { $0 }.allSatisfy { $0 == expected })
    #expect(bytes.withLock { $0 }.allSatisfy { $0 == expectedBytes.total })
  }
}
