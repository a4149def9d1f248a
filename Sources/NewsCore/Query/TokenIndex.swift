import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which articles hold each distinct token of the folded search text, own fields and related coverage
/// apart: what lets a search word skip the text of the articles that cannot have it.
///
/// A token is a maximal run of bytes without a separator (space, tab, carriage return, or the newline
/// between fields). A needle without separators occurs only inside one token, so the articles containing
/// it are exactly those in the postings of the tokens containing it: the search reads the vocabulary (a few
/// MiB) instead of the text (112 MiB at 100,000 articles), and the "in related coverage" mark comes out of
/// the same lookup. A one-byte needle is answered by per-byte sets. Built off the run loop after a load
/// (`ArticleCatalog.prepareSearch()`); until then, and when a lookup would cost more than reading the
/// candidates' text, the evaluator scans as before.
final class TokenIndex: Sendable {
  /// Every distinct token, each followed by a newline, then `SearchText.padding` zeros.
  let vocabulary: [UInt8]
  /// Token `t` is `vocabulary[tokenStarts[t]..<tokenStarts[t + 1] - 1]`; `tokenCount + 1` entries.
  let tokenStarts: [Int32]
  /// `ownPostings[ownStarts[t]..<ownStarts[t + 1]]`: the articles (ascending) with token `t` in their own
  /// fields (title, excerpt, provider name, topics, domain).
  let ownStarts: [Int32]
  let ownPostings: [Int32]
  /// The same for the articles with token `t` in their related coverage.
  let relatedStarts: [Int32]
  let relatedPostings: [Int32]
  /// Per byte value, the articles having it in their own fields, and anywhere in their text.
  let ownBytes: [ArticleBits]
  let anyBytes: [ArticleBits]
  /// `spaceWindowWords` words per article: bit `spaceWindowBit` of each five bytes of its text centred on
  /// a space. A phrase's words can all be in an article without being next to each other; the five bytes
  /// around each space inside the phrase must be in its text too, which rules out most of those.
  let spaceWindows: [UInt64]
  let articleCount: Int
  /// The last few lookups, for words typed on (see `tokens(containing:)`).
  private let recent = Mutex<[RecentLookup]>([])

  struct RecentLookup: Sendable {
    let needle: [UInt8]
    let ids: [Int32]
  }

  var tokenCount: Int { tokenStarts.count - 1 }

  /// Bytes of memory the tables hold (for the benchmark).
  var byteCount: Int {
    vocabulary.count + 4
      * (tokenStarts.count + ownStarts.count + relatedStarts.count + ownPostings.count
        + relatedPostings.count) + (ownBytes.count + anyBytes.count) * ((articleCount + 63) / 64) * 8
      + spaceWindows.count * 8
  }

  /// Whether `byte` ends a token.
  @inline(__always)
  static func isSeparator(_ byte: UInt8) -> Bool {
    byte <= 0x20 && (byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D)
  }

  init(text: SearchText) {
    let count = text.starts.count - 1
    articleCount = count
    let chunkCount = count < 8_192 ? 1 : max(1, ProcessInfoLite.activeProcessorCount)
    var chunks = [TokenChunk?](repeating: nil, count: chunkCount)
    var ownBytes = [ArticleBits](repeating: ArticleBits(count: count, filled: false), count: 256)
    var anyBytes = ownBytes
    // Chunks are whole 64-article words, so each chunk writes only its own words of the byte sets.
    let words = (count + 63) / 64
    text.bytes.withUnsafeBufferPointer { bytes in
      text.starts.withUnsafeBufferPointer { starts in
        text.ownEnds.withUnsafeBufferPointer { ownEnds in
          withByteSetPointers(&ownBytes, &anyBytes) { ownSets, anySets in
            nonisolated(unsafe) let bytes = bytes
            nonisolated(unsafe) let starts = starts
            nonisolated(unsafe) let ownEnds = ownEnds
            let results = Mutex<[TokenChunk?]>(chunks)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
              let first = min(count, words * chunk / chunkCount * 64)
              let last = min(count, words * (chunk + 1) / chunkCount * 64)
              let built = TokenChunk(
                bytes: bytes, starts: starts, ownEnds: ownEnds, articles: first..<last, ownSets: ownSets,
                anySets: anySets)
              results.withLock { $0[chunk] = built }
            }
            chunks = results.withLock { $0 }
          }
        }
      }
    }
    self.ownBytes = ownBytes
    self.anyBytes = anyBytes
    self.spaceWindows = TokenIndex.spaceWindows(of: text)

