import Foundation
import NewsCore
import Testing

/// Queries over fixture records: related-only matches, diacritics, scripts, time zones, wildcards, numbers, state.
@Suite struct QueryEvaluatorTests {
  static func item(
    _ title: String?, excerpt: String? = nil, provider: String? = nil, domain: String? = nil,
    topics: [String] = [], category: String? = nil, type: String? = nil, date: String? = nil,
    url: String? = nil, quality: Int? = nil, heat: Int? = nil
  ) -> NewsItem {
    NewsItem(
      title: title, excerpt: excerpt, category: category, type: type,
      publishedDateTime: date.map { NewsDate(text: $0, secondsSince1970: Self.seconds($0)) },
      originalUrl: url, quality: quality, heat: heat,
      provider: provider == nil && domain == nil ? nil : Provider(name: provider, domain: domain),
      topics: topics)
  }

  static func seconds(_ iso: String) -> Double {
    Array(iso.utf8).withUnsafeBufferPointer { DateParser.secondsSince1970($0)! }
  }

  static let articles: [Article] = [
    item(
      "Earthquake in Türkiye", excerpt: "Rescue teams", provider: "BBC", domain: "bbc.co.uk",
      topics: ["World"],
      category: "news", type: "article", date: "2023-03-01T00:30:00Z", quality: 80, heat: 10),
    item(
      "Jordbävning i Turkiet", provider: "Wikipedia", domain: "sv.wikipedia.org",
      date: "2023-02-28T23:30:00Z", quality: 40, heat: -1),
    item(
      "Москва: новости", provider: "Wikipedia", domain: "ru.wikipedia.org", topics: ["Power Apps"],
      date: "2023-03-31T23:59:00Z"),
    item(
      "東京都の地震", excerpt: "震度5", provider: "NHK", domain: "www3.nhk.or.jp", topics: ["Science"],
      date: "2022-12-31T15:30:00Z", quality: 55, heat: 3),
    item("زلزال في تركيا", provider: "Al Jazeera", domain: "aljazeera.net", category: "world", type: "video"),
    item(
      "Crème brûlée recipe", excerpt: "Dessert", provider: "Le Monde", domain: "lemonde.fr",
      topics: ["Food", "World"], date: "2023-04-10T12:00:00Z",
      url: "https://www.lemonde.fr/cuisine/2023/creme"),
  ].enumerated().map { index, item in
    let related: [RelatedItem]
    switch index {
    case 1: related = [Self.item("Earthquake kills thousands", provider: "Reuters", domain: "reuters.com")]
    case 2: related = ["a", "b", "c", "d"].map { Self.item($0) }
    case 4: related = [Self.item(nil, excerpt: "Café crème au lait", domain: "lemonde.fr")]
    default: related = []
    }
    return Article(
      id: ArticleID("a\(index)"),
      source: RecordSource(path: "p", relativePath: "p", documentIndex: 0, line: 1),
      item: item, related: RelatedCoverage(related))
  }

  static let catalog = ArticleCatalog(articles: articles)
  static let now = seconds("2023-04-11T12:00:00Z")
  static let utc = TimeZone(secondsFromGMT: 0)!

  /// Read: 0 and 1; starred: 2; new: 5.
  static let state = ReadingStateClosure { _, index in
    var flags: ReadingStateFlags = []
    if index <= 1 { flags.insert(.read) }
    if index == 2 { flags.insert(.starred) }
    if index == 5 { flags.insert(.new) }
    return flags
  }

  static func run(_ text: String, zone: TimeZone = utc) throws -> QueryResult {
    let context = QueryContext(now: now, timeZone: zone, readingState: state)
    return catalog.select(try Query(text), context: context, order: .newest)
  }

