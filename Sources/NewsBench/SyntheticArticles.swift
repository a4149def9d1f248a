import Foundation
import NewsCore

/// Builds articles in memory with the generator's vocabulary, for the query rows while the loader cannot supply them.
///
/// The shape follows scripts/bench/generate_corpus.py (same words, about 300 topics with a few common
/// ones, 0-6 related items, several scripts) so search and topic figures are comparable with a real load.
struct SyntheticArticles {
  /// A small deterministic generator (SplitMix64), so every run builds the same articles.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let latinWords = """
    facial recognition lawsuit company privacy data court police software city council budget \
    election vote climate energy solar wind market stocks bank inflation rate central government \
    minister report study health vaccine hospital school students teachers university research \
    space rocket launch satellite moon mars telescope storm flood earthquake wildfire rescue team \
    football league final cup champion record season player coach transfer museum art festival \
    film music album concert award prize novel author history ancient discovery scientists ocean \
    summit leaders treaty peace talks border security cyber attack hackers cloud platform apps \
    économie société gouvernement élection président café naïve über größte Straße Zürich Kraków
    """.split(separator: " ").map(String.init)
  static let cyrillicWords = """
    новости правительство выборы президент министр город парламент закон экономика рынок банк \
    нефть газ энергия наука космос ракета спутник университет Москва Киев Минск
    """.split(separator: " ").map(String.init)
  static let arabicWords = """
    أخبار الحكومة الانتخابات الرئيس الوزير المدينة البرلمان القانون الاقتصاد السوق البنك النفط الطاقة
    """.split(separator: " ").map(String.init)
  static let cjkPhrases = """
    新型コロナ 成人式 東京都 世田谷区 地震 台風 選挙 首相 国会 経済 株価 人工知能 半導体 宇宙 北京 上海 政府 科技 新闻 서울 정부 경제
    """.split(separator: " ").map(String.init)
  static let emoji = ["🚀", "🌍", "🔥", "⚽", "📈", "👍🏽", "👨‍👩‍👧", "❤️", "🇯🇵"]
  static let topicStems = "AI Climate Energy Elections Space Football Health Privacy Security Markets Banking Chips Cloud Music Film Science".split(separator: " ")
  static let topicQualifiers = "Policy Research News Industry Europe Asia Africa Americas Japan Local Global Funding Regulation Events Analysis Opinion Jobs Markets".split(separator: " ")

  var generator = Generator(state: 20_240_501)
  let topics: [String]
  let providers: [String]

  init() {
    topics = Self.topicStems.flatMap { stem in Self.topicQualifiers.map { "\(stem) \($0)" } }
    providers = (0..<150).map { "Provider \(Self.latinWords[$0 % Self.latinWords.count].capitalized) \($0)" }
  }

  /// `count` articles, identical on every call with the same count.
  static func make(count: Int) -> [Article] {
    var builder = SyntheticArticles()
    return (0..<count).map { builder.article(index: $0) }
  }

  mutating func article(index: Int) -> Article {
    var item = story()
    item.category = "news"
    item.heat = Int.random(in: -1..<500, using: &generator)
    item.published = Bool.random(using: &generator)
    var chosen: [String] = []
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
      // A power above 1 makes the first topics common and most rare, as in real feeds.
      let topic = topics[Int(Double(topics.count) * pow(Double.random(in: 0..<1, using: &generator), 2.5))]
      if !chosen.contains(topic) { chosen.append(topic) }
    }
    item.topics = chosen
    let related = (0..<[0, 0, 1, 2, 3, 4, 5, 6].randomElement(using: &generator)!).map { _ in story() }
    let path = String(format: "synthetic/%03d/%06d.txt", index / 1000, index)
    return Article(
      id: ArticleID(String(index)), source: RecordSource(path: path, relativePath: path, documentIndex: 0, line: 1),
      item: item, related: related, secured: SecuredContent(byteCount: 600))
  }

  private mutating func story() -> NewsItem {
    let seconds = 1_420_070_400 + Double(Int.random(in: 0..<300_000_000, using: &generator))
    let provider = providers.randomElement(using: &generator)!
    return NewsItem(
      title: text(words: 5...12), excerpt: text(words: 18...45), type: "article",
      publishedDateTime: NewsDate(text: "synthetic", secondsSince1970: seconds),
      webUrl: "https://www.example.com/\(Int.random(in: 0..<1_000_000, using: &generator))",
      quality: Int.random(in: 1..<100, using: &generator), provider: Provider(name: provider, domain: "example.com"))
  }

  private mutating func text(words: ClosedRange<Int>) -> String {
    let count = Int.random(in: words, using: &generator)
    var result: String
    switch Int.random(in: 0..<10, using: &generator) {
    case 0, 1: result = (0..<max(2, count / 2)).map { _ in Self.cjkPhrases.randomElement(using: &generator)! }.joined()
    case 2: result = (0..<count).map { _ in Self.cyrillicWords.randomElement(using: &generator)! }.joined(separator: " ")
    case 3: result = (0..<count).map { _ in Self.arabicWords.randomElement(using: &generator)! }.joined(separator: " ")
    default: result = (0..<count).map { _ in Self.latinWords.randomElement(using: &generator)! }.joined(separator: " ")
    }
    if Int.random(in: 0..<12, using: &generator) == 0 { result += " " + Self.emoji.randomElement(using: &generator)! }
    return result
  }
}