    // One vocabulary for all chunks, in order of first appearance; each chunk's ids mapped into it.
    var table = TokenTable(capacity: chunks.reduce(0) { $0 + ($1?.table.count ?? 0) })
    var maps: [[Int32]] = []
    for chunk in chunks {
      guard let chunk else { continue }
      var map = [Int32](repeating: 0, count: chunk.table.count)
      chunk.table.vocabulary.withUnsafeBufferPointer { local in
        for id in 0..<chunk.table.count {
          let start = Int(chunk.table.tokenStarts[id])
          let end = Int(chunk.table.tokenStarts[id + 1]) - 1
          map[id] = table.id(of: local, start, end, hash: chunk.table.hashes[id])
        }
      }
      maps.append(map)
    }
    let tokenCount = table.count
    var ownCounts = [Int32](repeating: 0, count: tokenCount + 1)
    var relatedCounts = ownCounts
    for (chunk, map) in zip(chunks.compactMap { $0 }, maps) {
      for id in chunk.ownTokens { ownCounts[Int(map[Int(id)])] += 1 }
      for id in chunk.relatedTokens { relatedCounts[Int(map[Int(id)])] += 1 }
    }
    let ownStarts = TokenIndex.prefixSums(ownCounts)
    let relatedStarts = TokenIndex.prefixSums(relatedCounts)
    var ownPostings = [Int32](repeating: 0, count: Int(ownStarts[tokenCount]))
    var relatedPostings = [Int32](repeating: 0, count: Int(relatedStarts[tokenCount]))
    var ownNext = ownStarts
    var relatedNext = relatedStarts
    // Chunks in order and articles in order within each: every posting list comes out ascending.
    for (chunk, map) in zip(chunks.compactMap { $0 }, maps) {
      TokenIndex.fill(
        &ownPostings, next: &ownNext, tokens: chunk.ownTokens, ends: chunk.ownEnds, map: map,
        firstArticle: chunk.firstArticle)
      TokenIndex.fill(
        &relatedPostings, next: &relatedNext, tokens: chunk.relatedTokens, ends: chunk.relatedEnds, map: map,
        firstArticle: chunk.firstArticle)
    }
    var vocabulary = table.tokens
    vocabulary.append(contentsOf: repeatElement(0, count: SearchText.padding))
    self.vocabulary = vocabulary
    self.tokenStarts = table.tokenStarts
    self.ownStarts = ownStarts
    self.ownPostings = ownPostings
    self.relatedStarts = relatedStarts
    self.relatedPostings = relatedPostings
  }

  /// Words of space-window bits per article (1,024 bits: about a sixth set by an article of 170 spaces).
  static let spaceWindowWords = 16

  /// The bit of the five bytes starting at `window` (the third is a space), a multiplicative hash into 10
  /// bits; loads eight bytes, so three past the window must be readable.
  @inline(__always)
  static func spaceWindowBit(_ bytes: UnsafeRawPointer, at window: Int) -> Int {
    let five = bytes.loadUnaligned(fromByteOffset: window, as: UInt64.self) & 0xFF_FFFF_FFFF
    return Int((five &* 0x9E37_79B9_7F4A_7C15) >> 54)
  }

  /// Every article's space windows, in chunks of articles on all cores (each writes its own articles').
  private static func spaceWindows(of text: SearchText) -> [UInt64] {
    let count = text.starts.count - 1
    var windows = [UInt64](repeating: 0, count: count * spaceWindowWords)
    let chunkCount = count < 8_192 ? 1 : max(1, ProcessInfoLite.activeProcessorCount)
    text.bytes.withUnsafeBufferPointer { bytes in
      text.starts.withUnsafeBufferPointer { starts in
        windows.withUnsafeMutableBufferPointer { windows in
          nonisolated(unsafe) let bytes = bytes
          nonisolated(unsafe) let starts = starts
          nonisolated(unsafe) let windows = windows
          DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let base = UnsafeRawPointer(bytes.baseAddress!)
            for article in (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount) {
              let start = Int(starts[article])
              let end = Int(starts[article + 1])
              let slot = article * spaceWindowWords
              var position = start + 2
              while position + 2 < end {
                if bytes[position] == 0x20 {
                  let bit = spaceWindowBit(base, at: position - 2)
                  windows[slot + bit >> 6] |= UInt64(1) << UInt64(bit & 63)
                }
                position += 1
              }
            }
          }
        }
      }
    }
    return windows
  }

  /// The space-window bits a phrase needs, as (word offset, bits); none when it has no space with two
  /// bytes on each side.
  static func spaceWindowRequirements(_ needle: [UInt8]) -> [(Int, UInt64)] {
    guard needle.count >= 5 else { return [] }
    var words = [UInt64](repeating: 0, count: spaceWindowWords)
    // Padded so the eight-byte load of the last window stays inside the buffer.
    let padded = needle + [0, 0, 0]
    padded.withUnsafeBytes { raw in
      for position in 2..<(needle.count - 2) where needle[position] == 0x20 {
        let bit = spaceWindowBit(raw.baseAddress!, at: position - 2)
        words[bit >> 6] |= UInt64(1) << UInt64(bit & 63)
      }
    }
    return words.enumerated().filter { $0.element != 0 }.map { ($0.offset, $0.element) }
  }

  /// The members of `articles` whose space windows include `required`.
  func havingSpaceWindows(_ required: [(Int, UInt64)], among articles: ArticleBits) -> ArticleBits {
    guard !required.isEmpty else { return articles }
    var kept = articles
    spaceWindows.withUnsafeBufferPointer { windows in
      kept.words.withUnsafeMutableBufferPointer { kept in
        for word in kept.indices where kept[word] != 0 {
          var bits = kept[word]
          while bits != 0 {
            let bit = bits.trailingZeroBitCount
            let slot = (word << 6 | bit) * TokenIndex.spaceWindowWords
            for (offset, needed) in required where windows[slot + offset] & needed != needed {
              kept[word] &= ~(UInt64(1) << UInt64(bit))
              break
            }
            bits &= bits - 1
          }
        }
      }
    }
    return kept
  }

  private static func prefixSums(_ counts: [Int32]) -> [Int32] {
    var sums = [Int32](repeating: 0, count: counts.count)
    var total: Int32 = 0
    for index in 0..<(counts.count - 1) {
      sums[index] = total
      total += counts[index]
    }
    sums[counts.count - 1] = total
    return sums
  }

  private static func fill(
    _ postings: inout [Int32], next: inout [Int32], tokens: [Int32], ends: [Int32], map: [Int32],
    firstArticle: Int
  ) {
    postings.withUnsafeMutableBufferPointer { postings in
      next.withUnsafeMutableBufferPointer { next in
        var position = 0
        for (offset, end) in ends.enumerated() {
          let article = Int32(firstArticle + offset)
          while position < Int(end) {
            let id = Int(map[Int(tokens[position])])
            postings[Int(next[id])] = article
            next[id] += 1
            position += 1
          }
        }
      }
    }
  }

  /// The ids of the tokens containing `needle` (at least two bytes, no separator), ascending, and how
  /// many postings they have in all: what a lookup would read.
  ///
  /// A word typed on contains the word of the keystroke before, so its tokens are among that word's: the
  /// last few lookups are kept, and only the tokens of the best one are read again. Otherwise the
  /// vocabulary is read, in ranges on all cores.
  func tokens(containing needle: [UInt8]) -> (ids: [Int32], postings: Int) {
    let known = recent.withLock { recent in
      recent.filter { TokenIndex.contains(needle, $0.needle) }.min { $0.ids.count < $1.ids.count }?.ids
    }
    let ids = known.map { within(needle, $0) } ?? scanVocabulary(needle)
    recent.withLock { recent in
      recent.removeAll { $0.needle == needle }
      recent.append(RecentLookup(needle: needle, ids: ids))
      if recent.count > 8 { recent.removeFirst() }
    }
    var postings = 0
    for id in ids {
      let token = Int(id)
      postings += Int(
        ownStarts[token + 1] - ownStarts[token] + relatedStarts[token + 1] - relatedStarts[token])
    }
    return (ids, postings)
  }

  /// Whether `part` occurs in `whole`.
  private static func contains(_ whole: [UInt8], _ part: [UInt8]) -> Bool {
    guard part.count <= whole.count else { return false }
    return (0...(whole.count - part.count)).contains { whole[$0..<($0 + part.count)].elementsEqual(part) }
  }

  /// Those of `ids` whose token contains `needle`.
  private func within(_ needle: [UInt8], _ ids: [Int32]) -> [Int32] {
    vocabulary.withUnsafeBufferPointer { vocabulary in
      needle.withUnsafeBufferPointer { needle in
        ids.filter { id in
          let start = Int(tokenStarts[Int(id)])
          let end = Int(tokenStarts[Int(id) + 1]) - 1
          return TokenIndex.firstOccurrence(needle, in: vocabulary, from: start, to: end) != nil
        }
      }
    }
  }

  /// The tokens containing `needle`, read from the whole vocabulary.
  private func scanVocabulary(_ needle: [UInt8]) -> [Int32] {
    // Ranges of whole tokens, so no hit spans two; one per core once the vocabulary is large.
    let rangeCount = vocabulary.count < 1 << 20 ? 1 : max(1, ProcessInfoLite.activeProcessorCount)
    let parts = Mutex<[[Int32]]>(Array(repeating: [], count: rangeCount))
    vocabulary.withUnsafeBufferPointer { vocabulary in
      tokenStarts.withUnsafeBufferPointer { tokenStarts in
        needle.withUnsafeBufferPointer { needle in
          nonisolated(unsafe) let vocabulary = vocabulary
          nonisolated(unsafe) let tokenStarts = tokenStarts
          nonisolated(unsafe) let needle = needle
          let tokenCount = tokenStarts.count - 1
          DispatchQueue.concurrentPerform(iterations: rangeCount) { range in
            let firstToken = tokenCount * range / rangeCount
            let endToken = tokenCount * (range + 1) / rangeCount
            var ids: [Int32] = []
            var position = Int(tokenStarts[firstToken])
            let end = Int(tokenStarts[endToken])
            while position < end {
              guard let offset = TokenIndex.firstOccurrence(needle, in: vocabulary, from: position, to: end)
              else { break }
              // The token holding the hit: the last one starting at or before it.
              var low = firstToken
              var high = endToken
              while high - low > 1 {
                let middle = (low + high) / 2
                if Int(tokenStarts[middle]) <= offset { low = middle } else { high = middle }
              }
              ids.append(Int32(low))
              position = Int(tokenStarts[low + 1])
            }
            parts.withLock { $0[range] = ids }
          }
        }
      }
    }
    return parts.withLock { Array($0.joined()) }
  }

  /// Where `needle` (two bytes or more) first occurs in `text[start..<end]`, anchored on its first and
  /// last bytes (the vocabulary has no byte frequencies); loads may read up to 15 bytes past `end` plus the
  /// needle's length, which the vocabulary's padding allows.
  static func firstOccurrence(
    _ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> Int? {
    SearchText.firstOccurrence(
      needle, anchor: 0, secondAnchor: needle.count - 1, in: text, from: start, to: end)
  }

  /// The articles with any of `tokens` in their own fields, and those with any in related coverage
  /// (`related` false: own fields only, the second set then empty).
  func articles(with tokens: [Int32], related: Bool) -> (own: ArticleBits, related: ArticleBits) {
    var own = ArticleBits(count: articleCount, filled: false)
    var inRelated = ArticleBits(count: articleCount, filled: false)
    own.words.withUnsafeMutableBufferPointer { own in
      inRelated.words.withUnsafeMutableBufferPointer { inRelated in
        ownPostings.withUnsafeBufferPointer { postings in
          for token in tokens {
            for position in Int(ownStarts[Int(token)])..<Int(ownStarts[Int(token) + 1]) {
              let article = Int(postings[position])
              own[article >> 6] |= UInt64(1) << UInt64(article & 63)
            }
          }
        }
        guard related else { return }
        relatedPostings.withUnsafeBufferPointer { postings in
          for token in tokens {
            for position in Int(relatedStarts[Int(token)])..<Int(relatedStarts[Int(token) + 1]) {
              let article = Int(postings[position])
              inRelated[article >> 6] |= UInt64(1) << UInt64(article & 63)
            }
          }
        }
      }
    }
    return (own, inRelated)
  }
}

