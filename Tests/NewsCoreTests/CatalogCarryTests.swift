import Foundation
import Testing

@testable import NewsCore

/// Every table a change carries from the catalog it was made from (name ids, topics and their postings and
/// order, query columns, folded text, sort orders, provider domains, ids and paths) must equal the table a
/// catalog built afresh over the same articles has, through chains of random changes.
@Suite struct CatalogCarryTests {
  /// Spellings that fold alike ("Malmö", "malmo") and names only one record has, so that changes make
  /// topics, providers and categories appear, vanish, and change their first spelling.
  static let topicWords = [
    "Malmö", "malmo", "MALMÖ", "harbour", "Harbour", "東京", "storm", "café", "Cafe", "bike",
  ]
  static let providers: [(String?, String?)] = [
    ("Ars", "arstechnica.com"), ("BBC", "bbc.co.uk"), ("BBC", "bbc.com"), ("bbc", "bbc.co.uk"), ("Zeit", ""),
    ("Zeit", nil), (nil, "example.org"), ("Ünicode", "ü.example"),
  ]

  /// A small deterministic generator, so a failure repeats.
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  static func article(path: String, position: Int, random: inout Generator) -> Article {
    let serial = random.next(1_000_000)
    var topics: [String] = []
    for _ in 0..<random.next(4) { topics.append(topicWords[random.next(topicWords.count)]) }
    if random.next(6) == 0 { topics.append("rare \(serial)") }
    func provider() -> Provider? {
      if random.next(8) == 0 { return nil }
      if random.next(10) == 0 { return Provider(name: "Only \(serial)", domain: "only\(serial).example") }
      let (name, domain) = providers[random.next(providers.count)]
      return Provider(name: name, domain: domain)
    }
    let related = (0..<random.next(3)).map { _ in
      NewsItem(title: "related \(topicWords[random.next(topicWords.count)])", provider: provider())
    }
    let categories = [nil, "World", "world", "Sport", "Kultur", "Only \(serial)"]
    let types = [nil, "article", "Article", "video"]
    let date =
      random.next(5) == 0 ? nil : NewsDate(text: "d", secondsSince1970: Double(random.next(40) * 3_600))
    return Article(
      id: ArticleID("a\(random.next(40))"),
      source: RecordSource(path: path, relativePath: path, documentIndex: position, line: 1 + position),
      item: NewsItem(
        title: random.next(9) == 0 ? nil : "\(topicWords[random.next(topicWords.count)]) \(random.next(50))",
        excerpt: "about \(topicWords[random.next(topicWords.count)])",
        category: categories[random.next(categories.count)], type: types[random.next(types.count)],
        publishedDateTime: date, quality: random.next(4) == 0 ? nil : random.next(5),
        heat: random.next(4) == 0 ? nil : random.next(7), provider: provider(), topics: topics),
      related: RelatedCoverage(related))
  }

  static func file(_ path: String, count: Int, random: inout Generator) -> [Article] {
    (0..<count).map { article(path: path, position: $0, random: &random) }
  }

  /// The names of one name column per article (nil for none), and whether every name the fresh catalog
  /// knows is known to the carried one under an id naming the same bytes.
  private func expectSameNames(
    _ carried: (ids: [Int32], byName: [String: Int32], names: [[UInt8]]),
    _ fresh: (ids: [Int32], byName: [String: Int32], names: [[UInt8]]), _ what: String
  ) {
    #expect(
      carried.ids.map { $0 < 0 ? nil : carried.names[Int($0)] }
        == fresh.ids.map {
          $0 < 0 ? nil : fresh.names[Int($0)]
        }, "\(what) per article")
    for (name, _) in fresh.byName {
      #expect(carried.byName[name].map { carried.names[Int($0)] } == Array(name.utf8), "\(what) \(name)")
    }
    for (name, id) in carried.byName { #expect(carried.names[Int(id)] == Array(name.utf8)) }
  }

