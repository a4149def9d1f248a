import Foundation

/// Every article's position in every sort order, each order computed on its first use and then kept.
///
/// A catalog is built before the first screen and most sessions use one or two orders, so sorting all
/// six up front (about half of a 100,000-article catalog's build) is deferred to the order's first use.
final class SortPermutations: @unchecked Sendable {
  /// One sort order: article indices in order, and each article's position in it.
  struct Table: Sendable {
    let order: [Int32]
    let rank: [Int32]
  }

  private let articles: [Article]
  /// The folded titles' text, read only for the title order.
  private let textSlot: SearchTextSlot
  let providerRanks: [Int32]
  /// Guards `tables`; everything else is immutable after init.
  private let lock = NSLock()
  private var tables: [Table?] = Array(repeating: nil, count: SortOrder.allCases.count)

  init(articles: [Article], text textSlot: SearchTextSlot, providerRanks: [Int32]) {
    self.articles = articles
    self.textSlot = textSlot
    self.providerRanks = providerRanks
  }

  /// The table of `order`, sorting on first use (under the lock, so two threads never sort the same order).
  func table(_ order: SortOrder) -> Table {
    lock.lock()
    defer { lock.unlock() }
    if let table = tables[order.position] { return table }
    let permutation = sortedIndices(order)
    var rank = [Int32](repeating: 0, count: permutation.count)
    for (position, index) in permutation.enumerated() { rank[Int(index)] = Int32(position) }
    let table = Table(order: permutation, rank: rank)
    tables[order.position] = table
    return table
  }

  /// Takes over every order `old` has sorted, for a catalog made from `old`'s by a change: `newIndices`
  /// gives each old article's index here (-1 when gone or read again), `reread` the articles new or read
  /// again. The kept articles keep their relative order (the change keeps them in order, so ties agree), so
  /// an order is the carried one with each arrival inserted where a binary search over it places it: the
  /// comparisons read the arrivals and a logarithmic number of kept articles, never every article.
  func carry(from old: SortPermutations, newIndices: [Int32], reread: [Int]) {
    carry(from: old.sortedTables, newIndices: newIndices, reread: reread)
  }

  /// The orders sorted so far, by `SortOrder` position (nil for one not sorted).
  var sortedTables: [Table?] {
    lock.lock()
    defer { lock.unlock() }
    return tables
  }

  /// `carry(from:newIndices:reread:)` from the orders an old catalog had sorted (`sortedTables`).
  func carry(from oldTables: [Table?], newIndices: [Int32], reread: [Int]) {
    lock.lock()
    defer { lock.unlock() }
    for position in oldTables.indices {
      guard let oldTable = oldTables[position], tables[position] == nil else { continue }
      let before = precedes(SortOrder.allCases[position])
      var carried: [Int32] = []
      carried.reserveCapacity(articles.count)
      newIndices.withUnsafeBufferPointer { newIndices in
        for index in oldTable.order {
          let new = newIndices[Int(index)]
          if new >= 0 { carried.append(new) }
        }
      }
      let arriving = reread.map { Int32($0) }.sorted(by: before)
      var placed: [Int32] = []
      placed.reserveCapacity(articles.count)
      var from = 0
      var low = 0
      for article in arriving {
        // The first kept article that does not come before `article`; the arrivals are sorted, so each
        // search starts where the last one placed its article.
        var high = carried.count
        while low < high {
          let middle = (low + high) / 2
          if before(carried[middle], article) { low = middle + 1 } else { high = middle }
        }
        placed += carried[from..<low]
        placed.append(article)
        from = low
      }
      placed += carried[from...]
      guard placed.count == articles.count else { continue }  // not a change of `old`: sorted on first use
      var rank = [Int32](repeating: 0, count: placed.count)
      rank.withUnsafeMutableBufferPointer { rank in
        for (place, index) in placed.enumerated() { rank[Int(index)] = Int32(place) }
      }
      tables[position] = Table(order: placed, rank: rank)
    }
  }