/// `body` with the words of 256 + 256 article sets as buffers, so the build's threads can set bits in them.
private func withByteSetPointers(
  _ own: inout [ArticleBits], _ any: inout [ArticleBits],
  _ body: (ByteSetPointers, ByteSetPointers) -> Void
) {
  // The sets' words are copied into two flat blocks and back: 256 nested borrows are not expressible.
  let words = own.first?.words.count ?? 0
  var ownFlat = [UInt64](repeating: 0, count: 256 * words)
  var anyFlat = ownFlat
  ownFlat.withUnsafeMutableBufferPointer { ownFlat in
    anyFlat.withUnsafeMutableBufferPointer { anyFlat in
      body(ByteSetPointers(words: ownFlat, stride: words), ByteSetPointers(words: anyFlat, stride: words))
    }
  }
  for byte in 0..<256 {
    own[byte].words = Array(ownFlat[(byte * words)..<((byte + 1) * words)])
    any[byte].words = Array(anyFlat[(byte * words)..<((byte + 1) * words)])
  }
}

/// 256 article sets in one block: set `b` is `words[b * stride..<(b + 1) * stride]`.
struct ByteSetPointers: @unchecked Sendable {
  let words: UnsafeMutableBufferPointer<UInt64>
  let stride: Int
}

/// The tokens of one run of articles with ids of its own: built on one thread, merged in order.
struct TokenChunk: Sendable {
  var table: TokenTable
  let firstArticle: Int
  /// Local token ids of each article's own fields, distinct per article: `ownEnds[i]` ends article
  /// `firstArticle + i`'s.
  var ownTokens: [Int32] = []
  var ownEnds: [Int32] = []
  var relatedTokens: [Int32] = []
  var relatedEnds: [Int32] = []

