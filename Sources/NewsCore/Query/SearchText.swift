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
  /// Four words per article: bit `b` is set when byte `b` occurs in its text.
  let masks: [UInt64]

  init(articles: [Article], folder: inout TextFolder) {
    var bytes: [UInt8] = []
    var starts: [Int32] = [0]
    var titleEnds: [Int32] = []
    starts.reserveCapacity(articles.count + 1)
    titleEnds.reserveCapacity(articles.count)
    var masks = [UInt64](repeating: 0, count: articles.count * 4)
    for (index, article) in articles.enumerated() {
      let start = bytes.count
      if let title = article.title { folder.append(title, to: &bytes) }
      titleEnds.append(Int32(bytes.count))
      for field in [article.excerpt, article.provider?.name] {
        if let field {
          bytes.append(0x0A)
          folder.append(field, to: &bytes)
        }
      }
      for topic in article.topics {
        bytes.append(0x0A)
        folder.append(topic, to: &bytes)
      }
      var mask: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
      for position in start..<bytes.count {
        let byte = bytes[position]
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: mask.0 |= bit
        case 1: mask.1 |= bit
        case 2: mask.2 |= bit
        default: mask.3 |= bit
        }
      }
      masks[index * 4] = mask.0
      masks[index * 4 + 1] = mask.1
      masks[index * 4 + 2] = mask.2
      masks[index * 4 + 3] = mask.3
      starts.append(Int32(bytes.count))
    }
    self.bytes = bytes
    self.starts = starts
    self.titleEnds = titleEnds
    self.masks = masks
  }
}

/// One folded search word with the mask of the bytes it needs.
struct SearchWord: Sendable {
  let bytes: [UInt8]
  let mask: (UInt64, UInt64, UInt64, UInt64)

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
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
  /// Whether article `index` contains every word; the buffers are passed in so a scan over many
  /// articles borrows them once.
  @inline(__always)
  static func matches(
    _ index: Int, words: [SearchWord], text: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int32>,
    masks: UnsafeBufferPointer<UInt64>
  ) -> Bool {
    let m0 = masks[index &* 4], m1 = masks[index &* 4 &+ 1], m2 = masks[index &* 4 &+ 2], m3 = masks[index &* 4 &+ 3]
    for word in words {
      if m0 & word.mask.0 != word.mask.0 || m1 & word.mask.1 != word.mask.1 || m2 & word.mask.2 != word.mask.2
        || m3 & word.mask.3 != word.mask.3
      {
        return false
      }
    }
    let start = Int(starts[index]), end = Int(starts[index &+ 1])
    for word in words {
      let found = word.bytes.withUnsafeBufferPointer { needle in
        contains(needle, in: text, from: start, to: end)
      }
      if !found { return false }
    }
    return true
  }

  /// Substring search that lets `memchr` (vectorized in libc) skip to each occurrence of the needle's first
  /// byte; a one-byte needle is already answered by the mask.
  @inline(__always)
  static func contains(
    _ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> Bool {
    let count = needle.count
    if count <= 1 { return true }
    let first = Int32(needle[0])
    let base = text.baseAddress!
    var position = start
    let last = end &- count
    while position <= last {
      guard let hit = memchr(base + position, first, last &- position &+ 1) else { return false }
      let found = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      if memcmp(base + (found + 1), needle.baseAddress! + 1, count - 1) == 0 { return true }
      position = found &+ 1
    }
    return false
  }
}
