import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folded search text of every article in one contiguous buffer, with a byte-presence mask per article.
///
/// One buffer keeps a keystroke's scan cache-friendly; the 256-bit mask of the bytes each article contains
/// rejects most articles for a rare letter without reading their text.
struct SearchText: Sendable {
  /// Folded text of all articles, fields separated by a newline so no word spans two fields.
  let bytes: [UInt8]
  /// `starts[i]..<starts[i + 1]` is article `i`'s text; `count + 1` entries.
  let starts: [Int32]
  /// Where article `i`'s folded title ends (its title is first in its text).
  let titleEnds: [Int32]
  /// Where article `i`'s title, excerpt, provider name and topics end: what `ArticleFilter.search` reads.
  let fieldEnds: [Int32]
  /// Where article `i`'s own text ends (its provider domain comes after `fieldEnds`); from here to
  /// `starts[i + 1]` is its related coverage: each item's title, excerpt, provider name and domain.
  let ownEnds: [Int32]
  /// Four words per article: bit `b` is set when byte `b` occurs in its text.
  let masks: [UInt64]
  /// `SearchText.pairWords` words per article: bit `pairBit(a, b)` is set when bytes `a b` occur next to
  /// each other in its text. A word whose letters are all common is still rejected without reading the
  /// text unless the article has each of the word's byte pairs: a keystroke then reads about a tenth of
  /// the text, which related coverage made three times larger.
  let pairMasks: [UInt64]
  /// Articles containing each byte value: a search anchors on a word's rarest byte.
  let byteFrequencies: [Int]

  init(articles: [Article]) {
    let count = articles.count
    // Folding is most of a catalog's build: chunks of articles are folded on all cores, then joined.
    let chunkCount = count < 4_096 ? 1 : min(4 * ProcessInfoLite.activeProcessorCount, count / 2_048)
    var parts = [Part](repeating: Part(), count: chunkCount)
    var masks = [UInt64](repeating: 0, count: count * 4)
    var pairMasks = [UInt64](repeating: 0, count: count * SearchText.pairWords)
    if chunkCount == 1 {
      var folder = TextFolder()
      masks.withUnsafeMutableBufferPointer { masks in
        pairMasks.withUnsafeMutableBufferPointer { pairMasks in
          parts[0] = Part(articles: articles, 0..<count, folder: &folder, masks: masks, pairMasks: pairMasks)
        }
      }
    } else {
      parts.withUnsafeMutableBufferPointer { slots in
        masks.withUnsafeMutableBufferPointer { masks in
          pairMasks.withUnsafeMutableBufferPointer { pairMasks in
            // Each chunk writes only its own slot and its own articles' masks.
            nonisolated(unsafe) let slots = slots
            nonisolated(unsafe) let masks = masks
            nonisolated(unsafe) let pairMasks = pairMasks
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
              var folder = TextFolder()
              let range = (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)
              slots[chunk] = Part(
                articles: articles, range, folder: &folder, masks: masks, pairMasks: pairMasks)
            }
          }
        }
      }
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(parts.reduce(SearchText.padding) { $0 + $1.bytes.count })
    var starts: [Int32] = [0]
    starts.reserveCapacity(count + 1)
    var titleEnds: [Int32] = []
    titleEnds.reserveCapacity(count)
    var fieldEnds: [Int32] = []
    fieldEnds.reserveCapacity(count)
    var ownEnds: [Int32] = []
    ownEnds.reserveCapacity(count)
    for part in parts {
      let offset = Int32(bytes.count)
      bytes.append(contentsOf: part.bytes)
      for end in part.ends { starts.append(end + offset) }
      for end in part.titleEnds { titleEnds.append(end + offset) }
      for end in part.fieldEnds { fieldEnds.append(end + offset) }
      for end in part.ownEnds { ownEnds.append(end + offset) }
    }
    bytes.append(contentsOf: repeatElement(0, count: SearchText.padding))
    self.bytes = bytes
    self.starts = starts
    self.titleEnds = titleEnds
    self.fieldEnds = fieldEnds
    self.ownEnds = ownEnds
    self.masks = masks
    self.pairMasks = pairMasks
    var frequencies = [Int](repeating: 0, count: 256)
    for index in 0..<count {
      for word in 0..<4 {
        var bits = masks[index * 4 + word]
        while bits != 0 {
          frequencies[word * 64 + bits.trailingZeroBitCount] += 1
          bits &= bits - 1
        }
      }
    }
    self.byteFrequencies = frequencies
  }

  /// Every table as given (the update in `SearchText+Update.swift` builds them from an older text).
  init(
    bytes: [UInt8], starts: [Int32], titleEnds: [Int32], fieldEnds: [Int32], ownEnds: [Int32],
    masks: [UInt64], pairMasks: [UInt64], byteFrequencies: [Int]
  ) {
    self.bytes = bytes
    self.starts = starts
    self.titleEnds = titleEnds
    self.fieldEnds = fieldEnds
    self.ownEnds = ownEnds
    self.masks = masks
    self.pairMasks = pairMasks
    self.byteFrequencies = byteFrequencies
  }

