@testable import NewsCore
import Testing

/// Grouping loaded articles into stories: links in either direction, shared related links, normalized
/// URLs, articles without links, cycles, and the stable ids and summaries.
@Suite struct StoryGroupingTests {
  static func article(
    _ name: String, url: String? = nil, related: [String] = [], date: Double? = nil,
    provider: String? = nil, domain: String? = nil, extra: [ExtraField] = [], amp: String? = nil
  ) -> Article {
    Article(
      id: ArticleID("id-" + name),
      source: RecordSource(path: name + ".txt", relativePath: name + ".txt", documentIndex: 0, line: 1),
      item: NewsItem(
        title: "Title " + name,
        publishedDateTime: date.map { NewsDate(canonicalSecondsSince1970: $0) }, webUrl: url,
        ampWebUrl: amp,
        provider: provider == nil && domain == nil
          ? nil : Provider(name: provider, domain: domain),
        extraFields: extra),
      related: RelatedCoverage(related.map { NewsItem(title: "Related", webUrl: $0) }))
  }

  /// The stories as sets of article names (the part after `id-`), sorted for comparison.
  static func groups(_ articles: [Article]) -> [[String]] {
    let index = StoryIndex(articles: articles)
    return index.stories.map { story in
      story.members.map { String(articles[$0].id.rawValue.dropFirst(3)) }.sorted()
    }.sorted { $0.lexicographicallyPrecedes($1) }
  }

  @Test func aRelatedItemNamingAnotherArticleJoinsThem() {
    let articles = [
      Self.article("a", url: "https://example.org/a", related: ["https://example.org/b"]),
      Self.article("b", url: "https://example.org/b"),
      Self.article("c", url: "https://example.org/c"),
    ]
    #expect(Self.groups(articles) == [["a", "b"], ["c"]])
  }

  @Test func chainsAreJoinedTransitively() {
    // a names b, c names b, d names c's amp link, e names nothing but is named by d.
    let articles = [
      Self.article("a", url: "https://x.org/a", related: ["https://x.org/b"]),
      Self.article("b", url: "https://x.org/b"),
      Self.article("c", url: "https://x.org/c", related: ["https://x.org/b"], amp: "https://amp.x.org/c"),
      Self.article("d", url: "https://x.org/d", related: ["https://amp.x.org/c", "https://x.org/e"]),
      Self.article("e", url: "https://x.org/e"),
      Self.article("f", url: "https://x.org/f"),
    ]
    #expect(Self.groups(articles) == [["a", "b", "c", "d", "e"], ["f"]])
  }

  @Test func sharingARelatedURLJoinsArticlesThatNameNoOtherArticle() {
    let articles = [
      Self.article("a", url: "https://one.org/a", related: ["https://elsewhere.org/story"]),
      Self.article("b", url: "https://two.org/b", related: ["https://elsewhere.org/story"]),
      Self.article("c", url: "https://three.org/c", related: ["https://elsewhere.org/other"]),
    ]
    #expect(Self.groups(articles) == [["a", "b"], ["c"]])
  }