  /// Compares every table of `carried` with those of a catalog built afresh from its articles.
  private func expectSameTables(_ carried: ArticleCatalog, _ step: Int) {
    let fresh = ArticleCatalog(articles: carried.articles)
    #expect(carried.topics == fresh.topics, "step \(step): topics")
    #expect(carried.topicFrequencies == fresh.topicFrequencies, "step \(step)")
    #expect(carried.topicIDsByFoldedName == fresh.topicIDsByFoldedName, "step \(step)")
    #expect(carried.topicFoldedNames == fresh.topicFoldedNames, "step \(step)")
    #expect(carried.topicStarts == fresh.topicStarts, "step \(step)")
    #expect(carried.articleTopics == fresh.articleTopics, "step \(step)")
    #expect(carried.topicPostings == fresh.topicPostings, "step \(step): postings")
    expectSameNames(
      (carried.categoryIDs, carried.categoryIDsByFoldedName, carried.categoryNames),
      (fresh.categoryIDs, fresh.categoryIDsByFoldedName, fresh.categoryNames), "step \(step): category")
    expectSameNames(
      (carried.providerIDs, carried.providerIDsByFoldedName, carried.providerNames),
      (fresh.providerIDs, fresh.providerIDsByFoldedName, fresh.providerNames), "step \(step): provider")
    expectSameNames(
      (carried.domainIDs, carried.domainIDsByFoldedName, carried.domainNames),
      (fresh.domainIDs, fresh.domainIDsByFoldedName, fresh.domainNames), "step \(step): domain")
    expectSameNames(
      (carried.typeIDs, carried.typeIDsByFoldedName, carried.typeNames),
      (fresh.typeIDs, fresh.typeIDsByFoldedName, fresh.typeNames), "step \(step): type")
    #expect(carried.columns.dates.map(\.bitPattern) == fresh.columns.dates.map(\.bitPattern))
    #expect(carried.columns.quality == fresh.columns.quality)
    #expect(carried.columns.heat == fresh.columns.heat)
    #expect(carried.columns.relatedCounts == fresh.columns.relatedCounts)
    let (a, b) = (carried.text, fresh.text)
    #expect(a.bytes == b.bytes && a.starts == b.starts && a.titleEnds == b.titleEnds, "step \(step): text")
    #expect(a.fieldEnds == b.fieldEnds && a.ownEnds == b.ownEnds, "step \(step): text")
    #expect(a.masks == b.masks && a.pairMasks == b.pairMasks, "step \(step): masks")
    #expect(a.byteFrequencies == b.byteFrequencies, "step \(step): byte frequencies")
    for order in SortOrder.allCases {
      let (x, y) = (carried.permutations.table(order), fresh.permutations.table(order))
      #expect(x.order == y.order && x.rank == y.rank, "step \(step): \(order)")
    }
    #expect(carried.providerNamesSharedByDomains == fresh.providerNamesSharedByDomains, "step \(step)")
    // What the next change looks up: taken out to look at, then put back for it.
    let (ids, paths) = carried.changeIndex.take(of: carried.articles)
    #expect(ids == Set(carried.articles.map(\.id.rawValue)), "step \(step): ids")
    var byPath: [String: [Int32]] = [:]
    for (index, article) in carried.articles.enumerated() {
      byPath[article.source.path, default: []].append(Int32(index))
    }
    #expect(paths == byPath, "step \(step): paths")
    carried.changeIndex.store(ids: ids, paths: paths, domains: nil)
  }

  /// Queries over every field the tables serve, in every order.
  private func answers(_ catalog: ArticleCatalog) throws -> [[String]] {
    let context = QueryContext(now: 200_000, timeZone: TimeZone(identifier: "UTC")!)
    let queries = [
      "", "malmo", "topic:malmo", "topic:harb*", "provider:bbc", "domain:bbc.co.uk", "category:world",
      "type:video", "topic:東京 or provider:zeit", "-topic:storm", "quality>2", "heat<3", "related>0",
      "category:only*", "provider:only*",
    ]
    return try SortOrder.allCases.flatMap { order in
      try queries.map { text in
        catalog.select(try Query(text), context: context, order: order).indices.map {
          catalog.articles[$0].id.rawValue
        }
      }
    } + [catalog.topics]
  }