  /// Whether article `a` comes before article `b` in `order`: the rule `sortedIndices` sorts by, as one
  /// comparison that reads the two articles only (a carry compares a few articles, so it must not make a
  /// table over all of them first).
  private func precedes(_ order: SortOrder) -> (Int32, Int32) -> Bool {
    let articles = self.articles
    switch order {
    case .newest, .oldest:
      let descending = order == .newest
      return {
        SortPermutations.before(
          articles[Int($0)].item.publishedDateTime?.secondsSince1970,
          articles[Int($1)].item.publishedDateTime?.secondsSince1970, $0, $1, descending: descending)
      }
    case .quality:
      return {
        SortPermutations.before(
          articles[Int($0)].item.quality, articles[Int($1)].item.quality, $0, $1, descending: true)
      }
    case .heat:
      return {
        SortPermutations.before(
          articles[Int($0)].item.heat, articles[Int($1)].item.heat, $0, $1, descending: true)
      }
    case .provider:
      let providerRanks = self.providerRanks
      return {
        let a = providerRanks[Int($0)], b = providerRanks[Int($1)]
        return SortPermutations.before(a < 0 ? nil : a, b < 0 ? nil : b, $0, $1, descending: false)
      }
    case .title:
      let text = self.textSlot.text
      return { a, b in
        switch (articles[Int(a)].item.title != nil, articles[Int(b)].item.title != nil) {
        case (false, false): return a < b
        case (false, true): return false
        case (true, false): return true
        case (true, true):
          let comparison = text.bytes.withUnsafeBufferPointer { bytes in
            SortPermutations.compare(
              bytes, Int(text.starts[Int(a)])..<Int(text.titleEnds[Int(a)]),
              Int(text.starts[Int(b)])..<Int(text.titleEnds[Int(b)]))
          }
          return comparison != 0 ? comparison < 0 : a < b
        }
      }
    }
  }

  private func sortedIndices(_ order: SortOrder) -> [Int32] {
    var permutation = (0..<Int32(articles.count)).map { $0 }
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
      // Provider ranks are -1 for a missing provider, which must sort last.
      let providerRanks = self.providerRanks
      permutation.sort {
        let a = providerRanks[Int($0)], b = providerRanks[Int($1)]
        return SortPermutations.before(a < 0 ? nil : a, b < 0 ? nil : b, $0, $1, descending: false)
      }
    case .title:
      let hasTitle = articles.map { $0.item.title != nil }
      let text = self.textSlot.text
      text.bytes.withUnsafeBufferPointer { bytes in
        permutation.sort { a, b in
          switch (hasTitle[Int(a)], hasTitle[Int(b)]) {
          case (false, false): return a < b
          case (false, true): return false
          case (true, false): return true
          case (true, true):
            let comparison = SortPermutations.compare(
              bytes, Int(text.starts[Int(a)])..<Int(text.titleEnds[Int(a)]),
              Int(text.starts[Int(b)])..<Int(text.titleEnds[Int(b)]))
            return comparison != 0 ? comparison < 0 : a < b
          }
        }
      }
    }
    return permutation
  }

  /// Missing values last, then the value, then load order.
  @inline(__always)
  static func before<T: Comparable>(_ a: T?, _ b: T?, _ indexA: Int32, _ indexB: Int32, descending: Bool)
    -> Bool
  {
    switch (a, b) {
    case (nil, nil): return indexA < indexB
    case (nil, _): return false
    case (_, nil): return true
    case let (a?, b?):
      if a == b { return indexA < indexB }
      return descending ? a > b : a < b
    }
  }

  /// Byte-wise comparison of two ranges of `bytes`: negative, zero or positive.
  static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
    let common = min(a.count, b.count)
    let base = bytes.baseAddress!
    let head = memcmp(base + a.lowerBound, base + b.lowerBound, common)
    if head != 0 { return Int(head) }
    return a.count - b.count
  }
}
