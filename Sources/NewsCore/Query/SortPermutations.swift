/// Every article's position in every sort order, computed once so a filter result is ordered without sorting.
struct SortPermutations: Sendable {
  /// `orders[o]` lists article indices in sort order `o` (indexed like `SortOrder.allCases`).
  let orders: [[Int32]]
  /// `ranks[o][i]` is article `i`'s position in `orders[o]`.
  let ranks: [[Int32]]

  init(articles: [Article], text: SearchText, providerRanks: [Int32]) {
    let count = articles.count
    let dates = articles.map { $0.publishedDateTime?.secondsSince1970 }
    let qualities = articles.map(\.quality)
    let heats = articles.map(\.heat)
    let hasTitle = articles.map { $0.title != nil }
    var orders: [[Int32]] = []
    for order in SortOrder.allCases {
      var permutation = (0..<Int32(count)).map { $0 }
      switch order {
      case .newest: permutation.sort { SortPermutations.before(dates[Int($0)], dates[Int($1)], $0, $1, descending: true) }
      case .oldest: permutation.sort { SortPermutations.before(dates[Int($0)], dates[Int($1)], $0, $1, descending: false) }
      case .quality:
        permutation.sort { SortPermutations.before(qualities[Int($0)], qualities[Int($1)], $0, $1, descending: true) }
      case .heat: permutation.sort { SortPermutations.before(heats[Int($0)], heats[Int($1)], $0, $1, descending: true) }
      case .provider:
        // Provider ranks are -1 for a missing provider, which must sort last.
        permutation.sort {
          let a = providerRanks[Int($0)], b = providerRanks[Int($1)]
          return SortPermutations.before(a < 0 ? nil : a, b < 0 ? nil : b, $0, $1, descending: false)
        }
      case .title:
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
      orders.append(permutation)
    }
    self.orders = orders
    self.ranks = orders.map { permutation in
      var rank = [Int32](repeating: 0, count: count)
      for (position, index) in permutation.enumerated() { rank[Int(index)] = Int32(position) }
      return rank
    }
  }

  /// Missing values last, then the value, then load order.
  @inline(__always)
  static func before<T: Comparable>(_ a: T?, _ b: T?, _ indexA: Int32, _ indexB: Int32, descending: Bool) -> Bool {
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
    var offset = 0
    while offset < common {
      let x = bytes[a.lowerBound + offset], y = bytes[b.lowerBound + offset]
      if x != y { return Int(x) - Int(y) }
      offset += 1
    }
    return a.count - b.count
  }
}