  /// The folded text of a run of articles, with offsets relative to the run's own bytes.
  struct Part: Sendable {
    var bytes: [UInt8] = []
    /// Where each article's text ends.
    var ends: [Int32] = []
    var titleEnds: [Int32] = []
    var fieldEnds: [Int32] = []
    var ownEnds: [Int32] = []

    init() {}

    /// Folds `articles[range]` and writes their byte masks into `masks`.
    init(
      articles: [Article], _ range: Range<Int>, folder: inout TextFolder,
      masks: UnsafeMutableBufferPointer<UInt64>, pairMasks: UnsafeMutableBufferPointer<UInt64>
    ) {
      ends.reserveCapacity(range.count)
      titleEnds.reserveCapacity(range.count)
      fieldEnds.reserveCapacity(range.count)
      ownEnds.reserveCapacity(range.count)
      articles.withUnsafeBufferPointer { articles in
        // Fields are read in place through the buffer: a copy of an article would retain all its strings.
        for index in range {
          if let title = articles[index].item.title { folder.appendUnlowered(title, to: &bytes) }
          titleEnds.append(Int32(bytes.count))
          if let excerpt = articles[index].item.excerpt {
            bytes.append(0x0A)
            folder.appendUnlowered(excerpt, to: &bytes)
          }
          if let provider = articles[index].item.provider?.name {
            bytes.append(0x0A)
            folder.appendUnlowered(provider, to: &bytes)
          }
          for topic in articles[index].item.topics {
            bytes.append(0x0A)
            folder.appendUnlowered(topic, to: &bytes)
          }
          fieldEnds.append(Int32(bytes.count))
          if let domain = articles[index].item.provider?.domain {
            bytes.append(0x0A)
            folder.appendUnlowered(domain, to: &bytes)
          }
          ownEnds.append(Int32(bytes.count))
          let related = articles[index].related
          for item in related.indices {
            for field in SearchText.relatedFields {
              related.withText(field, of: item) { text in
                guard let text else { return }
                bytes.append(0x0A)
                folder.appendUnlowered(bytes: text, to: &bytes)
              }
            }
          }
          ends.append(Int32(bytes.count))
        }
      }
      TextFolder.lowerASCII(&bytes, from: 0)
      bytes.withUnsafeBufferPointer { bytes in
        var start = 0
        for (offset, end) in ends.enumerated() {
          let slot = (range.lowerBound + offset) * SearchText.pairWords
          var position = start
          while position + 1 < Int(end) {
            let bit = SearchText.pairBit(bytes[position], bytes[position + 1])
            pairMasks[slot + bit >> 6] |= UInt64(1) << UInt64(bit & 63)
            position += 1
          }
          start = Int(end)
        }
      }
      bytes.withUnsafeBufferPointer { bytes in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { seen in
          // One byte per byte value, set by plain stores: OR-ing bits into four mask words instead makes
          // each byte wait for the previous one. The 256 flags are then packed eight at a time.
          let flags = UnsafeMutableRawBufferPointer(seen)
          flags.initializeMemory(as: UInt8.self, repeating: 0)
          var start = 0
          for (offset, end) in ends.enumerated() {
            for position in start..<Int(end) { flags[Int(bytes[position])] = 1 }
            let slot = (range.lowerBound + offset) * 4
            for word in 0..<4 {
              var mask: UInt64 = 0
              for group in 0..<8 {
                // Gathers the eight flag bytes' low bits into one byte, flag 0 lowest.
                let packed = (seen[word * 8 + group] &* 0x0102_0408_1020_4080) >> 56
                mask |= packed << (8 * group)
                seen[word * 8 + group] = 0
              }
              masks[slot + word] = mask
            }
            start = Int(end)
          }
        }
      }
    }
  }
}

/// One folded search word with the mask of the bytes it needs.
struct SearchWord: Sendable {
  let bytes: [UInt8]
  let mask: (UInt64, UInt64, UInt64, UInt64)
  /// Offset of the word's rarest byte, which the scan compares first.
  let anchor: Int
  /// Offset of the rarest byte at another offset (equal to `anchor` for a one-byte word): the scan
  /// compares both at once, so a common letter alone does not stop it.
  let secondAnchor: Int

  init(_ bytes: [UInt8], byteFrequencies: [Int]) {
    self.bytes = bytes
    let rarity = { (offset: Int) in byteFrequencies[Int(bytes[offset])] }
    let anchor = bytes.indices.min { rarity($0) < rarity($1) } ?? 0
    self.anchor = anchor
    self.secondAnchor = bytes.indices.filter { $0 != anchor }.min { rarity($0) < rarity($1) } ?? anchor
    var mask: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    for byte in bytes {
      let bit = UInt64(1) << UInt64(byte & 63)
      switch byte >> 6 {
      case 0: mask.0 |= bit
      case 1: mask.1 |= bit
      case 2: mask.2 |= bit
      default: mask.3 |= bit
      }
    }
    self.mask = mask
  }
}

