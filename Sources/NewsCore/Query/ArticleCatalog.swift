import Foundation
import Synchronization

/// The loaded articles with what filtering and sorting need prepared once, shared by `list` and the reader.
///
/// Everything a keystroke needs is computed at init: folded search text in one buffer, topic, category and
/// provider ids, topic-to-articles postings. Each sort order's permutation is computed on its first use. A selection walks
/// the pre-sorted permutation (or sorts a small subset by rank), so it never compares strings.
public final class ArticleCatalog: Sendable {
  public let articles: [Article]
  /// The folded search text, made on first use when the catalog was made for listing (`forListing`).
  let textSlot: SearchTextSlot
  var text: SearchText { textSlot.text }
  let permutations: SortPermutations
  /// Display names of every topic, most frequent first; a topic's id is its position here.
  public let topics: [String]
  /// Articles having each topic (by id), over the whole catalog.
  public let topicFrequencies: [Int]
  let topicIDsByFoldedName: [String: Int32]
  /// `articleTopics[topicStarts[i]..<topicStarts[i + 1]]` are article `i`'s distinct topic ids.
  let topicStarts: [Int32]
  let articleTopics: [Int32]
  /// Article indices (ascending) per topic id.
  let topicPostings: [[Int32]]
  let categoryIDs: [Int32]
  let categoryIDsByFoldedName: [String: Int32]
  let providerIDs: [Int32]
  let providerIDsByFoldedName: [String: Int32]
  /// Folded names by id, for matching `field:pattern` query terms against each distinct name once.
  let categoryNames: [[UInt8]]
  let providerNames: [[UInt8]]
  let domainIDs: [Int32]
  let domainIDsByFoldedName: [String: Int32]
  let domainNames: [[UInt8]]
  let typeIDs: [Int32]
  let typeIDsByFoldedName: [String: Int32]
  let typeNames: [[UInt8]]
  /// Folded topic names by id (the ids of `topics`).
  let topicFoldedNames: [[UInt8]]
  /// Dates and numbers that query terms compare.
  let columns: QueryColumns
  /// Articles by URL, for following related coverage; built on the first lookup.
  let links: LinkIndex
  /// The ids as a set, the articles by path and the provider names' domains, for changes (see `applying`).
  let changeIndex = ChangeIndex()
  /// The token index, once `prepareSearch()` has built it.
  let tokenSlot = TokenIndexSlot()

  public convenience init(articles: [Article]) {
    self.init(articles: articles, text: SearchText(articles: articles))
  }

  /// A catalog of `articles` for listing at once (the reader's loads). Its folded search text, most of a
  /// catalog's making (0.5 s at 100,000 records), is made on first use instead: the reader's search
  /// preparer makes it in the background once the list is drawn, and a search or title sort before then
  /// waits for it. What the first listing asks for besides the catalog's own tables, the provider names given
  /// with several domains and the permutation of `order`, is made on a thread of its own while the tables
  /// are, instead of on the run loop afterwards (a fifth of a second at 100,000 records).
  public static func forListing(_ articles: [Article], order: SortOrder) -> ArticleCatalog {
    let domains = Mutex<ProviderDomains?>(nil)
    let done = DispatchSemaphore(value: 0)
    Thread {
      let built = ProviderDomains(articles: articles)
      domains.withLock { $0 = built }
      done.signal()
    }.start()
    let catalog = ArticleCatalog(
      articles: articles, textSlot: SearchTextSlot(makingFrom: articles),
      tables: CatalogTables(articles: articles))
    _ = catalog.permutations.table(order)
    done.wait()
    if let built = domains.withLock({ $0 }) { catalog.changeIndex.adopt(built) }
    return catalog
  }

  /// A catalog of `articles` whose folded text is `text` (an update copies most of it from an older one).
  convenience init(articles: [Article], text: SearchText) {
    self.init(articles: articles, text: text, tables: CatalogTables(articles: articles))
  }

  /// A catalog of `articles` with their text and tables made already (an update carries most of both).
  convenience init(articles: [Article], text: SearchText, tables: CatalogTables) {
    self.init(articles: articles, textSlot: SearchTextSlot(text), tables: tables)
  }

  /// A catalog of `articles` whose folded text `textSlot` has or will make.
  init(articles: [Article], textSlot: SearchTextSlot, tables: CatalogTables) {
    self.articles = articles
    self.textSlot = textSlot
    self.topics = tables.topics
    self.topicFrequencies = tables.topicFrequencies
    self.topicIDsByFoldedName = tables.topicIDsByFoldedName
    self.topicStarts = tables.topicStarts
    self.articleTopics = tables.articleTopics
    self.topicPostings = tables.topicPostings
    self.categoryIDs = tables.categories.ids
    self.categoryIDsByFoldedName = tables.categories.idsByFoldedName
    self.providerIDs = tables.providers.ids
    self.providerIDsByFoldedName = tables.providers.idsByFoldedName
    self.categoryNames = tables.categories.names
    self.providerNames = tables.providers.names
    self.domainIDs = tables.domains.ids
    self.domainIDsByFoldedName = tables.domains.idsByFoldedName
    self.domainNames = tables.domains.names
    self.typeIDs = tables.types.ids
    self.typeIDsByFoldedName = tables.types.idsByFoldedName
    self.typeNames = tables.types.names
    self.topicFoldedNames = tables.topicFoldedNames
    self.columns = tables.columns
    self.permutations = SortPermutations(
      articles: articles, text: textSlot, providerRanks: tables.providerRanks)
    self.links = LinkIndex(articles: articles)
  }

