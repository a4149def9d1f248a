#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SearchText {
  /// The text of `articles`, taken from `old` for every article whose `sourceOf` index (into the articles
  /// `old` was made of) is not -1, folded afresh for the others: a change of a few files folds a few
  /// articles and copies the rest, in runs.
  ///
  /// The arrivals are folded first, so every buffer is allocated once at its size and filled by copies;
  /// the large ones are asked to be backed by huge pages, since faulting in tens of MiB of fresh memory a
  /// page at a time was most of the copy.
  init(articles: [Article], updating old: SearchText, sourceOf: [Int32]) {
    let count = articles.count
    let words = SearchText.pairWords
    var folder = TextFolder()
    // Articles having each byte: the old counts, less the articles not kept, plus the arrivals.
    var frequencies = old.byteFrequencies
    func tally(_ masks: UnsafeBufferPointer<UInt64>, by step: Int) {
      for (word, mask) in masks.enumerated() {
        var bits = mask
        while bits != 0 {
          frequencies[(word % 4) * 64 + bits.trailingZeroBitCount] += step
          bits &= bits - 1
        }
      }
    }
    var runs: [(range: Range<Int>, first: Int?)] = []
    sourceOf.forEachRun { runs.append(($0, $1)) }

    var parts: [Part] = []
    var textBytes = 0
    var pairMasks: [UInt64] = []
    let masks = Self.hugePageArray(of: UInt64.self, count: count * 4) { masks in
      pairMasks = Self.hugePageArray(of: UInt64.self, count: count * words) { pairMasks in
        old.masks.withUnsafeBufferPointer { oldMasks in
          old.pairMasks.withUnsafeBufferPointer { oldPairs in
            // Old articles are kept in order, so those not kept are the gaps between the runs copied.
            var nextOld = 0
            for (range, first) in runs {
              if let first {
                let last = first + range.count
                tally(UnsafeBufferPointer(rebasing: oldMasks[nextOld * 4..<first * 4]), by: -1)
                nextOld = last
                textBytes += Int(old.starts[last] - old.starts[first])
                masks.baseAddress!.advanced(by: range.lowerBound * 4).initialize(
                  from: oldMasks.baseAddress!.advanced(by: first * 4), count: range.count * 4)
                pairMasks.baseAddress!.advanced(by: range.lowerBound * words).initialize(
                  from: oldPairs.baseAddress!.advanced(by: first * words), count: range.count * words)
              } else {
                // Part ORs the pairs into place and stores the masks.
                pairMasks.baseAddress!.advanced(by: range.lowerBound * words).initialize(
                  repeating: 0, count: range.count * words)
                let part = Part(
                  articles: articles, range, folder: &folder, masks: masks, pairMasks: pairMasks)
                tally(
                  UnsafeBufferPointer(rebasing: masks[range.lowerBound * 4..<range.upperBound * 4]), by: 1)
                textBytes += part.bytes.count
                parts.append(part)
              }
            }
            tally(UnsafeBufferPointer(rebasing: oldMasks[(nextOld * 4)...]), by: -1)
          }
        }
      }
    }

    var starts: [Int32] = [0]
    starts.reserveCapacity(count + 1)
    var titleEnds: [Int32] = []
    titleEnds.reserveCapacity(count)
    var fieldEnds: [Int32] = []
    fieldEnds.reserveCapacity(count)
    var ownEnds: [Int32] = []
    ownEnds.reserveCapacity(count)
    let bytes = Self.hugePageArray(of: UInt8.self, count: textBytes + SearchText.padding) { bytes in
      var filled = 0
      var nextPart = 0
      old.bytes.withUnsafeBufferPointer { oldBytes in
        for (range, first) in runs {
          if let first {
            // A run of articles kept in order: one copy of their bytes, offsets shifted.
            let last = first + range.count
            let from = Int(old.starts[first])
            let length = Int(old.starts[last]) - from
            bytes.baseAddress!.advanced(by: filled).initialize(
              from: oldBytes.baseAddress!.advanced(by: from), count: length)
            let shift = Int32(filled) - old.starts[first]
            starts += old.starts[(first + 1)...last].lazy.map { $0 + shift }
            titleEnds += old.titleEnds[first..<last].lazy.map { $0 + shift }
            fieldEnds += old.fieldEnds[first..<last].lazy.map { $0 + shift }
            ownEnds += old.ownEnds[first..<last].lazy.map { $0 + shift }
            filled += length
          } else {
            let part = parts[nextPart]
            nextPart += 1
            part.bytes.withUnsafeBufferPointer {
              bytes.baseAddress!.advanced(by: filled).initialize(from: $0.baseAddress!, count: $0.count)
            }
            let offset = Int32(filled)
            for end in part.ends { starts.append(end + offset) }
            for end in part.titleEnds { titleEnds.append(end + offset) }
            for end in part.fieldEnds { fieldEnds.append(end + offset) }
            for end in part.ownEnds { ownEnds.append(end + offset) }
            filled += part.bytes.count
          }
        }
      }
      bytes.baseAddress!.advanced(by: filled).initialize(repeating: 0, count: SearchText.padding)
    }
    self.init(
      bytes: bytes, starts: starts, titleEnds: titleEnds, fieldEnds: fieldEnds, ownEnds: ownEnds,
      masks: masks, pairMasks: pairMasks, byteFrequencies: frequencies)
  }

  /// An array of `count` elements that `fill` initializes, every one of them; its memory is advised to be
  /// backed by huge pages where the system allows it (2 MiB faults instead of 4 KiB ones).
  private static func hugePageArray<T: BitwiseCopyable>(
    of type: T.Type, count: Int, fill: (UnsafeMutableBufferPointer<T>) -> Void
  ) -> [T] {
    [T](unsafeUninitializedCapacity: count) { storage, initialized in
      #if canImport(Glibc)
        let hugePage = 1 << 21
        if count * MemoryLayout<T>.stride >= 4 * hugePage, let base = storage.baseAddress {
          let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
          let end = (Int(bitPattern: base) + count * MemoryLayout<T>.stride) & ~(hugePage - 1)
          if end > start {
            _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
          }
        }
      #endif
      fill(storage)
      initialized = count
    }
  }
}
