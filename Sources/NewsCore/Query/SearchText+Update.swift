extension SearchText {
  /// The text of `articles`, taken from `old` for every article whose `sourceOf` index (into the articles
  /// `old` was made of) is not -1, folded afresh for the others: a change of a few files folds a few
  /// articles and copies the rest, in runs.
  init(articles: [Article], updating old: SearchText, sourceOf: [Int32]) {
    let count = articles.count
    var bytes: [UInt8] = []
    bytes.reserveCapacity(old.bytes.count + 4_096)
    var starts: [Int32] = [0]
    starts.reserveCapacity(count + 1)
    var titleEnds: [Int32] = []
    titleEnds.reserveCapacity(count)
    var fieldEnds: [Int32] = []
    fieldEnds.reserveCapacity(count)
    var ownEnds: [Int32] = []
    ownEnds.reserveCapacity(count)
    var masks = [UInt64](repeating: 0, count: count * 4)
    var pairMasks = [UInt64](repeating: 0, count: count * SearchText.pairWords)
    var folder = TextFolder()
    var index = 0
    while index < count {
      var end = index + 1
      if sourceOf[index] >= 0 {
        // A run of articles kept in order: one copy of their bytes, offsets shifted.
        while end < count && sourceOf[end] == sourceOf[end - 1] + 1 { end += 1 }
        let first = Int(sourceOf[index])
        let last = first + (end - index)
        let shift = Int32(bytes.count) - old.starts[first]
        bytes.append(contentsOf: old.bytes[Int(old.starts[first])..<Int(old.starts[last])])
        starts += old.starts[(first + 1)...last].lazy.map { $0 + shift }
        titleEnds += old.titleEnds[first..<last].lazy.map { $0 + shift }
        fieldEnds += old.fieldEnds[first..<last].lazy.map { $0 + shift }
        ownEnds += old.ownEnds[first..<last].lazy.map { $0 + shift }
        masks.replaceSubrange(index * 4..<end * 4, with: old.masks[first * 4..<last * 4])
        let words = SearchText.pairWords
        pairMasks.replaceSubrange(
          index * words..<end * words, with: old.pairMasks[first * words..<last * words])
      } else {
        while end < count && sourceOf[end] < 0 { end += 1 }
        let part = masks.withUnsafeMutableBufferPointer { masks in
          pairMasks.withUnsafeMutableBufferPointer { pairMasks in
            Part(articles: articles, index..<end, folder: &folder, masks: masks, pairMasks: pairMasks)
          }
        }
        let offset = Int32(bytes.count)
        bytes.append(contentsOf: part.bytes)
        for end in part.ends { starts.append(end + offset) }
        for end in part.titleEnds { titleEnds.append(end + offset) }
        for end in part.fieldEnds { fieldEnds.append(end + offset) }
        for end in part.ownEnds { ownEnds.append(end + offset) }
      }
      index = end
    }
    bytes.append(contentsOf: repeatElement(0, count: SearchText.padding))
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
    self.init(
      bytes: bytes, starts: starts, titleEnds: titleEnds, fieldEnds: fieldEnds, ownEnds: ownEnds,
      masks: masks,
      pairMasks: pairMasks, byteFrequencies: frequencies)
  }
}
