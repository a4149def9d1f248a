import NewsCore
import ReaderState
import ReaderView
import ScreenKit

/// A small catalog written by hand: mixed scripts, emoji, combining marks, a long title, related coverage
/// (one item of which is also an article) and topics, with a fixed clock.
enum ReaderFixtures {
  /// 2021-03-14 12:00 UTC.
  static let now: Double = 1_615_723_200

  static func date(_ text: String, _ seconds: Double?) -> NewsDate {
    NewsDate(text: text, secondsSince1970: seconds)
  }

  static func article(
    _ id: String, title: String, provider: String, domain: String, date: NewsDate?, topics: [String] = [],
    url: String, excerpt: String? = nil, related: [RelatedItem] = [], secured: SecuredContent? = nil,
    body: String? = nil, images: [ImageRef] = [], extra: [ExtraField] = []
  ) -> Article {
    Article(
      id: ArticleID(id),
      source: RecordSource(path: "fixtures/\(id).txt", relativePath: "\(id).txt", documentIndex: 0, line: 1),
      item: NewsItem(
        title: title, excerpt: excerpt, category: "news", type: "article", publishedDateTime: date,
        originalUrl: url, webUrl: url, quality: 54, heat: -1, published: false,
        provider: Provider(name: provider, domain: domain), topics: topics, images: images, extraFields: extra
      ),
      related: RelatedCoverage(related), secured: secured, body: body)
  }

  static let arabicURL = "https://www.aljazeera.net/news/2021/3/12/ai-journalism"

  static let articles: [Article] = [
    article(
      "clearview", title: "Legal fight against Clearview AI’s facial recognition service grows",
      provider: "Biometric Companies", domain: "biometricupdate.com",
      date: date("2021-03-13T23:10:00Z", 1_615_677_000), topics: ["Computer Vision", "AI"],
      url: "https://www.biometricupdate.com/202103/legal-fight-against-clearview",
      excerpt:
        "Demographic groups are joining states and nations in demanding that Clearview AI end its massive "
        + "face-scraping biometric service.\n\nA second paragraph follows the first one.",
      related: [
        NewsItem(
          title: "Clearview AI sued in California over ‘most dangerous’ facial recognition database",
          publishedDateTime: date("2021-03-11T18:20:00Z", 1_615_486_800),
          webUrl: "https://chicago.suntimes.com/2021/3/11/clearview-ai-lawsuit", quality: 71,
          provider: Provider(name: "Chicago Sun-Times", domain: "suntimes.com")),
        NewsItem(
          title: "Facial recognition company sued by California activists",
          publishedDateTime: date("2021-03-11T16:15:00Z", 1_615_479_300),
          webUrl: "https://www.seattletimes.com/business/facial-recognition-sued/", quality: 41,
          provider: Provider(name: "Seattle Times", domain: "seattletimes.com")),
        NewsItem(
          title: "الذكاء الاصطناعي والصحافة", publishedDateTime: date("2021-03-12T09:30:00Z", 1_615_541_400),
          webUrl: arabicURL, provider: Provider(name: "الجزيرة", domain: "aljazeera.net")),
      ],
      secured: SecuredContent(byteCount: 2048), body: "Body text of the record, in Markdown.",
      images: [ImageRef(url: "https://example.com/face.jpg", width: 640, height: 260)],
      extra: [ExtraField(key: "isBreaking", value: "false")]),
    article(
      "cjk", title: "東京で人工知能の国際会議が開幕、各国の研究者が集まる", provider: "日本経済新聞",
      domain: "nikkei.com", date: date("2021-03-13T07:45:00Z", 1_615_621_500), topics: ["AI", "日本"],
      url: "https://www.nikkei.com/article/ai-conference",
      excerpt: "人工知能の研究者が東京に集まり、最新の成果を発表した。会議は三日間続く。"),
    article(
      "arabic", title: "الذكاء الاصطناعي يغير مستقبل الصحافة في الشرق الأوسط", provider: "الجزيرة",
      domain: "aljazeera.net", date: date("2021-03-12T09:30:00Z", 1_615_541_400), topics: ["AI", "Media"],
      url: arabicURL, excerpt: "تقرير عن أثر الذكاء الاصطناعي على غرف الأخبار.",
      related: [
        NewsItem(
          title: "AI in Middle East newsrooms",
          publishedDateTime: date("2021-03-12T10:00:00Z", 1_615_543_200),
          webUrl: "https://www.example.org/newsrooms",
          provider: Provider(name: "Example Org", domain: "example.org"))
      ]),
    article(
      "emoji", title: "Fans react 👍🏽 as family 👨‍👩‍👧 robots take the stage 🎉", provider: "Robot Weekly",
      domain: "robots.example", date: date("2021-03-11T17:13:00Z", 1_615_482_780), topics: ["Robotics"],
      url: "https://robots.example/fans", excerpt: "Crowds cheered 👍🏽 and waved ❤️ at the family 👨‍👩‍👧 of robots."),
    article(
      "combining", title: "Cafe\u{301} owners in Zu\u{308}rich debate a nai\u{308}ve tax plan",
      provider: "Neue Zeitung",
      domain: "nz.example", date: date("2021-03-10T22:05:00Z", 1_615_413_900), topics: ["Economy"],
      url: "https://nz.example/cafe"),
    article(
      "long",
      title: "An extraordinarily long headline that keeps going well beyond what any reasonable list "
        + "column could ever hope to display in full without truncation", provider: "The Long Read Gazette",
      domain: "long.example", date: date("2021-03-09T11:00:00Z", 1_615_287_600),
      url: "https://long.example/read"),
    article(
      "undated", title: "A record without a readable date", provider: "Archive", domain: "archive.example",
      date: date("sometime in March", nil), url: "https://archive.example/undated"),
  ]

  static let diagnostics: [Diagnostic] = [
    Diagnostic(
      path: "seeds/bad.txt", line: 3, column: 7, severity: .error,
      message: "expected a mapping, found a sequence"),
    Diagnostic(
      path: "seeds/partial.yaml", line: 12, column: 1, severity: .warning,
      message: "quality is not a number; ignored"),
    Diagnostic(
      path: "seeds/a/very/deeply/nested/directory/with/a/long/name/record.md", line: 1, column: 1,
      severity: .warning,
      message: "unknown field kept as text: sponsoredBy"),
  ]

  static let catalog = ArticleCatalog(articles: articles)

  /// The reader over the fixture catalog, laid out for `size` the way the run loop does it.
  static func state(size: Size, diagnostics: [Diagnostic] = diagnostics) -> ReaderModel {
    var state = ReaderModel(catalog: catalog, diagnostics: diagnostics)
    state.apply(.resize(TerminalSize(columns: size.columns, rows: size.rows)), now: now)
    return state
  }

  /// Applies actions like the run loop does (its size is the state's, from `.resize`).
  static func applying(_ actions: [Action], to state: ReaderModel, size: Size) -> ReaderModel {
    var state = state
    for action in actions {
      state.apply(action, now: now)
    }
    return state
  }
}

extension ReaderModel {
  /// `apply` with the geometry the run loop uses: the layout of the standard key map.
  @discardableResult
  mutating func apply(_ action: Action, now: Double) -> [Effect] {
    apply(action, now: now, geometry: LayoutGeometry(keyMap: .standard))
  }
}
