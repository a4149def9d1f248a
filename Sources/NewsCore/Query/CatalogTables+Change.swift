extension CatalogTables {
  /// The tables of `catalog`, as its init had them.
  init(of catalog: ArticleCatalog) {
    topics = catalog.topics
    topicFrequencies = catalog.topicFrequencies
    topicIDsByFoldedName = catalog.topicIDsByFoldedName
    topicFoldedNames = catalog.topicFoldedNames
    topicStarts = catalog.topicStarts
    articleTopics = catalog.articleTopics
    topicPostings = catalog.topicPostings
    categories = NameColumn(
      ids: catalog.categoryIDs, idsByFoldedName: catalog.categoryIDsByFoldedName, names: catalog.categoryNames
    )
    providers = NameColumn(
      ids: catalog.providerIDs, idsByFoldedName: catalog.providerIDsByFoldedName, names: catalog.providerNames
    )
    domains = NameColumn(
      ids: catalog.domainIDs, idsByFoldedName: catalog.domainIDsByFoldedName, names: catalog.domainNames)
    types = NameColumn(
      ids: catalog.typeIDs, idsByFoldedName: catalog.typeIDsByFoldedName, names: catalog.typeNames)
    providerRanks = catalog.permutations.providerRanks
    columns = catalog.columns
  }

  /// The tables of `articles`, made from `old`, the tables of the articles a change was made from.
  ///
  /// `sourceOf` gives each article's index among the old ones (-1 for the arrivals: new or read again),
  /// `newIndices` each old article's index here (-1 when gone or read again), `removed` the old indices that
  /// are -1 there, ascending, and `reread` the arrivals' indices, ascending. `shifts` says whether any kept
  /// article moved (some article before it went away); when none did, the postings of a topic no arrival or
  /// removal touches are kept as they are.
  init(
    changing old: CatalogTables, articles: [Article], sourceOf: [Int32], newIndices: [Int32], removed: [Int],
    reread: [Int], shifts: Bool
  ) {
    var folder = TextFolder()
    categories = old.categories.carried(sourceOf: sourceOf, folder: &folder) { articles[$0].item.category }
    providers = old.providers.carried(sourceOf: sourceOf, folder: &folder) {
      articles[$0].item.provider?.name
    }
    domains = old.domains.carried(sourceOf: sourceOf, folder: &folder) { articles[$0].item.provider?.domain }
    types = old.types.carried(sourceOf: sourceOf, folder: &folder) { articles[$0].item.type }
    let rankByID = Self.ranks(of: providers)
    let providerIDs = providers.ids
    if providers.names.count == old.providers.names.count {
      // No new provider name: the kept articles' ranks stand.
      providerRanks = old.providerRanks.carried(sourceOf: sourceOf) {
        providerIDs[$0] < 0 ? -1 : rankByID[Int(providerIDs[$0])]
      }
    } else {
      providerRanks = providerIDs.map { $0 < 0 ? -1 : rankByID[Int($0)] }
    }
    columns = QueryColumns(articles: articles, updating: old.columns, sourceOf: sourceOf)

    // Topics, numbered first as the old ones were (new topics after them), renumbered by frequency last.
    let oldCount = old.topics.count
    var frequencies = old.topicFrequencies
    var names = old.topics
    var foldedNames = old.topicFoldedNames
    var idsByFoldedName = old.topicIDsByFoldedName
    // Topics whose articles changed: their frequency, first spelling and place may differ.
    var touched = [Bool](repeating: false, count: oldCount)
    for index in removed {
      for position in Int(old.topicStarts[index])..<Int(old.topicStarts[index + 1]) {
        let id = Int(old.articleTopics[position])
        frequencies[id] -= 1
        touched[id] = true
      }
    }
    var arrivalTopics: [[Int32]] = []
    arrivalTopics.reserveCapacity(reread.count)
    var addedPostings: [Int32: [Int32]] = [:]
    for index in reread {
      var ids: [Int32] = []
      for topic in articles[index].item.topics {
        let folded = folder.fold(topic)
        let key = String(decoding: folded, as: UTF8.self)
        let id: Int32
        if let known = idsByFoldedName[key] {
          id = known
        } else {
          id = Int32(names.count)
          idsByFoldedName[key] = id
          names.append(topic)
          foldedNames.append(folded)
          frequencies.append(0)
          touched.append(false)
        }
        guard !ids.contains(id) else { continue }
        ids.append(id)
        frequencies[Int(id)] += 1
        touched[Int(id)] = true
        addedPostings[id, default: []].append(Int32(index))
      }
      arrivalTopics.append(ids)
    }

    var starts: [Int32] = [0]
    starts.reserveCapacity(articles.count + 1)
    var articleTopics: [Int32] = []
    articleTopics.reserveCapacity(old.articleTopics.count + 64)
    var arrival = 0
    sourceOf.forEachRun { range, first in
      if let first {
        let last = first + range.count
        let from = old.topicStarts[first]
        let shift = Int32(articleTopics.count) - from
        articleTopics += old.articleTopics[Int(from)..<Int(old.topicStarts[last])]
        starts += old.topicStarts[(first + 1)...last].lazy.map { $0 + shift }
      } else {
        for _ in range {
          articleTopics += arrivalTopics[arrival]
          arrival += 1
          starts.append(Int32(articleTopics.count))
        }
      }
    }

    var postings = old.topicPostings
    postings += repeatElement([], count: names.count - oldCount)
    for id in names.indices where shifts || touched[id] {
      var kept: [Int32] = []
      kept.reserveCapacity(postings[id].count)
      for index in postings[id] {
        let new = newIndices[Int(index)]
        if new >= 0 { kept.append(new) }
      }
      postings[id] = kept.merged(with: addedPostings[Int32(id)] ?? [], by: <)
    }
    // A topic's name is its spelling in the first article having it; an untouched topic's first article
    // is the one it was.
    for id in names.indices where touched[id] && frequencies[id] > 0 {
      let first = articles[Int(postings[id][0])]
      if let spelling = first.item.topics.first(where: { folder.fold($0) == foldedNames[id] }) {
        names[id] = spelling
      }
    }

    // The order: the untouched topics keep theirs (old ids are in order), the touched ones are placed by
    // binary search; a topic no article has any more is dropped.
    func precedes(_ a: Int, _ b: Int) -> Bool {
      frequencies[a] != frequencies[b] ? frequencies[a] > frequencies[b] : names[a] < names[b]
    }
    let untouched = (0..<oldCount).filter { !touched[$0] }
    let moving = names.indices.filter { touched[$0] && frequencies[$0] > 0 }.sorted(by: precedes)
    var order: [Int] = []
    order.reserveCapacity(untouched.count + moving.count)
    var from = 0
    var low = 0
    for id in moving {
      var high = untouched.count
      while low < high {
        let middle = (low + high) / 2
        if precedes(untouched[middle], id) { low = middle + 1 } else { high = middle }
      }
      order += untouched[from..<low]
      order.append(id)
      from = low
    }
    order += untouched[from...]

    if order.count == names.count && order.elementsEqual(names.indices) {
      topics = names
      topicFrequencies = frequencies
      topicFoldedNames = foldedNames
      topicIDsByFoldedName = idsByFoldedName
      topicPostings = postings
    } else {
      var renumbered = [Int32](repeating: -1, count: names.count)
      for (newID, id) in order.enumerated() { renumbered[id] = Int32(newID) }
      for id in names.indices where renumbered[id] < 0 {
        idsByFoldedName.removeValue(forKey: String(decoding: foldedNames[id], as: UTF8.self))
      }
      topicIDsByFoldedName = idsByFoldedName.mapValues { renumbered[Int($0)] }
      articleTopics = articleTopics.map { renumbered[Int($0)] }
      topics = order.map { names[$0] }
      topicFrequencies = order.map { frequencies[$0] }
      topicFoldedNames = order.map { foldedNames[$0] }
      topicPostings = order.map { postings[$0] }
    }
    self.topicStarts = starts
    self.articleTopics = articleTopics
  }

}

