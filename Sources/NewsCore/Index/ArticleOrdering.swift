/// A whole load sorted and its topics counted without building an `ArticleCatalog`, for the commands that
/// print every article (`list` without a query, `topics`).
///
/// A catalog folds every article's text for searching (most of its build), which a listing of everything
/// never reads. The rules are the catalog's own (`SortPermutations.before`, `compare`, the same folding of
/// titles and provider names), so the order is the one `ArticleCatalog.select` gives for the query that
/// matches everything; `ArticleOrderingTests` holds the two together.
public enum ArticleOrdering {
  /// The indices of `articles` in `order`, ties in load order.
  public static func indices(of articles: [Article], by order: SortOrder) -> [Int] {
    var permutation = Array(0..<Int32(articles.count))
    switch order {
    case .newest, .oldest:
      let dates = articles.map { $0.item.publishedDateTime?.secondsSince1970 }
      let descending = order == .newest
      permutation.sort {
        SortPermutations.before(dates[Int($0)], dates[Int($1)], $0, $1, descending: descending)
      }
    case .quality:
      let qualities = articles.map(\.item.quality)
      permutation.sort {
        SortPermutations.before(qualities[Int($0)], qualities[Int($1)], $0, $1, descending: true)
      }
    case .heat:
      let heats = articles.map(\.item.heat)
      permutation.sort { SortPermutations.before(heats[Int($0)], heats[Int($1)], $0, $1, descending: true) }
    case .provider:
      let ranks = providerRanks(articles)
      permutation.sort {
        let a = ranks[Int($0)], b = ranks[Int($1)]
        return SortPermutations.before(a < 0 ? nil : a, b < 0 ? nil : b, $0, $1, descending: false)
      }
    case .title:
      sortByTitle(articles, &permutation)
    }
    return permutation.map { Int($0) }
  }

  /// Every topic with the number of articles that have it, most common first, then by name: what
  /// `ArticleCatalog(articles:).topicCounts()` gives.
  public static func topicCounts(of articles: [Article]) -> [(topic: String, count: Int)] {
    let names = NameIndex(articles: articles)
    let frequencies = names.topicFrequencies
    let topicNames = names.topicNames
    // The catalog numbers topics by frequency, then sorts them for counting: the same key twice.
    let byFrequency = topicNames.indices.sorted {
      frequencies[$0] != frequencies[$1] ? frequencies[$0] > frequencies[$1] : topicNames[$0] < topicNames[$1]
    }
    return byFrequency.filter { frequencies[$0] > 0 }
      .sorted {
        frequencies[$0] != frequencies[$1]
          ? frequencies[$0] > frequencies[$1] : topicNames[$0] < topicNames[$1]
      }
      .map { (topic: topicNames[$0], count: frequencies[$0]) }
  }

  /// Each article's provider rank: its folded provider name's place among the distinct folded names in
  /// byte order, -1 without a name (as the catalog ranks them).
  private static func providerRanks(_ articles: [Article]) -> [Int32] {
    var folder = TextFolder()
    var idsByName: [ExactString: Int32] = [:]
    // Keyed by `String`, as the catalog's names are: folded names that are canonically equivalent are one.
    var idsByFoldedName: [String: Int32] = [:]
    var foldedNames: [[UInt8]] = []
    var ids: [Int32] = []
    ids.reserveCapacity(articles.count)
    for article in articles {
      guard let name = article.item.provider?.name else {
        ids.append(-1)
        continue
      }
      if let id = idsByName[ExactString(name)] {
        ids.append(id)
        continue
      }
      let folded = folder.fold(name)
      let key = String(decoding: folded, as: UTF8.self)
      let id: Int32
      if let known = idsByFoldedName[key] {
        id = known
      } else {
        id = Int32(foldedNames.count)
        idsByFoldedName[key] = id
        foldedNames.append(folded)
      }
      idsByName[ExactString(name)] = id
      ids.append(id)
    }
    var rankByID = [Int32](repeating: 0, count: foldedNames.count)
    for (rank, id) in foldedNames.indices.sorted(by: {
      foldedNames[$0].lexicographicallyPrecedes(foldedNames[$1])
    }).enumerated() {
      rankByID[id] = Int32(rank)
    }
    return ids.map { $0 < 0 ? -1 : rankByID[Int($0)] }
  }

  /// Sorts by folded title bytes (as the catalog's search text holds titles, ASCII lowered), untitled last.
  private static func sortByTitle(_ articles: [Article], _ permutation: inout [Int32]) {
    var folder = TextFolder()
    var bytes: [UInt8] = []
    var starts: [Int32] = []
    starts.reserveCapacity(articles.count + 1)
    var hasTitle: [Bool] = []
    hasTitle.reserveCapacity(articles.count)
    for article in articles {
      starts.append(Int32(bytes.count))
      if let title = article.item.title { folder.append(title, to: &bytes) }
      hasTitle.append(article.item.title != nil)
    }
    starts.append(Int32(bytes.count))
    if bytes.isEmpty { bytes.append(0) }  // `compare` reads through a base address
    bytes.withUnsafeBufferPointer { bytes in
      permutation.sort { a, b in
        switch (hasTitle[Int(a)], hasTitle[Int(b)]) {
        case (false, false): return a < b
        case (false, true): return false
        case (true, false): return true
        case (true, true):
          let comparison = SortPermutations.compare(
            bytes, Int(starts[Int(a)])..<Int(starts[Int(a) + 1]),
            Int(starts[Int(b)])..<Int(starts[Int(b) + 1]))
          return comparison != 0 ? comparison < 0 : a < b
        }
      }
    }
  }
}
