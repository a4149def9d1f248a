/// What a query asks to see, for highlighting matches: its positive words and phrases, folded.
extension Query {
  /// The folded words and phrases (and `title:` values) that are not under a negation, in query order,
  /// without repeats. Wildcard values, regular expressions and names are not text to highlight.
  public var highlightTerms: [String] {
    var terms: [String] = []
    Self.collect(expression, negated: false, into: &terms)
    return terms
  }

  private static func collect(_ expression: QueryExpression, negated: Bool, into terms: inout [String]) {
    switch expression {
    case .all: return
    case .not(let inner): collect(inner, negated: !negated, into: &terms)
    case .and(let parts), .or(let parts): for part in parts { collect(part, negated: negated, into: &terms) }
    case .term(let term):
      guard !negated else { return }
      let text: String
      switch term {
      case .word(let value), .phrase(let value): text = value
      case .field(.title, let pattern): text = pattern.text
      default: return
      }
      let folded = ArticleCatalog.fold(text)
      if !folded.isEmpty && !terms.contains(folded) { terms.append(folded) }
    }
  }
}

/// Finds where folded terms occur in a display string, in whole characters, for highlighting.
public enum MatchHighlighter {
  /// The ranges of `text` (whole grapheme clusters, ascending, overlaps merged) where any of the folded
  /// `terms` occurs case- and diacritic-insensitively: `"creme"` finds `Crème`, `"e"` finds `e\u{301}`.
  public static func ranges(of terms: [String], in text: String) -> [Range<String.Index>] {
    let needles = terms.map { Array($0.utf8) }.filter { !$0.isEmpty }
    if needles.isEmpty || text.isEmpty { return [] }
    // Fold character by character (folding is per scalar, so the result equals folding the whole text)
    // and remember which character each folded byte came from.
    var folder = TextFolder()
    var folded: [UInt8] = []
    var owners: [Int] = []
    var indices: [String.Index] = []
    for (offset, index) in zip(0..., text.indices) {
      indices.append(index)
      let before = folded.count
      folder.append(String(text[index]), to: &folded)
      owners.append(contentsOf: repeatElement(offset, count: folded.count - before))
    }
    indices.append(text.endIndex)
    // Marked characters; a match covers every character one of its bytes came from.
    var marked = [Bool](repeating: false, count: indices.count - 1)
    for needle in needles where needle.count <= folded.count {
      for start in 0...(folded.count - needle.count) where folded[start] == needle[0] {
        if folded[start..<(start + needle.count)].elementsEqual(needle) {
          for position in owners[start]...owners[start + needle.count - 1] { marked[position] = true }
        }
      }
    }
    var ranges: [Range<String.Index>] = []
    var position = 0
    while position < marked.count {
      guard marked[position] else {
        position += 1
        continue
      }
      let start = position
      while position < marked.count && marked[position] { position += 1 }
      ranges.append(indices[start]..<indices[position])
    }
    return ranges
  }
}