extension Array {
  /// This list and `other`, each already in the order `precedes` gives, as one list in that order; of two
  /// elements neither of which precedes the other, this list's comes first.
  func merged(with other: [Element], by precedes: (Element, Element) -> Bool) -> [Element] {
    guard !other.isEmpty else { return self }
    guard !isEmpty else { return other }
    var merged: [Element] = []
    merged.reserveCapacity(count + other.count)
    var a = 0
    var b = 0
    while a < count && b < other.count {
      if precedes(other[b], self[a]) {
        merged.append(other[b])
        b += 1
      } else {
        merged.append(self[a])
        a += 1
      }
    }
    merged += self[a...]
    merged += other[b...]
    return merged
  }
}

extension NameColumn {
  init(ids: [Int32], idsByFoldedName: [String: Int32], names: [[UInt8]]) {
    self.ids = ids
    self.idsByFoldedName = idsByFoldedName
    self.names = names
  }

  /// This column for the articles of a change (see `CatalogTables.init(changing:...)`): the kept articles'
  /// ids copied in runs, the arrivals' `name`s looked up (new names get the next ids).
  func carried(sourceOf: [Int32], folder: inout TextFolder, name: (Int) -> String?) -> NameColumn {
    var column = self
    let ids = self.ids.carried(sourceOf: sourceOf) { column.id(of: name($0), folder: &folder) }
    column.ids = ids
    return column
  }
}

extension Array where Element == Int32 {
  /// Calls `body` for each run of `self` (an article's index among old articles, or -1 for none): a range
  /// of indices whose old indices follow on from `first`, or one of consecutive -1s (`first` nil).
  func forEachRun(_ body: (Range<Int>, Int?) -> Void) {
    var index = 0
    while index < count {
      var end = index + 1
      if self[index] >= 0 {
        while end < count && self[end] == self[end - 1] + 1 { end += 1 }
        body(index..<end, Int(self[index]))
      } else {
        while end < count && self[end] < 0 { end += 1 }
        body(index..<end, nil)
      }
      index = end
    }
  }
}

extension Array {
  /// Per article of a change (`sourceOf`, as in `CatalogTables.init(changing:...)`): the old article's
  /// element of `self`, copied in runs, or `fresh(index)` for an arrival.
  func carried(sourceOf: [Int32], fresh: (Int) -> Element) -> [Element] {
    var result: [Element] = []
    result.reserveCapacity(sourceOf.count)
    sourceOf.forEachRun { range, first in
      if let first {
        result += self[first..<first + range.count]
      } else {
        for index in range { result.append(fresh(index)) }
      }
    }
    return result
  }
}
