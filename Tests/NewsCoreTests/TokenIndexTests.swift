import Foundation
import Testing

@testable import NewsCore

/// The token index must never change what a query finds: every query gives the same matches and the same
/// related-only marks on a prepared catalog (`prepareSearch()`) as on one that reads the text.
@Suite struct TokenIndexTests {
  /// A corpus with related coverage, several scripts, tabs and newlines inside fields, and words that
  /// run into punctuation, so tokens and needles meet at every kind of edge.
  static func articles(count: Int) -> [Article] {
    let base = CatalogSearchTests.articles(count: count)
    let extra = [
      "tab\tseparated", "line\nbreak", "trailing.", "(paren)", "co-op", "東京都の地震", "Jordbävning", "e\u{301}té",
      "http://example.org/path", "zz top",
    ]
    var state: UInt64 = 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    return base.enumerated().map { index, article in
      var article = article
      if index % 3 == 0 {
        article.item.title = (article.item.title ?? "") + " " + extra[next(extra.count)]
      }
      let relatedCount = index % 4 == 0 ? 0 : next(4)
      article.related = RelatedCoverage(
        (0..<relatedCount).map { _ in
          let words = CatalogSearchTests.words
          return NewsItem(
            title: (0..<(1 + next(5))).map { _ in words[next(words.count)] }.joined(separator: " "),
            excerpt: next(2) == 0 ? nil : extra[next(extra.count)],
            provider: Provider(name: "Outlet \(next(30))", domain: "outlet\(next(30)).example"))
        })
      return article
    }
  }

  static let queries = [
    "storm", "st", "s", "e", "ti", "zz", "rm", "coast", "café", "cafe", "東京", "東", "地震", "москва", "мос",
    "القاهرة", "straße", "strasse", "économie", "tab", "separated", "\"tab separated\"", "break", "trailing.",
    "(paren)", "paren", "co-op", "op", "outlet", "outlet1", "outlet1.example", "example", "ample", "topic",
    "\"topic 3\"", "\"zz top\"", "\"storm coast\"", "storm coast", "storm -coast", "storm or zz",
    "title:storm", "title:st", "title:e", "title:\"zz top\"", "provider", "\"provider 7\"", "7",
    "jordbävning",
    "jordbavning", "ete", "http", "org/path", "://", "xyznotthere", "q", "-e", "not storm",
  ]

  @Test func preparedCatalogFindsWhatTheTextScanFinds() throws {
    let articles = Self.articles(count: 12_000)
    let plain = ArticleCatalog(articles: articles)
    let prepared = ArticleCatalog(articles: articles)
    prepared.prepareSearch()
    #expect(prepared.isSearchPrepared)
    #expect(!plain.isSearchPrepared)
    let context = QueryContext(now: 0, timeZone: TimeZone(secondsFromGMT: 0)!)
    for text in Self.queries {
      let query = try Query(text)
      let expected = plain.select(query, context: context, order: .newest)
      let found = prepared.select(query, context: context, order: .newest)
      #expect(found == expected, "\(text)")
    }
    // Typed on, narrowing over the previous keystroke's matches, as the search bar does.
    for word in ["storm", "outlet1.example", "東京都の地震", "separated"] {
      var typed = ""
      var previous: (Query, [Int])?
      for character in word {
        typed.append(character)
        let query = try Query(typed)
        let expected = plain.select(query, context: context, order: .newest)
        let found = prepared.select(query, context: context, order: .newest, narrowing: previous)
        #expect(found == expected, "\(typed)")
        previous = (query, found.indices)
      }
    }
  }

  /// The evaluator table of fixture records (diacritics, scripts, related-only matches) on a prepared catalog.
  @Test(arguments: QueryEvaluatorTests.table)
  func fixtureTableHoldsOnAPreparedCatalog(text: String, expected: Set<Int>, relatedOnly: Set<Int>) throws {
    let catalog = Self.preparedFixture
    let context = QueryContext(
      now: QueryEvaluatorTests.now, timeZone: QueryEvaluatorTests.utc, readingState: QueryEvaluatorTests.state
    )
    let result = catalog.select(try Query(text), context: context, order: .newest)
    #expect(Set(result.indices) == expected)
    #expect(result.relatedOnly == relatedOnly)
  }

  static let preparedFixture: ArticleCatalog = {
    let catalog = ArticleCatalog(articles: QueryEvaluatorTests.articles)
    catalog.prepareSearch()
    return catalog
  }()

