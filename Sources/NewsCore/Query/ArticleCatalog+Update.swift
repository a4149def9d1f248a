import Foundation

/// A catalog updated by the records of some files read again, with how its indices relate to the catalog it
/// was made from: what a listing needs to merge the change without filtering and sorting every article again.
public struct CatalogChange: Sendable {
  /// The catalog the change was made from.
  public let base: ArticleCatalog
  /// The catalog with the change applied.
  public let catalog: ArticleCatalog
  /// Per index into `base.articles`: its index in `catalog`, or -1 when the article went away or was read
  /// again (then it is among `reread`).
  public let newIndices: [Int32]
  /// Ascending indices into `catalog.articles` of the articles new or read again: the only ones a filter
  /// must look at and a sort must place.
  public let reread: [Int]
  /// Ids that were not loaded before, and ids no longer loaded.
  public let addedIDs: [ArticleID]
  public let removedIDs: [ArticleID]
  /// Articles read again whose record differs.
  public let changedCount: Int
}

extension CatalogChange: Equatable {
  /// Changes are compared by the catalogs they join (catalogs are equal when they are the same one).
  public static func == (lhs: CatalogChange, rhs: CatalogChange) -> Bool {
    lhs.base === rhs.base && lhs.catalog === rhs.catalog
  }
}

extension ArticleCatalog {
  /// This catalog with `files` read again: each file's old records give way to the ones it gives now (in place
  /// when there are as many, so ties keep their order; otherwise the new ones go to the end). New ids are made
  /// unique among the articles kept by the rule a full load follows; a record read again keeps its id.
  ///
  /// The order `prepare` is sorted up front, here, so the listing that merges the change (on the run loop)
  /// finds it ready.
  public func applying(_ files: [ChangedFile], prepare order: SortOrder) -> CatalogChange {
    var incoming: [String: [Article]] = [:]
    for file in files { incoming[file.path, default: []].append(contentsOf: file.articles) }
    // The base's ids and articles by path, handed over (built first if the base has not built them yet).
    var (taken, paths) = changeIndex.take(of: articles)
    var replaced: [(slot: Int, article: Article)] = []
    var appended: [Article] = []
    var dropped: [Int] = []
    for (path, new) in incoming {
      let old = paths.removeValue(forKey: path)?.map { Int($0) } ?? []
      if old.count == new.count {
        replaced += zip(old, new).map { ($0, $1) }
      } else {
        dropped += old
        appended += new
      }
    }
    // Paths read again that give nothing now keep no records either.
    dropped.sort()

    var newIndices = [Int32](repeating: 0, count: articles.count)
    var result: [Article]
    if dropped.isEmpty {
      for index in newIndices.indices { newIndices[index] = Int32(index) }
      result = articles
    } else {
      var isGone = [Bool](repeating: false, count: articles.count)
      for index in dropped { isGone[index] = true }
      var next: Int32 = 0
      for index in articles.indices {
        if isGone[index] {
          newIndices[index] = -1
        } else {
          newIndices[index] = next
          next += 1
        }
      }
      result = []
      result.reserveCapacity(articles.count - dropped.count + appended.count)
      for index in articles.indices where !isGone[index] { result.append(articles[index]) }
      // The kept articles after a dropped one moved: every path's indices follow (in place, no hashing).
      newIndices.withUnsafeBufferPointer { newIndices in
        for entry in paths.values.indices {
          paths.values[entry].withUnsafeMutableBufferPointer { indices in
            for position in indices.indices { indices[position] = newIndices[Int(indices[position])] }
          }
        }
      }
    }

    // Ids: those kept stay; each arriving record is made unique among them and the ones placed before it.
    let oldIDs = Set((dropped + replaced.map(\.slot)).map { articles[$0].id })
    for id in oldIDs { taken.remove(id.rawValue) }
    func uniqued(_ article: Article) -> Article {
      var article = article
      let id = ArticleIdentity.unique(article.id.rawValue, source: article.source) { taken.contains($0) }
      taken.insert(id)
      article.id = ArticleID(id)
      return article
    }
    var droppedByID: [ArticleID: Article] = [:]
    for index in dropped { droppedByID[articles[index].id] = articles[index] }
    var reread: [Int] = []
    var changed = 0
    var newIDs: [ArticleID] = []
    func place(_ article: Article, at index: Int) {
      paths[article.source.path, default: []].append(Int32(index))
    }
    for entry in replaced.sorted(by: { $0.slot < $1.slot }) {
      let slot = Int(newIndices[entry.slot])
      let old = result[slot]
      let article = uniqued(entry.article)
      if old.id == article.id && Self.differs(old, article) { changed += 1 }
      newIDs.append(article.id)
      result[slot] = article
      place(article, at: slot)
      newIndices[entry.slot] = -1
      reread.append(slot)
    }
    for article in appended {
      let article = uniqued(article)
      if let old = droppedByID[article.id], Self.differs(old, article) { changed += 1 }
      newIDs.append(article.id)
      place(article, at: result.count)
      reread.append(result.count)
      result.append(article)
    }
    reread.sort()
    let newIDSet = Set(newIDs)
    // What the kept articles had prepared is carried over: their folded text, their names' ids and the
    // topics' postings, the query columns and every sorted order.
    var sourceOf = [Int32](repeating: -1, count: result.count)
    for index in newIndices.indices where newIndices[index] >= 0 {
      sourceOf[Int(newIndices[index])] = Int32(index)
    }
    let removed = (dropped + replaced.map(\.slot)).sorted()
    let tables = CatalogTables(
      changing: CatalogTables(of: self), articles: result, sourceOf: sourceOf, newIndices: newIndices,
      removed: removed, reread: reread, shifts: !dropped.isEmpty)
    let catalog = ArticleCatalog(
      articles: result, text: SearchText(articles: result, updating: text, sourceOf: sourceOf), tables: tables
    )
    var domains = changeIndex.builtProviderDomains
    if domains != nil {
      for index in removed { domains?.count(articles[index], by: -1) }
      for index in reread { domains?.count(result[index], by: 1) }
    }
    catalog.changeIndex.store(ids: taken, paths: paths, domains: domains)
    catalog.permutations.carry(from: permutations, newIndices: newIndices, reread: reread)
    _ = catalog.permutations.table(order)
    return CatalogChange(
      base: self, catalog: catalog, newIndices: newIndices, reread: reread,
      addedIDs: newIDs.filter { !oldIDs.contains($0) }, removedIDs: oldIDs.filter { !newIDSet.contains($0) },
      changedCount: changed)
  }