  init(
    bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int32>,
    ownEnds articleOwnEnds: UnsafeBufferPointer<Int32>, articles: Range<Int>, ownSets: ByteSetPointers,
    anySets: ByteSetPointers
  ) {
    firstArticle = articles.lowerBound
    // About one distinct token per 40 bytes of text: sized so the table rarely grows.
    let textBytes = articles.isEmpty ? 0 : Int(starts[articles.upperBound] - starts[articles.lowerBound])
    table = TokenTable(capacity: max(1_024, textBytes / 40))
    ownEnds.reserveCapacity(articles.count)
    relatedEnds.reserveCapacity(articles.count)
    ownTokens.reserveCapacity(textBytes / 16)
    relatedTokens.reserveCapacity(textBytes / 8)
    var lastOwn: [Int32] = []
    var lastRelated: [Int32] = []
    var seen = [UInt8](repeating: 0, count: 256)
    for article in articles {
      let start = Int(starts[article])
      let ownEnd = Int(articleOwnEnds[article])
      let end = Int(starts[article + 1])
      let mark = Int32(article)
      for isOwn in [true, false] {
        let range = isOwn ? start..<ownEnd : ownEnd..<end
        var position = range.lowerBound
        while position < range.upperBound {
          while position < range.upperBound && TokenIndex.isSeparator(bytes[position]) { position += 1 }
          let tokenStart = position
          while position < range.upperBound && !TokenIndex.isSeparator(bytes[position]) { position += 1 }
          if position == tokenStart { continue }
          let id = Int(table.id(of: bytes, tokenStart, position, hash: nil))
          if id == lastOwn.count {
            lastOwn.append(-1)
            lastRelated.append(-1)
          }
          if isOwn {
            if lastOwn[id] != mark {
              lastOwn[id] = mark
              ownTokens.append(Int32(id))
            }
          } else if lastRelated[id] != mark {
            lastRelated[id] = mark
            relatedTokens.append(Int32(id))
          }
        }
        if isOwn {
          ownEnds.append(Int32(ownTokens.count))
        } else {
          relatedEnds.append(Int32(relatedTokens.count))
        }
      }
      // Byte sets: flags per byte value for the own fields, then for the rest.
      let word = article >> 6
      let bit = UInt64(1) << UInt64(article & 63)
      for position in start..<ownEnd { seen[Int(bytes[position])] = 1 }
      for value in 0..<256 where seen[value] != 0 {
        ownSets.words[value * ownSets.stride + word] |= bit
        anySets.words[value * anySets.stride + word] |= bit
        seen[value] = 0
      }
      for position in ownEnd..<end { seen[Int(bytes[position])] = 1 }
      for value in 0..<256 where seen[value] != 0 {
        anySets.words[value * anySets.stride + word] |= bit
        seen[value] = 0
      }
    }
  }
}

