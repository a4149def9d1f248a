import Dispatch

/// A set of article indices as one bit per article: a query's terms combine by whole-word bit operations.
struct ArticleBits: Sendable, Equatable {
  var words: [UInt64]
  let count: Int

  init(count: Int, filled: Bool) {
    self.count = count
    words = [UInt64](repeating: filled ? ~0 : 0, count: (count + 63) / 64)
    if filled, count % 64 != 0 { words[words.count - 1] = (UInt64(1) << UInt64(count % 64)) - 1 }
  }

  var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

  var population: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

  func contains(_ index: Int) -> Bool { words[index >> 6] & (UInt64(1) << UInt64(index & 63)) != 0 }

  mutating func insert(_ index: Int) { words[index >> 6] |= UInt64(1) << UInt64(index & 63) }

  mutating func formIntersection(_ other: ArticleBits) {
    for position in words.indices { words[position] &= other.words[position] }
  }

  mutating func formUnion(_ other: ArticleBits) {
    for position in words.indices { words[position] |= other.words[position] }
  }

  mutating func subtract(_ other: ArticleBits) {
    for position in words.indices { words[position] &= ~other.words[position] }
  }

  /// The indices in the set, ascending.
  var indices: [Int] {
    var result: [Int] = []
    result.reserveCapacity(population)
    for (position, word) in words.enumerated() {
      var bits = word
      while bits != 0 {
        result.append(position << 6 | bits.trailingZeroBitCount)
        bits &= bits - 1
      }
    }
    return result
  }

  /// The members of `self` for which `test` holds, as a second set those for which `classify` returned 2
  /// or 3 and as the first those for which it returned 1 or 3 (two answers of one look at an article).
  func split(parallel: Bool, _ classify: @Sendable (Int) -> UInt8) -> (ArticleBits, ArticleBits) {
    var second = ArticleBits(count: count, filled: false)
    let first = second.words.withUnsafeMutableBufferPointer { secondWords in
      nonisolated(unsafe) let secondWords = secondWords
      return filter(parallel: parallel) { index in
        let answer = classify(index)
        if answer & 2 != 0 {
          // Only the chunk owning this article's word writes it.
          secondWords[index >> 6] |= UInt64(1) << UInt64(index & 63)
        }
        return answer & 1 != 0
      }
    }
    return (first, second)
  }

  /// The members of `self` for which `test` holds. Large sets are tested in chunks of whole words on all
  /// cores; each chunk writes only its own words, so the result does not depend on scheduling.
  func filter(parallel: Bool, _ test: @Sendable (Int) -> Bool) -> ArticleBits {
    var result = ArticleBits(count: count, filled: false)
    let wordCount = words.count
    let chunkCount =
      !parallel || count < 8_192 ? 1 : min(4 * ProcessInfoLite.activeProcessorCount, wordCount / 64)
    words.withUnsafeBufferPointer { source in
      result.words.withUnsafeMutableBufferPointer { target in
        nonisolated(unsafe) let source = source
        nonisolated(unsafe) let target = target
        @Sendable func run(_ range: Range<Int>) {
          for position in range {
            var bits = source[position]
            var kept: UInt64 = 0
            while bits != 0 {
              let bit = bits.trailingZeroBitCount
              if test(position << 6 | bit) { kept |= UInt64(1) << UInt64(bit) }
              bits &= bits - 1
            }
            target[position] = kept
          }
        }
        if chunkCount <= 1 {
          run(0..<wordCount)
        } else {
          DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            run((wordCount * chunk / chunkCount)..<(wordCount * (chunk + 1) / chunkCount))
          }
        }
      }
    }
    return result
  }
}