  /// Query, then the matching articles, then those matched only through related coverage.
  static let table: [(String, Set<Int>, Set<Int>)] = [
    ("", [0, 1, 2, 3, 4, 5], []),
    ("earthquake", [0, 1], [1]),
    ("EARTHQUAKE -bbc", [1], [1]),
    ("türkiye", [0], []),
    ("turkiye", [0], []),
    ("CRÈME", [4, 5], [4]),
    ("\"creme brulee\"", [5], []),
    ("\"brulee creme\"", [], []),
    ("q", [0, 1], [1]),
    ("reuters", [1], [1]),
    ("lemonde", [4, 5], [4]),
    ("МОСКВА", [2], []),
    ("地震", [3], []),
    ("زلزال", [4], []),
    ("wikipedia", [1, 2], []),
    ("not earthquake", [2, 3, 4, 5], []),
    ("(earthquake or crème) -is:read", [4, 5], [4]),
    ("earthquake or москва", [0, 1, 2], [1]),
    ("domain:*.wikipedia.org", [1, 2], []),
    ("domain:sv.*", [1], []),
    ("domain:wikipedia.org", [], []),
    ("domain:*wiki*", [1, 2], []),
    ("domain:\"sv.*\"", [], []),
    ("domain:LEMONDE.FR", [5], []),
    ("topic:\"power apps\"", [2], []),
    ("topic:world or topic:science", [0, 3, 5], []),
    ("topic:w*", [0, 5], []),
    ("provider:\"le monde\"", [5], []),
    ("provider:le*", [5], []),
    ("category:world", [4], []),
    ("type:video", [4], []),
    ("-type:video", [0, 1, 2, 3, 5], []),
    ("title:creme", [5], []),
    ("title:é", [0, 1, 5], []),
    ("title:/^crème/", [5], []),
    ("title:/BRÛLÉE/", [5], []),
    ("url:lemonde.fr/cuisine", [5], []),
    ("url:*/2023/*", [5], []),
    ("url:LEMONDE", [5], []),
    ("quality>50", [0, 3], []),
    ("quality>=40", [0, 1, 3], []),
    ("quality=55", [3], []),
    ("heat<0", [1], []),
    ("related>3", [2], []),
    ("related=0", [0, 3, 5], []),
    ("date:2023-03", [0, 2], []),
    ("date:2023", [0, 1, 2, 5], []),
    ("date:2023-03-01..2023-03-31 -topic:world", [2], []),
    ("date:..2023-02-28", [1, 3], []),
    ("-date:2023", [3, 4], []),
    ("newer:2d", [5], []),
    ("older:1w", [0, 1, 2, 3], []),
    ("date:today", [], []),
    ("date:yesterday", [5], []),
    ("is:read", [0, 1], []),
    ("is:unread", [2, 3, 4, 5], []),
    ("is:starred or is:read", [0, 1, 2], []),
    ("is:new", [5], []),
  ]

  @Test(arguments: table)
  func evaluates(text: String, expected: Set<Int>, relatedOnly: Set<Int>) throws {
    let result = try Self.run(text)
    #expect(Set(result.indices) == expected)
    #expect(result.indices.count == expected.count)
    #expect(result.relatedOnly == relatedOnly)
  }

  /// Dates at month and year boundaries move with the time zone: Tokyo (+9), Los Angeles (-8, -7 after
  /// 12 March 2023), Kathmandu (+5:45).
  static let zoned: [(String, String, Set<Int>)] = [
    ("date:2023-03", "Asia/Tokyo", [0, 1]),
    ("date:2023-03", "America/Los_Angeles", [2]),
    ("date:2023", "Asia/Tokyo", [0, 1, 2, 3, 5]),
    ("date:2023-03-01", "Asia/Tokyo", [0, 1]),
    ("date:2023-02-28", "America/Los_Angeles", [0, 1]),
    ("date:2022-12-31", "Asia/Kathmandu", [3]),
    ("date:2022-12-31", "Asia/Tokyo", []),
    ("date:today", "Pacific/Kiritimati", []),
  ]