/// Distinct tokens with ids in order of first appearance, found by an open-addressing hash of their bytes.
struct TokenTable: Sendable {
  /// Each token followed by a newline, then 8 zeros while building (so hashing may load past a token's end).
  private(set) var vocabulary: [UInt8] = []
  private(set) var tokenStarts: [Int32] = [0]
  private(set) var hashes: [UInt64] = []
  /// Token id per slot, -1 when free.
  private var slots: [Int32]
  private var slotMask: Int

  var count: Int { hashes.count }

  init(capacity: Int) {
    var size = 1_024
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](repeating: -1, count: size)
    slotMask = size - 1
    hashes.reserveCapacity(capacity)
    tokenStarts.reserveCapacity(capacity + 1)
  }

  /// The hash of `bytes[start..<end]`, eight bytes at a time (bytes past `end` are masked off; the buffer
  /// must allow loads up to 7 bytes past it).
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    let base = UnsafeRawPointer(bytes.baseAddress!)
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(end - start)
    var position = start
    while position + 8 <= end {
      hash = (hash ^ base.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      position += 8
    }
    if position < end {
      let tail = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      let kept = tail & (UInt64.max >> UInt64(64 - 8 * (end - position)))
      hash = (hash ^ kept) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
    }
    return hash
  }

  /// The id of the token `bytes[start..<end]`, added when new; `hash` when the caller has it.
  @inline(__always)
  mutating func id(of bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hash given: UInt64?)
    -> Int32
  {
    let hash = given ?? TokenTable.hash(bytes, start, end)
    let length = end - start
    var slot = Int(truncatingIfNeeded: hash) & slotMask
    while true {
      let id = slots[slot]
      if id < 0 { break }
      if hashes[Int(id)] == hash {
        let tokenStart = Int(tokenStarts[Int(id)])
        if Int(tokenStarts[Int(id) + 1]) - 1 - tokenStart == length {
          let same = vocabulary.withUnsafeBufferPointer { vocabulary in
            memcmp(vocabulary.baseAddress! + tokenStart, bytes.baseAddress! + start, length) == 0
          }
          if same { return id }
        }
      }
      slot = (slot + 1) & slotMask
    }
    let id = Int32(hashes.count)
    slots[slot] = id
    hashes.append(hash)
    // The 8 zeros kept at the end are overwritten by the token and put back after it.
    vocabulary.removeLast(min(8, vocabulary.count))
    vocabulary.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    vocabulary.append(0x0A)
    tokenStarts.append(Int32(vocabulary.count))
    vocabulary.append(contentsOf: repeatElement(0, count: 8))
    if hashes.count * 2 > slots.count { grow() }
    return id
  }

  private mutating func grow() {
    let size = slots.count * 2
    var grown = [Int32](repeating: -1, count: size)
    let mask = size - 1
    for (id, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while grown[slot] >= 0 { slot = (slot + 1) & mask }
      grown[slot] = Int32(id)
    }
    slots = grown
    slotMask = mask
  }

  /// The vocabulary without the zeros kept for hashing.
  var tokens: [UInt8] { Array(vocabulary.prefix(Int(tokenStarts[count]))) }
}

