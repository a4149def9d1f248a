/// A filter resolved against one catalog: names become ids and search words become folded bytes.
struct CompiledFilter {
  /// Marks of the wanted topic ids, nil when topics do not filter.
  var topicMarks: [Bool]?
  var topicIDs: [Int32]
  var category: Int32?
  var provider: Int32?
  var words: [SearchWord]
  /// True when a named topic, category or provider exists in no article, so nothing can match.
  var matchesNothing = false
}

extension ArticleCatalog {
  /// Indices into `articles` of those matching `filter`, in `order`.
  ///
  /// When `previous` is given it must contain every article `filter` matches, for example the result of a
  /// filter that `filter` narrows (see `ArticleFilter.narrows(_:)`): only those articles are examined, which
  /// is what keeps a growing search fast. Its order does not matter.
  public func select(_ filter: ArticleFilter, order: SortOrder, narrowing previous: [Int]? = nil) -> [Int] {
    let compiled = compile(filter)
    if compiled.matchesNothing { return [] }
    let rank = permutations.ranks[order.position]
    if let previous {
      let kept = scan(previous, compiled, checkTopics: true)
      var isOrdered = true
      for position in kept.indices.dropFirst() where rank[kept[position - 1]] > rank[kept[position]] {
        isOrdered = false
        break
      }
      return isOrdered ? kept : sorted(kept, by: order)
    }
    if compiled.topicMarks != nil {
      let postingTotal = compiled.topicIDs.reduce(0) { $0 + topicPostings[Int($1)].count }
      if postingTotal <= articles.count / 8 {
        var candidates: [Int] = []
        candidates.reserveCapacity(postingTotal)
        for id in compiled.topicIDs { for index in topicPostings[Int(id)] { candidates.append(Int(index)) } }
        if compiled.topicIDs.count > 1 { candidates = Array(Set(candidates)) }
        return scan(candidates, compiled, checkTopics: false).sorted { rank[$0] < rank[$1] }
      }
    }
    return scan(permutations.orders[order.position].lazy.map { Int($0) }, compiled, checkTopics: true)
  }

  /// The candidates that pass `filter`, in the candidates' order; every table is borrowed once for the
  /// whole scan because this loop is what a keystroke costs.
  func scan<Candidates: Sequence<Int>>(_ candidates: Candidates, _ filter: CompiledFilter, checkTopics: Bool) -> [Int] {
    var result: [Int] = []
    let topicMarks = checkTopics ? filter.topicMarks : nil
    let words = filter.words
    categoryIDs.withUnsafeBufferPointer { categoryIDs in
      providerIDs.withUnsafeBufferPointer { providerIDs in
        topicStarts.withUnsafeBufferPointer { topicStarts in
          articleTopics.withUnsafeBufferPointer { articleTopics in
            text.bytes.withUnsafeBufferPointer { bytes in
              text.starts.withUnsafeBufferPointer { starts in
                text.masks.withUnsafeBufferPointer { masks in
                  for index in candidates {
                    if let category = filter.category, categoryIDs[index] != category { continue }
                    if let provider = filter.provider, providerIDs[index] != provider { continue }
                    if let topicMarks {
                      var found = false
                      for position in Int(topicStarts[index])..<Int(topicStarts[index + 1])
                      where topicMarks[Int(articleTopics[position])] {
                        found = true
                        break
                      }
                      if !found { continue }
                    }
                    if !words.isEmpty
                      && !SearchText.matches(index, words: words, text: bytes, starts: starts, masks: masks)
                    {
                      continue
                    }
                    result.append(index)
                  }
                }
              }
            }
          }
        }
      }
    }
    return result
  }

  func compile(_ filter: ArticleFilter) -> CompiledFilter {
    var folder = TextFolder()
    var compiled = CompiledFilter(topicMarks: nil, topicIDs: [], category: nil, provider: nil, words: [])
    if !filter.topics.isEmpty {
      var marks = [Bool](repeating: false, count: topics.count)
      for name in filter.topics {
        if let id = topicIDsByFoldedName[String(decoding: folder.fold(name), as: UTF8.self)], !marks[Int(id)] {
          marks[Int(id)] = true
          compiled.topicIDs.append(id)
        }
      }
      compiled.topicMarks = marks
      if compiled.topicIDs.isEmpty { compiled.matchesNothing = true }
    }
    if let category = filter.category {
      compiled.category = categoryIDsByFoldedName[String(decoding: folder.fold(category), as: UTF8.self)]
      if compiled.category == nil { compiled.matchesNothing = true }
    }
    if let provider = filter.provider {
      compiled.provider = providerIDsByFoldedName[String(decoding: folder.fold(provider), as: UTF8.self)]
      if compiled.provider == nil { compiled.matchesNothing = true }
    }
    compiled.words = ArticleFilter.searchWords(filter.search, folder: &folder).map(SearchWord.init)
    return compiled
  }

}

extension ArticleFilter {
  /// The folded words of a search text, split at whitespace.
  static func searchWords(_ search: String, folder: inout TextFolder) -> [[UInt8]] {
    search.split(whereSeparator: \.isWhitespace).map { folder.fold(String($0)) }.filter { !$0.isEmpty }
  }

  /// Whether every article matching `self` also matches `broader`, judged from the filters alone: same
  /// topics, category and provider, and each of `broader`'s search words inside one of `self`'s.
  /// When true, `select(self, order:, narrowing: select(broader, ...))` is exact.
  public func narrows(_ broader: ArticleFilter) -> Bool {
    guard topics == broader.topics, category == broader.category, provider == broader.provider else { return false }
    var folder = TextFolder()
    let words = ArticleFilter.searchWords(search, folder: &folder)
    return ArticleFilter.searchWords(broader.search, folder: &folder).allSatisfy { old in
      words.contains { word in word.count >= old.count && (0...(word.count - old.count)).contains { start in
        word[start..<(start + old.count)].elementsEqual(old)
      } }
    }
  }
}
