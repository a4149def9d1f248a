extension SearchText {
  /// The text of `articles`, taken from `old` for every article whose `sourceOf` index (into the articles
  /// `old` was made of) is not -1, folded afresh for the others: a change of a few files folds a few
  /// articles and copies the rest, in runs.
  ///
  /// The arrivals are folded first, so every buffer is allocated once at its size and filled by copies
  /// (no growth, no zeroing of what is copied over). Faulting in the tens of MiB of fresh memory is still
  /// most of the time this takes: advising huge pages for them (`madvise(MADV_HUGEPAGE)`) halved the median
  /// but made one change in five take 0.7 s (the kernel compacting memory), so it is not done.
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
    let masks = Self.filledArray(of: UInt64.self, count: count * 4) { masks in
      pairMasks = Self.filledArray(of: UInt64.self, count: count * words) { pairMasks in
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
    let bytes = Self.filledArray(of: UInt8.self, count: textBytes + SearchText.padding) { bytes in
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

  /// An array of `count` elements that `fill` initializes, every one of them.
  private static func filledArray<T: BitwiseCopyable>(
    of type: T.Type, count: Int, fill: (UnsafeMutableBufferPointer<T>) -> Void
  ) -> [T] {
    [T](unsafeUninitializedCapacity: count) { storage, initialized in
      fill(storage)
      initialized = count
    }
  }
}