extension TokenIndex {
  /// What the index can say about a needle among some candidates.
  enum Lookup {
    /// The candidates having the needle anywhere in the region, and those having it in their own fields:
    /// exact, no text needs reading.
    case answered(ArticleBits, ArticleBits)
    /// Only these candidates can have it: their text must still be read (a phrase, a title search).
    case narrowed(ArticleBits)
    /// Only the first set can have it in their own fields, only the second in their related coverage (a
    /// phrase, searched everywhere): each set's text must be read in that region.
    case narrowedByRegion(own: ArticleBits, related: ArticleBits)
    /// Reading the postings would cost more than reading the candidates' text.
    case unhelpful
  }

  /// Postings read per candidate above which the candidates' text is read instead: a posting costs a
  /// load and a bit set, a candidate's text tens of 16-byte compares and cache misses.
  static let postingsPerCandidate = 48

  /// Looks `needle` (folded) up among `candidates`, in `region` as the evaluator's scan would read it.
  ///
  /// A needle with separators (a phrase) cannot span two fields, so it can only be in an article's own
  /// fields if all its words are, or in its related coverage if all its words are there: the two regions
  /// narrow apart, which leaves far fewer articles to read than requiring each word anywhere.
  func lookup(_ needle: [UInt8], within candidates: ArticleBits, region: QueryEvaluator.Region) -> Lookup {
    let pieces = needle.split(whereSeparator: TokenIndex.isSeparator)
    let whole = pieces.count == 1 && pieces[0].count == needle.count
    let budget = candidates.population * TokenIndex.postingsPerCandidate
    var ownAll = candidates
    var relatedAll = candidates
    for piece in pieces {
      var own: ArticleBits
      var inRelated: ArticleBits
      if piece.count == 1 {
        own = ownBytes[Int(piece[piece.startIndex])]
        // A superset of the related coverage's: the byte sets do not tell the regions apart.
        inRelated = anyBytes[Int(piece[piece.startIndex])]
      } else {
        let (ids, postings) = tokens(containing: Array(piece))
        if postings > budget {
          if whole { return .unhelpful }
          continue
        }
        (own, inRelated) = articles(with: ids, related: region == .everything)
      }
      own.formIntersection(candidates)
      if whole {
        switch region {
        case .everything:
          var anywhere = inRelated
          anywhere.formUnion(own)
          anywhere.formIntersection(candidates)
          return .answered(anywhere, own)
        case .own: return .answered(own, own)
        case .title: return .narrowed(own)
        }
      }
      ownAll.formIntersection(own)
      relatedAll.formIntersection(inRelated)
    }
    // A phrase with a space: its words must also be next to each other somewhere.
    let windows = TokenIndex.spaceWindowRequirements(needle)
    ownAll = havingSpaceWindows(windows, among: ownAll)
    guard region == .everything else { return .narrowed(ownAll) }
    return .narrowedByRegion(own: ownAll, related: havingSpaceWindows(windows, among: relatedAll))
  }
}