extension SearchText {
  /// Words of byte-pair bits per article (1,024 bits: about a third set by an article of 1,300 bytes).
  /// The fields of each related item that the text holds, in this order.
  static let relatedFields: [RelatedCoverage.Field] = [.title, .excerpt, .providerName, .providerDomain]

  static let pairWords = 16

  /// The bit of the byte pair `a b`, a multiplicative hash of the two bytes into 10 bits.
  @inline(__always)
  static func pairBit(_ a: UInt8, _ b: UInt8) -> Int {
    Int(((UInt32(a) << 8 | UInt32(b)) &* 2_654_435_761) >> 22)
  }

  /// The pair-mask words a needle needs, as (word offset, bits) for the words it touches.
  static func pairRequirements(_ needle: [UInt8]) -> [(Int, UInt64)] {
    var words = [UInt64](repeating: 0, count: pairWords)
    for position in needle.indices.dropLast() {
      let bit = pairBit(needle[position], needle[position + 1])
      words[bit >> 6] |= UInt64(1) << UInt64(bit & 63)
    }
    return words.enumerated().filter { $0.element != 0 }.map { ($0.offset, $0.element) }
  }

  /// Zero bytes after the last article, so the 16-byte loads of `contains` may run past its end.
  static let padding = 32

  /// Whether article `index` contains every word in `starts[index]..<ends[index]`; the buffers are passed
  /// in so a scan over many articles borrows them once.
  @inline(__always)
  static func matches(
    _ index: Int, words: [SearchWord], text: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int32>,
    ends: UnsafeBufferPointer<Int32>, masks: UnsafeBufferPointer<UInt64>
  ) -> Bool {
    let m0 = masks[index &* 4], m1 = masks[index &* 4 &+ 1], m2 = masks[index &* 4 &+ 2],
      m3 = masks[index &* 4 &+ 3]
    for word in words {
      if m0 & word.mask.0 != word.mask.0 || m1 & word.mask.1 != word.mask.1 || m2 & word.mask.2 != word.mask.2
        || m3 & word.mask.3 != word.mask.3
      {
        return false
      }
    }
    let start = Int(starts[index]), end = Int(ends[index])
    for word in words {
      let found = word.bytes.withUnsafeBufferPointer { needle in
        contains(needle, anchor: word.anchor, secondAnchor: word.secondAnchor, in: text, from: start, to: end)
      }
      if !found { return false }
    }
    return true
  }

  /// Substring search comparing 16 candidate starts at a time on two of the needle's rarest bytes (at
  /// `anchor` and `secondAnchor`), then confirming each pair with `memcmp`; a one-byte needle is already
  /// answered by the mask. Loads may read up to 15 bytes past `end`, which `padding` keeps inside `text`.
  @inline(__always)
  static func contains(
    _ needle: UnsafeBufferPointer<UInt8>, anchor: Int, secondAnchor: Int, in text: UnsafeBufferPointer<UInt8>,
    from start: Int, to end: Int
  ) -> Bool {
    if needle.count <= 1 { return true }
    return firstOccurrence(
      needle, anchor: anchor, secondAnchor: secondAnchor, in: text, from: start, to: end) != nil
  }

  /// Where `needle` (two bytes or more) first occurs in `text[start..<end]`, found as `contains` finds it:
  /// 16 candidate starts at a time on the bytes at `anchor` and `secondAnchor`, each pair confirmed with
  /// `memcmp`. Loads may read up to 15 bytes past `end`.
  @inline(__always)
  static func firstOccurrence(
    _ needle: UnsafeBufferPointer<UInt8>, anchor: Int, secondAnchor: Int, in text: UnsafeBufferPointer<UInt8>,
    from start: Int, to end: Int
  ) -> Int? {
    let count = needle.count
    let lastStart = end &- count
    if lastStart < start { return nil }
    let base = UnsafeRawPointer(text.baseAddress!)
    let first = SIMD16<UInt8>(repeating: needle[anchor])
    let second = SIMD16<UInt8>(repeating: needle[secondAnchor])
    let ones = SIMD16<UInt8>(repeating: 1)
    var position = start
    while position <= lastStart {
      let a = base.loadUnaligned(fromByteOffset: position &+ anchor, as: SIMD16<UInt8>.self)
      let b = base.loadUnaligned(fromByteOffset: position &+ secondAnchor, as: SIMD16<UInt8>.self)
      // One byte per lane, 1 where both anchors match, read as two words so hits are found by bit counting.
      let lanes = SIMD16<UInt8>(repeating: 0).replacing(with: ones, where: (a .== first) .& (b .== second))
      let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
      if words.0 | words.1 != 0 {
        // Low word first: candidates are confirmed left to right, and past `lastStart` none can fit.
        var bits = words.0
        var offset = position
        for _ in 0..<2 {
          while bits != 0 {
            let candidate = offset &+ (bits.trailingZeroBitCount >> 3)
            if candidate > lastStart { return nil }
            if memcmp(base + candidate, needle.baseAddress!, count) == 0 { return candidate }
            bits &= bits &- 1
          }
          bits = words.1
          offset = position &+ 8
        }
      }
      position &+= 16
    }
    return nil
  }

}
