import Dispatch
import Foundation

/// A filter resolved against one catalog: names become ids and search words become folded bytes.
struct CompiledFilter: Sendable {
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
    // Every scan walks its candidates in load order, which is the order of the search text in memory:
    // walking in sort order instead jumps around 40 MB at 100,000 articles and is cache-miss bound.
    if let previous {
      return sorted(scan(ascending(previous), compiled, checkTopics: true), by: order)
    }
    if compiled.topicMarks != nil {
      let postingTotal = compiled.topicIDs.reduce(0) { $0 + topicPostings[Int($1)].count }
      if postingTotal <= articles.count / 8 {
        var candidates: [Int] = []
        candidates.reserveCapacity(postingTotal)
        for id in compiled.topicIDs { for index in topicPostings[Int(id)] { candidates.append(Int(index)) } }
        if compiled.topicIDs.count > 1 { candidates = ascending(candidates) }
        return sorted(scan(candidates, compiled, checkTopics: false), by: order)
      }
    }
    return sorted(scan(nil, compiled, checkTopics: true), by: order)
  }

  /// `indices` (distinct, any order) in ascending order, duplicates dropped.
  func ascending(_ indices: [Int]) -> [Int] {
    if indices.count <= articles.count / 16 { return Array(Set(indices)).sorted() }
    var marked = [Bool](repeating: false, count: articles.count)
    for index in indices { marked[index] = true }
    var result: [Int] = []
    result.reserveCapacity(indices.count)
    for index in marked.indices where marked[index] { result.append(index) }
    return result
  }

  /// The candidates (ascending indices, or every article when nil) that pass `filter`, in ascending order.
  ///
  /// Large scans are split into chunks run on all cores; chunk results are joined in chunk order, so the
  /// result does not depend on scheduling.
  func scan(_ candidates: [Int]?, _ filter: CompiledFilter, checkTopics: Bool) -> [Int] {
    let total = candidates?.count ?? articles.count
    if filter.words.isEmpty && filter.category == nil && filter.provider == nil
      && (!checkTopics || filter.topicMarks == nil)
    {
      return candidates ?? Array(articles.indices)
    }
    // Below a few thousand candidates, waking other threads costs more than it saves.
    let chunkCount = total < 8_192 ? 1 : min(4 * ProcessInfoLite.activeProcessorCount, total / 4_096)
    let topicMarks = checkTopics ? filter.topicMarks : nil
    return ScanTables.borrowing(self) { tables in
      if chunkCount == 1 { return tables.scan(candidates, 0..<total, filter, topicMarks: topicMarks) }
      let parts = ChunkResults(count: chunkCount)
      DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let range = (total * chunk / chunkCount)..<(total * (chunk + 1) / chunkCount)
        parts.set(chunk, tables.scan(candidates, range, filter, topicMarks: topicMarks))
      }
      return parts.joined()
    }
  }

  func compile(_ filter: ArticleFilter) -> CompiledFilter {
    var folder = TextFolder()
    var compiled = CompiledFilter(topicMarks: nil, topicIDs: [], category: nil, provider: nil, words: [])
    if !filter.topics.isEmpty {
      var marks = [Bool](repeating: false, count: topics.count)
      for name in filter.topics {
        if let id = topicIDsByFoldedName[String(decoding: folder.fold(name), as: UTF8.self)], !marks[Int(id)]
        {
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
    compiled.words = ArticleFilter.searchWords(filter.search, folder: &folder).map {
      SearchWord($0, byteFrequencies: text.byteFrequencies)
    }
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
    guard topics == broader.topics, category == broader.category, provider == broader.provider else {
      return false
    }
    var folder = TextFolder()
    let words = ArticleFilter.searchWords(search, folder: &folder)
    return ArticleFilter.searchWords(broader.search, folder: &folder).allSatisfy { old in
      words.contains { word in
        word.count >= old.count
          && (0...(word.count - old.count)).contains { start in
            word[start..<(start + old.count)].elementsEqual(old)
          }
      }
    }
  }
}

/// The matches of each chunk of a scan, joined in chunk order so the result does not depend on scheduling.
final class ChunkResults: @unchecked Sendable {
  private let lock = NSLock()
  private var parts: [[Int]]

  init(count: Int) { parts = [[Int]](repeating: [], count: count) }

  func set(_ chunk: Int, _ matches: [Int]) {
    lock.lock()
    defer { lock.unlock() }
    parts[chunk] = matches
  }

  func joined() -> [Int] {
    lock.lock()
    defer { lock.unlock() }
    return Array(parts.joined())
  }
}

/// The catalog's tables borrowed as buffers for one scan, so a keystroke's loop touches no reference
/// counts and the search reads its bytes without an array access per article.
///
/// The scan's one unsafe region: the buffers are valid only inside `borrowing`, and nothing writes them
/// (which is what makes sharing them with the scan's threads sound). What it buys is in docs/PERFORMANCE.md
/// ("Where the loader is unsafe"); `ScanReferenceTests` check the scan against a plain filter.
struct ScanTables: @unchecked Sendable {
  let categoryIDs: UnsafeBufferPointer<Int32>
  let providerIDs: UnsafeBufferPointer<Int32>
  let topicStarts: UnsafeBufferPointer<Int32>
  let articleTopics: UnsafeBufferPointer<Int32>
  let bytes: UnsafeBufferPointer<UInt8>
  let starts: UnsafeBufferPointer<Int32>
  /// Where the fields `ArticleFilter.search` reads end, per article.
  let fieldEnds: UnsafeBufferPointer<Int32>
  let masks: UnsafeBufferPointer<UInt64>

  /// Runs `body` with `catalog`'s tables borrowed (seven arrays, so seven nested borrows, all here).
  static func borrowing<Result>(_ catalog: ArticleCatalog, _ body: (ScanTables) -> Result) -> Result {
    catalog.categoryIDs.withUnsafeBufferPointer { categoryIDs in
      catalog.providerIDs.withUnsafeBufferPointer { providerIDs in
        catalog.topicStarts.withUnsafeBufferPointer { topicStarts in
          catalog.articleTopics.withUnsafeBufferPointer { articleTopics in
            catalog.text.bytes.withUnsafeBufferPointer { bytes in
              catalog.text.starts.withUnsafeBufferPointer { starts in
                catalog.text.fieldEnds.withUnsafeBufferPointer { fieldEnds in
                  catalog.text.masks.withUnsafeBufferPointer { masks in
                    body(
                      ScanTables(
                        categoryIDs: categoryIDs, providerIDs: providerIDs, topicStarts: topicStarts,
                        articleTopics: articleTopics, bytes: bytes, starts: starts, fieldEnds: fieldEnds,
                        masks: masks))
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The articles at `positions` of `candidates` (or the indices `positions` themselves) that pass `filter`.
  func scan(_ candidates: [Int]?, _ positions: Range<Int>, _ filter: CompiledFilter, topicMarks: [Bool]?)
    -> [Int]
  {
    var result: [Int] = []
    let words = filter.words
    for position in positions {
      let index = candidates?[position] ?? position
      if let category = filter.category, categoryIDs[index] != category { continue }
      if let provider = filter.provider, providerIDs[index] != provider { continue }
      if let topicMarks {
        var found = false
        for slot in Int(topicStarts[index])..<Int(topicStarts[index + 1])
        where topicMarks[Int(articleTopics[slot])] {
          found = true
          break
        }
        if !found { continue }
      }
      if !words.isEmpty
        && !SearchText.matches(
          index, words: words, text: bytes, starts: starts, ends: fieldEnds, masks: masks)
      {
        continue
      }
      result.append(index)
    }
    return result
  }
}