  @Test(arguments: [1, 2, 3])
  func chainsOfRandomChangesCarryEveryTableExactly(seed: Int) throws {
    var random = Generator(state: UInt64(seed))
    var files: [String: [Article]] = [:]
    var order: [String] = []
    for number in 0..<60 {
      let path = "f\(number).txt"
      files[path] = Self.file(path, count: 1 + random.next(3), random: &random)
      order.append(path)
    }
    // Loaded as one change of an empty catalog, so the ids are unique as a load makes them.
    var catalog = ArticleCatalog(articles: []).applying(
      order.map { ChangedFile(path: $0, articles: files[$0]!) }, prepare: .newest
    ).catalog
    catalog = ArticleCatalog(articles: catalog.articles)
    for order in SortOrder.allCases where random.next(3) > 0 { _ = catalog.permutations.table(order) }
    if random.next(2) == 0 { catalog.prepareForChanges() }
    var nextFile = 60
    for step in 0..<25 {
      var changed: [ChangedFile] = []
      for _ in 0..<(1 + random.next(4)) {
        switch random.next(5) {
        case 0:  // a new file
          let path = "f\(nextFile).txt"
          nextFile += 1
          changed.append(
            ChangedFile(path: path, articles: Self.file(path, count: 1 + random.next(3), random: &random)))
        case 1:  // a file removed
          guard let path = catalog.articles.randomElement(using: &random).map(\.source.path) else { continue }
          changed.append(ChangedFile(path: path, articles: [], exists: false))
        case 2:  // rewritten with as many records: in place
          guard let path = catalog.articles.randomElement(using: &random).map(\.source.path) else { continue }
          let count = catalog.articles.filter { $0.source.path == path }.count
          changed.append(ChangedFile(path: path, articles: Self.file(path, count: count, random: &random)))
        case 3:  // rewritten with another number of records
          guard let path = catalog.articles.randomElement(using: &random).map(\.source.path) else { continue }
          let count = catalog.articles.filter { $0.source.path == path }.count
          changed.append(
            ChangedFile(path: path, articles: Self.file(path, count: count % 3 + 1, random: &random)))
        default:  // read again unchanged
          guard let path = catalog.articles.randomElement(using: &random).map(\.source.path) else { continue }
          let records = catalog.articles.filter { $0.source.path == path }
          changed.append(ChangedFile(path: path, articles: records))
        }
      }
      // One path at most once per change, as a change load gives it.
      var seen = Set<String>()
      changed = changed.filter { seen.insert($0.path).inserted }
      let change = catalog.applying(
        changed, prepare: SortOrder.allCases[random.next(SortOrder.allCases.count)])
      expectSameTables(change.catalog, step)
      #expect(try answers(change.catalog) == answers(ArticleCatalog(articles: change.catalog.articles)))
      catalog = change.catalog
    }
  }

  /// A warm start's listing with a few files edited in place: their records take their rows' places in the
  /// listing's catalog (`replacing`), whose tables must be those of a catalog made afresh, whether its
  /// folded text was made yet or not.
  @Test(arguments: [4, 5])
  func rowsReplacedOneForOneCarryEveryTableExactly(seed: Int) throws {
    var random = Generator(state: UInt64(seed))
    var articles: [Article] = []
    for number in 0..<80 {
      articles.append(Self.article(path: "f\(number).txt", position: 0, random: &random))
      articles[number].id = ArticleID("a\(number)")
    }
    var catalog =
      seed == 4 ? ArticleCatalog.forListing(articles, order: .title) : ArticleCatalog(articles: articles)
    for step in 0..<20 {
      var replacements: [Int: Article] = [:]
      for count in 0..<(1 + random.next(4)) {
        let index = random.next(catalog.articles.count)
        var article = Self.article(path: "f\(index).txt", position: 0, random: &random)
        article.id = ArticleID("r\(step)-\(count)")
        replacements[index] = article
      }
      let order = SortOrder.allCases[random.next(SortOrder.allCases.count)]
      let count = catalog.articles.count
      var base: ArticleCatalog? = catalog
      let replaced = ArticleCatalog.replacing(replacements, in: &base, prepare: order)
      #expect(base == nil, "let go of")
      for (index, article) in replacements { #expect(replaced.articles[index] == article, "step \(step)") }
      #expect(replaced.articles.count == count)
      expectSameTables(replaced, step)
      #expect(try answers(replaced) == answers(ArticleCatalog(articles: replaced.articles)))
      catalog = replaced
    }
  }

  @Test func aTopicLosingItsFirstSpellingTakesTheNextOne() {
    func record(_ path: String, _ topics: [String]) -> Article {
      Article(
        id: ArticleID(path), source: RecordSource(path: path, relativePath: path, documentIndex: 0, line: 1),
        item: NewsItem(title: path, topics: topics))
    }
    let base = ArticleCatalog(articles: [
      record("a.txt", ["Malmö", "storm"]), record("b.txt", ["malmo"]), record("c.txt", ["storm", "gone"]),
    ])
    #expect(base.topics == ["Malmö", "storm", "gone"])
    let change = base.applying(
      [
        ChangedFile(path: "a.txt", articles: [], exists: false),
        ChangedFile(path: "c.txt", articles: [record("c.txt", ["storm"])]),
        ChangedFile(path: "d.txt", articles: [record("d.txt", ["new", "MALMO"])]),
      ], prepare: .newest)
    // malmo: b and d; storm: c; new: d. Ties by name.
    #expect(change.catalog.topics == ["malmo", "new", "storm"])
    #expect(change.catalog.topicFrequencies == [2, 1, 1])
    expectSameTables(change.catalog, 0)
  }
}

extension CatalogCarryTests.Generator: RandomNumberGenerator {
  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state
  }
}