  /// Every token of every article is in the vocabulary with that article in its postings, and no posting
  /// names an article without the token: checked against the folded text split by hand.
  @Test func postingsListExactlyTheArticlesHavingEachToken() throws {
    let articles = Self.articles(count: 600)
    let catalog = ArticleCatalog(articles: articles)
    catalog.prepareSearch()
    let index = try #require(catalog.tokenIndex)
    let text = catalog.text
    var expectedOwn: [[UInt8]: Set<Int32>] = [:]
    var expectedRelated: [[UInt8]: Set<Int32>] = [:]
    for article in articles.indices {
      let start = Int(text.starts[article]), ownEnd = Int(text.ownEnds[article])
      let end = Int(text.starts[article + 1])
      for (range, isOwn) in [(start..<ownEnd, true), (ownEnd..<end, false)] {
        for token in text.bytes[range].split(whereSeparator: TokenIndex.isSeparator) {
          if isOwn {
            expectedOwn[Array(token), default: []].insert(Int32(article))
          } else {
            expectedRelated[Array(token), default: []].insert(Int32(article))
          }
        }
      }
    }
    let vocabulary = Set(expectedOwn.keys).union(expectedRelated.keys)
    #expect(index.tokenCount == vocabulary.count)
    for token in 0..<index.tokenCount {
      let bytes = Array(
        index.vocabulary[Int(index.tokenStarts[token])..<(Int(index.tokenStarts[token + 1]) - 1)])
      let own = Array(index.ownPostings[Int(index.ownStarts[token])..<Int(index.ownStarts[token + 1])])
      let related = Array(
        index.relatedPostings[Int(index.relatedStarts[token])..<Int(index.relatedStarts[token + 1])])
      #expect(own == (expectedOwn[bytes] ?? []).sorted())
      #expect(related == (expectedRelated[bytes] ?? []).sorted())
    }
  }

  /// A needle in nearly every article would read more postings than text: the index steps aside.
  @Test func aCommonNeedleIsLeftToTheScan() throws {
    let catalog = ArticleCatalog(articles: Self.articles(count: 2_000))
    catalog.prepareSearch()
    let index = try #require(catalog.tokenIndex)
    let everyone = ArticleBits(count: catalog.articles.count, filled: true)
    if case .answered = index.lookup(Array("xyznotthere".utf8), within: everyone, region: .everything) {
    } else {
      Issue.record("a needle in no token is answered by the index")
    }
    var one = ArticleBits(count: catalog.articles.count, filled: false)
    one.insert(5)
    if case .unhelpful = index.lookup(Array("st".utf8), within: one, region: .everything) {
    } else {
      Issue.record("one candidate and thousands of postings should be left to the scan")
    }
    // A phrase is narrowed by its words, region by region, then read.
    if case .narrowedByRegion(let own, let related) = index.lookup(
      Array("zz top".utf8), within: everyone, region: .everything)
    {
      let text = catalog.text
      func has(_ word: String, _ range: Range<Int>) -> Bool {
        text.bytes[range].split(whereSeparator: TokenIndex.isSeparator).contains {
          $0.firstRange(of: Array(word.utf8)) != nil
        }
      }
      func phrase(_ range: Range<Int>) -> Bool {
        Array(text.bytes[range]).firstRange(of: Array("zz top".utf8)) != nil
      }
      var bothOwn = 0
      var bothRelated = 0
      var phraseOwn = 0
      var phraseRelated = 0
      for article in catalog.articles.indices {
        let ownRange = Int(text.starts[article])..<Int(text.ownEnds[article])
        let relatedRange = Int(text.ownEnds[article])..<Int(text.starts[article + 1])
        let inOwn = has("zz", ownRange) && has("top", ownRange)
        let inRelated = has("zz", relatedRange) && has("top", relatedRange)
        if inOwn { bothOwn += 1 }
        if inRelated { bothRelated += 1 }
        if phrase(ownRange) { phraseOwn += 1 }
        if phrase(relatedRange) { phraseRelated += 1 }
        // Never an article with the phrase left out; never one without both words in the region kept.
        #expect(own.contains(article) ? inOwn : !phrase(ownRange))
        #expect(related.contains(article) ? inRelated : !phrase(relatedRange))
      }
      // The five bytes around the space leave out most articles having both words apart.
      #expect(own.population - phraseOwn < (bothOwn - phraseOwn) / 2)
      #expect(related.population - phraseRelated < (bothRelated - phraseRelated) / 2)
    } else {
      Issue.record("a phrase searched everywhere is narrowed region by region")
    }
    if case .narrowed = index.lookup(Array("zz top".utf8), within: everyone, region: .own) {
    } else {
      Issue.record("a phrase in own fields is narrowed by its words, then read")
    }
  }
}
