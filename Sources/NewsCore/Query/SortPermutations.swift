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
  private let text: SearchText
  private let providerRanks: [Int32]
  /// Guards `tables`; everything else is immutable after init.
  private let lock = NSLock()
  private var tables: [Table?] = Array(repeating: nil, count: SortOrder.allCases.count)

  init(articles: [Article], text: SearchText, providerRanks: [Int32]) {
    self.articles = articles
    self.text = text
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
  /// an order is the carried one merged with the arrivals sorted: linear, where sorting anew is not.
  func carry(from old: SortPermutations, newIndices: [Int32], reread: [Int]) {
    old.lock.lock()
    let oldTables = old.tables
    old.lock.unlock()
    lock.lock()
    defer { lock.unlock() }
    for position in oldTables.indices {
      guard let oldTable = oldTables[position], tables[position] == nil else { continue }
      let before = precedes(SortOrder.allCases[position])
      var carried: [Int32] = []
      carried.reserveCapacity(articles.count)
      for index in oldTable.order where newIndices[Int(index)] >= 0 { carried.append(newIndices[Int(index)]) }
      let arriving = reread.map { Int32($0) }.sorted(by: before)
      var merged: [Int32] = []
      merged.reserveCapacity(articles.count)
      var a = 0
      var b = 0
      while a < carried.count && b < arriving.count {
        if before(arriving[b], carried[a]) {
          merged.append(arriving[b])
          b += 1
        } else {
          merged.append(carried[a])
          a += 1
        }
      }
      merged += carried[a...]
      merged += arriving[b...]
      guard merged.count == articles.count else { continue }  // not a change of `old`: sorted on first use
      var rank = [Int32](repeating: 0, count: merged.count)
      for (place, index) in merged.enumerated() { rank[Int(index)] = Int32(place) }
      tables[position] = Table(order: merged, rank: rank)
    }
  }

  /// Whether article `a` comes before article `b` in `order`: the rule `sortedIndices` sorts by, as one
  /// comparison (for merging, where the sort's specialised loops do not apply).
  private func precedes(_ order: SortOrder) -> (Int32, Int32) -> Bool {
    switch order {
    case .newest, .oldest:
      let dates = articles.map { $0.item.publishedDateTime?.secondsSince1970 }
      let descending = order == .newest
      return { SortPermutations.before(dates[Int($0)], dates[Int($1)], $0, $1, descending: descending) }
    case .quality:
      let qualities = articles.map(\.item.quality)
      return { SortPermutations.before(qualities[Int($0)], qualities[Int($1)], $0, $1, descending: true) }
    case .heat:
      let heats = articles.map(\.item.heat)
      return { SortPermutations.before(heats[Int($0)], heats[Int($1)], $0, $1, descending: true) }
    case .provider:
      let providerRanks = self.providerRanks
      return {
        let a = providerRanks[Int($0)], b = providerRanks[Int($1)]
        return SortPermutations.before(a < 0 ? nil : a, b < 0 ? nil : b, $0, $1, descending: false)
      }
    case .title:
      let hasTitle = articles.map { $0.item.title != nil }
      let text = self.text
      return { a, b in
        switch (hasTitle[Int(a)], hasTitle[Int(b)]) {
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
      let text = self.text
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