  /// Each article's date in seconds since 1970, NaN when it has none we could read (what `date:` terms
  /// compare).
  public var publishedSeconds: [Double] { columns.dates }

  /// Bytes of folded search text in memory, and how many of them are related coverage (for the benchmark).
  public var searchTextBytes: (total: Int, related: Int) {
    var related = 0
    for index in articles.indices { related += Int(text.starts[index + 1] - text.ownEnds[index]) }
    return (text.bytes.count, related)
  }

  /// Case-, diacritic- and width-insensitive form used for every comparison.
  public static func fold(_ text: String) -> String {
    var folder = TextFolder()
    return String(decoding: folder.fold(text), as: UTF8.self)
  }

  /// The article whose `originalUrl` or `webUrl` is `item`'s `webUrl` or `originalUrl`, if any.
  public func articleIndex(linkedFrom item: NewsItem) -> Int? {
    links.articleIndex(linkedFrom: item)
  }

  /// Index of the article with `id`, if the catalog has one (a linear scan: call it per action, not per row).
  public func index(of id: ArticleID) -> Int? {
    articles.firstIndex { $0.id == id }
  }

  /// `indices` sorted by `order`; ties keep load order so results are deterministic.
  public func sorted(_ indices: [Int], by order: SortOrder) -> [Int] {
    let table = permutations.table(order)
    let rank = table.rank
    if indices.count > articles.count / 8 {
      // Marking and walking the permutation is linear; sorting would be n log n.
      var marked = [Bool](repeating: false, count: articles.count)
      for index in indices { marked[index] = true }
      var result: [Int] = []
      result.reserveCapacity(indices.count)
      for index in table.order where marked[Int(index)] { result.append(Int(index)) }
      return result
    }
    return indices.sorted { rank[$0] < rank[$1] }
  }

  /// Every topic with the number of articles among `indices` that have it, most common first.
  public func topicCounts(in indices: [Int]? = nil) -> [(topic: String, count: Int)] {
    let counts = indices.map(countTopics(in:)) ?? topicFrequencies
    return topics.indices.filter { counts[$0] > 0 }
      .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : topics[$0] < topics[$1] }
      .map { (topic: topics[$0], count: counts[$0]) }
  }

  /// For each topic of `topics` (same positions), how many of the articles at `indices` have it.
  public func topicCounts(among indices: [Int]) -> [Int] { countTopics(in: indices) }

  /// The id of a topic name (case- and diacritic-insensitive), or nil when no article has it.
  func topicID(_ name: String) -> Int32? { topicIDsByFoldedName[ArticleCatalog.fold(name)] }

  private func countTopics(in indices: [Int]) -> [Int] {
    var counts = [Int](repeating: 0, count: topics.count)
    topicStarts.withUnsafeBufferPointer { starts in
      articleTopics.withUnsafeBufferPointer { ids in
        for index in indices {
          for position in Int(starts[index])..<Int(starts[index + 1]) { counts[Int(ids[position])] += 1 }
        }
      }
    }
    return counts
  }
}

extension ArticleCatalog: Hashable {
  /// Catalogs are immutable and expensive: two are equal when they are the same catalog.
  public static func == (lhs: ArticleCatalog, rhs: ArticleCatalog) -> Bool { lhs === rhs }
  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

extension SortOrder {
  /// Position in `allCases`, used to index per-order tables.
  var position: Int {
    switch self {
    case .newest: 0
    case .oldest: 1
    case .quality: 2
    case .heat: 3
    case .provider: 4
    case .title: 5
    }
  }
}

/// Ids of folded names (categories, providers) in order of first appearance; -1 for a missing name.
struct NameIDs {
  var idsByFoldedName: [String: Int32] = [:]
  /// Names as given, so a repeated spelling is not folded again; by exact bytes, since `String`'s hashing
  /// normalizes each non-ASCII name, the very cost this cache is there to save.
  private var idsByName: [ExactString: Int32] = [:]

  mutating func id(of name: String?, folder: inout TextFolder) -> Int32 {
    guard let name else { return -1 }
    if let id = idsByName[ExactString(name)] { return id }
    let key = String(decoding: folder.fold(name), as: UTF8.self)
    let id = idsByFoldedName[key] ?? Int32(idsByFoldedName.count)
    idsByFoldedName[key] = id
    idsByName[ExactString(name)] = id
    return id
  }
}

/// Article indices by `originalUrl` and `webUrl`, built on the first lookup: only following a related
/// item needs it, and hashing 200,000 URLs would add to every catalog's build.
final class LinkIndex: @unchecked Sendable {
  private let articles: [Article]
  /// Guards `indicesByURL`.
  private let lock = NSLock()
  private var indicesByURL: [String: Int32]?

  init(articles: [Article]) { self.articles = articles }

  /// Builds the table now (off the run loop), so the first frame showing related coverage does not.
  func prepare() {
    lock.lock()
    defer { lock.unlock() }
    buildIfNeeded()
  }

  func articleIndex(linkedFrom item: NewsItem) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    buildIfNeeded()
    for url in [item.webUrl, item.originalUrl] {
      if let url, let index = indicesByURL?[url] { return Int(index) }
    }
    return nil
  }

  /// Called with `lock` held.
  private func buildIfNeeded() {
    if indicesByURL == nil {
      var urls: [String: Int32] = [:]
      for index in articles.indices {
        for url in [articles[index].item.originalUrl, articles[index].item.webUrl] {
          if let url, urls[url] == nil { urls[url] = Int32(index) }
        }
      }
      indicesByURL = urls
    }
  }
}