  /// `catalog` with the article at each index of `replacements` replaced by the one given, one for one,
  /// their ids unique already (a warm start's listing with a few files edited since it was written): what
  /// the other articles had prepared is carried, as `applying` carries it, and `order` is sorted up front.
  /// `catalog` is let go of (set to nil) before the articles change, so that they change in place: a copy
  /// of 100,000 articles took longer (45 ms) than all the rest.
  static func replacing(
    _ replacements: [Int: Article], in catalog: inout ArticleCatalog?, prepare order: SortOrder
  ) -> ArticleCatalog {
    var base = catalog!.prepared
    catalog = nil
    var articles = base.articles
    base.articles = []
    let reread = replacements.keys.sorted()
    let replacedArticles = reread.map { articles[$0] }
    for (index, article) in replacements { articles[index] = article }
    var newIndices = (0..<Int32(articles.count)).map { $0 }
    for index in reread { newIndices[index] = -1 }
    let sourceOf = newIndices
    let tables = CatalogTables(
      changing: base.tables, articles: articles, sourceOf: sourceOf, newIndices: newIndices,
      removed: reread, reread: reread, shifts: false)
    let text =
      base.text.map { SearchTextSlot(SearchText(articles: articles, updating: $0, sourceOf: sourceOf)) }
      ?? SearchTextSlot(makingFrom: articles)
    let replaced = ArticleCatalog(articles: articles, textSlot: text, tables: tables)
    if var domains = base.domains {
      for old in replacedArticles { domains.count(old, by: -1) }
      for index in reread { domains.count(articles[index], by: 1) }
      replaced.changeIndex.adopt(domains)
    }
    replaced.permutations.carry(from: base.sorted, newIndices: newIndices, reread: reread)
    _ = replaced.permutations.table(order)
    return replaced
  }

  /// What `replacing` carries from a catalog, held apart from it.
  private struct Prepared {
    var articles: [Article]
    var tables: CatalogTables
    var text: SearchText?
    var sorted: [SortPermutations.Table?]
    var domains: ProviderDomains?
  }

  private var prepared: Prepared {
    Prepared(
      articles: articles, tables: CatalogTables(of: self), text: textSlot.madeText,
      sorted: permutations.sortedTables, domains: changeIndex.builtProviderDomains)
  }

  /// Whether a record read again says something else (its path and line may move without that).
  private static func differs(_ old: Article, _ new: Article) -> Bool {
    old.item != new.item || old.related != new.related || old.body != new.body || old.secured != new.secured
  }

  /// Builds what `applying` needs ahead (the ids as a set, the articles by path, the provider names'
  /// domains), so the first change does not wait for it: call it off the run loop after a load whose
  /// records the watcher will change.
  public func prepareForChanges() { changeIndex.prepare(articles) }

  /// The provider names given with more than one domain among the articles and their related items (the
  /// list shows those by domain): built on first use, then carried by each change.
  public var providerNamesSharedByDomains: Set<String> { changeIndex.providerDomains(of: articles).shared }

  /// Merges two lists of article indices, each already in `order`, into one in `order`.
  public func merge(_ first: [Int], _ second: [Int], by order: SortOrder) -> [Int] {
    guard !first.isEmpty, !second.isEmpty else { return first.isEmpty ? second : first }
    let rank = permutations.table(order).rank
    return first.merged(with: second) { rank[$0] < rank[$1] }
  }
}