  @Test func urlsAreComparedAfterNormalizingSchemeHostCaseAndATrailingSlash() {
    let articles = [
      Self.article("a", url: "https://Example.ORG/Story/", related: []),
      Self.article("b", url: "https://other.org/b", related: ["http://example.org/Story"]),
      // The path's case matters: /story is another page.
      Self.article("c", url: "https://example.org/story"),
      Self.article("d", url: "HTTPS://other.org/b/"),
    ]
    #expect(Self.groups(articles) == [["a", "b", "d"], ["c"]])
    #expect(
      String(decoding: StoryURL.normalized("HTTP://WWW.Example.org/A/"), as: UTF8.self)
        == "//www.example.org/A")
    #expect(
      String(decoding: StoryURL.normalized("ftp://Host.org/x?Q=1"), as: UTF8.self) == "ftp://host.org/x?Q=1")
    #expect(StoryURL.hash("") == nil)
    #expect(StoryURL.hash("https://a.org/x/") == StoryURL.hash("http://A.org/x"))
  }

  @Test func articlesWithoutLinksAreStoriesOfOne() {
    let articles = [
      Self.article("a"), Self.article("b"), Self.article("c", related: []),
    ]
    #expect(Self.groups(articles) == [["a"], ["b"], ["c"]])
    let index = StoryIndex(articles: articles)
    #expect(index.stories.map(\.members) == [[0], [1], [2]])
  }

  @Test func cyclesAndSelfLinksEndInOneStory() {
    let articles = [
      Self.article("a", url: "https://x.org/a", related: ["https://x.org/b", "https://x.org/a"]),
      Self.article("b", url: "https://x.org/b", related: ["https://x.org/c"]),
      Self.article("c", url: "https://x.org/c", related: ["https://x.org/a"]),
      Self.article("d", url: "https://x.org/d", related: ["https://x.org/d/"]),
    ]
    #expect(Self.groups(articles) == [["a", "b", "c"], ["d"]])
  }

  @Test func storyIDsDependOnTheMembersOnlyNotOnLoadOrder() {
    let articles = [
      Self.article("a", url: "https://x.org/a", related: ["https://x.org/b"]),
      Self.article("b", url: "https://x.org/b"),
      Self.article("c", url: "https://x.org/c"),
    ]
    let forward = StoryIndex(articles: articles)
    let backward = StoryIndex(articles: articles.reversed())
    #expect(Set(forward.stories.map(\.id)) == Set(backward.stories.map(\.id)))
    #expect(forward.stories[0].id != forward.stories[1].id)
    #expect(forward.stories[0].id.rawValue.hasPrefix("s") && forward.stories[0].id.rawValue.count == 15)
    // A different membership is a different id.
    let apart = StoryIndex(articles: [articles[0], articles[2]])
    #expect(!Set(apart.stories.map(\.id)).contains(forward.stories[0].id))
  }

  @Test func storiesFollowTheOrderOfTheirFirstListedArticle() {
    let articles = [
      Self.article("a", url: "https://x.org/a", related: ["https://x.org/c"]),
      Self.article("b", url: "https://x.org/b"),
      Self.article("c", url: "https://x.org/c"),
    ]
    let index = StoryIndex(articles: articles)
    // Listed c, b, a: the story of a and c comes first (at c), then b's; a does not repeat it.
    #expect(index.storyOrder(following: [2, 1, 0]) == [0, 1])
    #expect(index.storyOrder(following: [1]) == [1])
    #expect(index.story(ofArticle: 2).members == [0, 2])
  }

  @Test func theSummaryCountsOutletsAndLanguagesAndPicksTheLeadByLanguage() {
    let story = [
      Self.article(
        "de", url: "https://de.wikipedia.org/wiki/Erdbeben", date: 300, provider: "Wikipedia",
        domain: "de.wikipedia.org"),
      Self.article(
        "sv", url: "https://sv.wikipedia.org/wiki/Jordbavning",
        related: ["https://de.wikipedia.org/wiki/Erdbeben"],
        date: 200, provider: "Wikipedia", domain: "sv.wikipedia.org"),
      Self.article(
        "yue", url: "https://zh-yue.wikipedia.org/wiki/x",
        related: ["https://sv.wikipedia.org/wiki/Jordbavning"],
        date: 400, provider: "Wikipedia", domain: "zh-yue.wikipedia.org"),
      Self.article(
        "press", url: "https://press.example/quake", related: ["https://de.wikipedia.org/wiki/Erdbeben"],
        date: 100, provider: "Example Press", extra: [ExtraField(key: "language", value: "en_GB")]),
    ]
    let index = StoryIndex(articles: story)
    #expect(index.stories.count == 1)
    let first = index.stories[0]
    let earliest = index.summary(of: first, preferredLanguages: [])
    #expect(earliest.lead == 3)
    #expect(earliest.outletCount == 2)
    #expect(earliest.languageCount == 4)
    #expect(earliest.dateRange == 100...400)
    #expect(earliest.members == [0, 1, 2, 3])
    #expect(index.summary(of: first, preferredLanguages: ["sv", "de"]).lead == 1)
    #expect(index.summary(of: first, preferredLanguages: ["fr", "de"]).lead == 0)
    #expect(index.summary(of: first, preferredLanguages: ["zh"]).lead == 2)
    // en-gb is a regional form of en.
    #expect(index.summary(of: first, preferredLanguages: ["en"]).lead == 3)
    #expect(index.summary(of: first, preferredLanguages: ["ja"]).lead == 3)
  }

  @Test func languagesComeFromAFieldOrAWikimediaHostOnly() {
    #expect(StoryLanguage.of(NewsItem(provider: Provider(domain: "sv.wikipedia.org"))) == "sv")
    #expect(StoryLanguage.of(NewsItem(provider: Provider(domain: "be-tarask.wikipedia.org"))) == "be-tarask")
    #expect(StoryLanguage.of(NewsItem(webUrl: "https://fi.m.wikipedia.org/wiki/X")) == "fi")
    #expect(StoryLanguage.of(NewsItem(provider: Provider(domain: "www.nhk.or.jp"))) == nil)
    #expect(StoryLanguage.of(NewsItem(provider: Provider(domain: "api.example.com"))) == nil)
    #expect(StoryLanguage.of(NewsItem(extraFields: [ExtraField(key: "Lang", value: " pt_BR ")])) == "pt-br")
  }
}