  @Test(arguments: zoned)
  func datesFollowTheTimeZone(text: String, zone: String, expected: Set<Int>) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    #expect(Set(try Self.run(text, zone: timeZone).indices) == expected)
  }

  @Test func resultsComeInTheRequestedOrder() throws {
    let context = QueryContext(now: Self.now, timeZone: Self.utc)
    let query = try Query("wikipedia or earthquake or crème")
    #expect(Self.catalog.select(query, context: context, order: .newest).indices == [5, 2, 0, 1, 4])
    #expect(Self.catalog.select(query, context: context, order: .oldest).indices == [1, 0, 2, 5, 4])
  }

  /// On a catalog large enough for scans to run in chunks on all cores, words agree with `ArticleFilter`
  /// search and the operators agree with set algebra.
  @Test func largeCatalogAgreesWithSetAlgebra() throws {
    let articles = CatalogSearchTests.articles(count: 12_000)
    let catalog = ArticleCatalog(articles: articles)
    let context = QueryContext(now: 0, timeZone: Self.utc)
    func select(_ text: String) throws -> Set<Int> {
      Set(catalog.select(try Query(text), context: context, order: .newest).indices)
    }
    for search in ["storm", "café coast", "東京", "provider 7", "ti", "e"] {
      let words = search.split(separator: " ").map(String.init)
      #expect(
        try select(search) == Set(catalog.select(ArticleFilter(search: search), order: .newest)), "\(search)")
      if words.count == 1 {
        #expect(try select("\"\(search)\"") == select(search))
      }
    }
    let storm = try select("storm"), coast = try select("coast"), all = Set(articles.indices)
    #expect(try select("storm or coast") == storm.union(coast))
    #expect(try select("storm -coast") == storm.subtracting(coast))
    #expect(try select("not (storm or coast)") == all.subtracting(storm.union(coast)))
    let quality = Set(articles.indices.filter { (articles[$0].quality ?? -1) > 6 })
    #expect(try select("quality>6 or storm") == quality.union(storm))
  }
}

/// Where highlighted matches fall in display text.
@Suite struct MatchHighlighterTests {
  static let cases: [([String], String, [String])] = [
    (["creme"], "Crème brûlée", ["Crème"]),
    (["brulee", "creme"], "Crème brûlée", ["Crème", "brûlée"]),
    (["e"], "e\u{301}t\u{E9}", ["e\u{301}", "\u{E9}"]),
    (["東京"], "東京都の地震", ["東京"]),
    (["ab", "bc"], "xabcx", ["abc"]),
    (["strass"], "Straße", ["Straß"]),
    (["rocket"], "🚀Rocket👍🏽", ["Rocket"]),
    (["زلزال"], "زلزال في تركيا", ["زلزال"]),
    (["москва"], "Новости: МОСКВА", ["МОСКВА"]),
    (["power apps"], "Power Apps and power  apps", ["Power Apps"]),
    (["zz"], "nothing", []),
    ([], "anything", []),
  ]

  @Test(arguments: cases)
  func findsWholeCharacters(terms: [String], text: String, expected: [String]) {
    #expect(MatchHighlighter.ranges(of: terms, in: text).map { String(text[$0]) } == expected)
  }

  @Test func worksWithAQuerysTerms() throws {
    let text = "Earthquake in Türkiye: rescue teams"
    let terms = try Query("turkiye -rescue \"in tür\"").highlightTerms
    #expect(MatchHighlighter.ranges(of: terms, in: text).map { String(text[$0]) } == ["in Türkiye"])
  }
}

/// Typing on a query narrows it: the reader then evaluates only what the previous text listed.
@Suite struct QueryNarrowingTests {
  @Test(arguments: [
    ("earth", "earthq", true),
    ("earth", "earth rescue", true),
    ("earth rescue", "earth rescuers", true),
    ("topic:World", "topic:World crème", true),
    ("", "earth", true),
    ("e", "\"e t\"", true),
    ("earthq", "earth", false),
    ("-earth", "-earthq", false),
    ("topic:World", "topic:Worlds", false),
    ("quality<5", "quality<50", false),
    ("earth rescue", "earth", false),
    ("earth", "earth or jord", false),
    ("earth rescue", "earthq rescue", false),
  ])
  func narrowingIsJudgedFromTheText(old: String, new: String, narrows: Bool) throws {
    #expect(try Query(new).narrows(try Query(old)) == narrows)
  }

  /// Every prefix of each text, evaluated as typed with narrowing and from scratch, lists the same.
  @Test(arguments: ["earthquake rescue", "crème brûlée", "wiki turkiet", "topic:World e", "a b c"])
  func narrowedResultsEqualFullEvaluation(text: String) {
    let catalog = QueryEvaluatorTests.catalog
    let context = QueryContext(now: QueryEvaluatorTests.now, timeZone: QueryEvaluatorTests.utc)
    var previous: (Query, [Int])? = nil
    var typed = ""
    for character in text {
      typed.append(character)
      guard let query = try? Query(typed) else { continue }
      let narrowed = catalog.select(query, context: context, order: .newest, narrowing: previous)
      let full = catalog.select(query, context: context, order: .newest)
      #expect(narrowed == full, "\(typed)")
      previous = (query, narrowed.indices)
    }
  }
}
