import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The articles a query matched, in the requested order, and which matched only through related coverage.
public struct QueryResult: Sendable, Equatable {
  /// Indices into the catalog's `articles`.
  public var indices: [Int]
  /// Those of `indices` that would not match if related items were ignored: the list marks them
  /// "in related coverage".
  public var relatedOnly: Set<Int>

  public init(indices: [Int], relatedOnly: Set<Int>) {
    self.indices = indices
    self.relatedOnly = relatedOnly
  }
}

/// Per-article numbers the query terms compare, one flat array each so a scan touches no `Article`.
struct QueryColumns: Sendable {
  /// Seconds since 1970, NaN when the article has no date we could read.
  let dates: [Double]
  /// `Int.min` when the article has no value.
  let quality: [Int]
  let heat: [Int]
  let relatedCounts: [Int32]

  init(articles: [Article]) {
    dates = articles.map { $0.item.publishedDateTime?.secondsSince1970 ?? .nan }
    quality = articles.map { $0.item.quality ?? Int.min }
    heat = articles.map { $0.item.heat ?? Int.min }
    relatedCounts = articles.map { Int32(clamping: $0.related.count) }
  }

  /// The columns of `articles`, made by a change from `old`'s (see `CatalogTables.init(changing:...)`): the
  /// kept articles' values copied in runs, the arrivals' read.
  init(articles: [Article], updating old: QueryColumns, sourceOf: [Int32]) {
    dates = old.dates.carried(sourceOf: sourceOf) {
      articles[$0].item.publishedDateTime?.secondsSince1970 ?? .nan
    }
    quality = old.quality.carried(sourceOf: sourceOf) { articles[$0].item.quality ?? Int.min }
    heat = old.heat.carried(sourceOf: sourceOf) { articles[$0].item.heat ?? Int.min }
    relatedCounts = old.relatedCounts.carried(sourceOf: sourceOf) {
      Int32(clamping: articles[$0].related.count)
    }
  }
}

extension ArticleCatalog {
  /// The articles matching `query`, in `order`; `context` gives the clock, time zone and reading state.
  ///
  /// Terms are evaluated over sets of candidates: the parts of an `and` each test only what the earlier
  /// parts let through (cheap terms first), the parts of an `or` only what the earlier parts did not match.
  ///
  /// `previous` (the query listed before and what it matched, any order) is used when `query` narrows it
  /// (`Query.narrows(_:)`, as a word typed on does): only those articles are examined, which keeps a
  /// growing query fast. Otherwise every article is.
  public func select(
    _ query: Query, context: QueryContext, order: SortOrder, narrowing previous: (Query, [Int])? = nil
  ) -> QueryResult {
    let evaluator = QueryEvaluator(catalog: self, context: context)
    var candidates: ArticleBits
    if let (previousQuery, matches) = previous, query.narrows(previousQuery) {
      candidates = ArticleBits(count: articles.count, filled: false)
      for index in matches where index >= 0 && index < articles.count { candidates.insert(index) }
    } else {
      candidates = ArticleBits(count: articles.count, filled: true)
    }
    let matched = evaluator.evaluate(query.expression, within: candidates, ownOnly: false)
    var relatedOnly = Set<Int>()
    if QueryEvaluator.hasTextTerm(query.expression) {
      // The same query with every word and phrase confined to the article's own fields, over the matches.
      var related = matched
      related.subtract(evaluator.evaluate(query.expression, within: matched, ownOnly: true))
      relatedOnly = Set(related.indices)
    }
    return QueryResult(indices: sorted(matched.indices, by: order), relatedOnly: relatedOnly)
  }
}

/// Evaluates one query over one catalog.
struct QueryEvaluator {
  let catalog: ArticleCatalog
  let context: QueryContext
  /// What the first pass learnt about each word: the articles it looked at and those having the word in
  /// their own fields, so the own-fields pass over the matches rarely reads text again.
  private let ownHits = OwnHits()

  final class OwnHits {
    var byWord: [[UInt8]: (scanned: ArticleBits, own: ArticleBits)] = [:]
  }

  static func hasTextTerm(_ expression: QueryExpression) -> Bool {
    switch expression {
    case .all: false
    case .term(.word), .term(.phrase): true
    case .term: false
    case .not(let inner): hasTextTerm(inner)
    case .and(let parts), .or(let parts): parts.contains(where: hasTextTerm)
    }
  }

  /// The members of `candidates` matching `expression`; with `ownOnly`, words and phrases are looked for
  /// in the article's own fields only.
  func evaluate(_ expression: QueryExpression, within candidates: ArticleBits, ownOnly: Bool) -> ArticleBits {
    switch expression {
    case .all:
      return candidates
    case .not(let inner):
      var result = candidates
      result.subtract(evaluate(inner, within: candidates, ownOnly: ownOnly))
      return result
    case .and(let parts):
      var result = candidates
      for part in parts.sorted(by: { Self.cost($0) < Self.cost($1) }) {
        if result.isEmpty { break }
        result = evaluate(part, within: result, ownOnly: ownOnly)
      }
      return result
    case .or(let parts):
      var result = ArticleBits(count: candidates.count, filled: false)
      var remaining = candidates
      for part in parts.sorted(by: { Self.cost($0) < Self.cost($1) }) {
        if remaining.isEmpty { break }
        let matched = evaluate(part, within: remaining, ownOnly: ownOnly)
        result.formUnion(matched)
        remaining.subtract(matched)
      }
      return result
    case .term(let term):
      return evaluate(term, within: candidates, ownOnly: ownOnly)
    }
  }

  /// A rough per-article cost, so an `and` tests cheap terms first and text last.
  private static func cost(_ expression: QueryExpression) -> Int {
    switch expression {
    case .all: 0
    case .term(.word), .term(.phrase): 10
    case .term(.field(.title, _)): 8
    case .term(.field(.url, _)): 12
    case .term(.titleRegex): 50
    case .term(.state): 3
    case .term: 1
    case .not(let inner): cost(inner)
    case .and(let parts), .or(let parts): parts.reduce(0) { $0 + cost($1) }
    }
  }

  private func evaluate(_ term: QueryTerm, within candidates: ArticleBits, ownOnly: Bool) -> ArticleBits {
    // A local, so the scans' closures capture the catalog rather than this evaluator and its cache.
    let catalog = catalog
    switch term {
    case .word(let words), .phrase(let words):
      return self.text(words, within: candidates, region: ownOnly ? .own : .everything)
    case .field(.title, let pattern):
      return self.text(pattern.text, within: candidates, region: .title)
    case .field(.url, let pattern):
      let segments = QueryEvaluator.segments(pattern, fold: false)
      return candidates.filter(parallel: true) { index in
        let item = catalog.articles[index].item
        return [item.originalUrl, item.webUrl].contains { url in
          url.map { QueryEvaluator.containsInOrder(segments, in: Array($0.lowercased().utf8)) } ?? false
        }
      }
    case .field(.topic, let pattern):
      let marks = QueryEvaluator.marks(pattern, names: catalog.topicFoldedNames)
      return catalog.topicStarts.withUnsafeBufferPointer { starts in
        catalog.articleTopics.withUnsafeBufferPointer { topics in
          nonisolated(unsafe) let starts = starts
          nonisolated(unsafe) let topics = topics
          return candidates.filter(parallel: true) { index in
            (Int(starts[index])..<Int(starts[index + 1])).contains { marks[Int(topics[$0])] }
          }
        }
      }
    case .field(let field, let pattern):
      let (ids, names): ([Int32], [[UInt8]])
      switch field {
      case .provider: (ids, names) = (catalog.providerIDs, catalog.providerNames)
      case .domain: (ids, names) = (catalog.domainIDs, catalog.domainNames)
      case .category: (ids, names) = (catalog.categoryIDs, catalog.categoryNames)
      default: (ids, names) = (catalog.typeIDs, catalog.typeNames)
      }
      let marks = QueryEvaluator.marks(pattern, names: names)
      return candidates.filter(parallel: true) { index in ids[index] >= 0 && marks[Int(ids[index])] }
    case .titleRegex(let pattern):
      guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
        return ArticleBits(count: candidates.count, filled: false)
      }
      return candidates.filter(parallel: true) { index in
        guard let title = catalog.articles[index].item.title else { return false }
        let range = NSRange(title.startIndex..<title.endIndex, in: title)
        return regex.firstMatch(in: title, range: range) != nil
      }
    case .state(let state):
      let lookup = context.readingState
      return candidates.filter(parallel: false) { index in
        let flags = lookup.readingState(of: catalog.articles[index], at: index)
        switch state {
        case .unread: return !flags.contains(.read)
        case .read: return flags.contains(.read)
        case .starred: return flags.contains(.starred)
        case .new: return flags.contains(.new)
        }
      }
    case .date(let range):
      let (start, end) = context.interval(range)
      let dates = catalog.columns.dates
      return candidates.filter(parallel: true) { index in dates[index] >= start && dates[index] < end }
    case .age(let isNewer, let duration):
      let bound = context.now - duration.seconds
      let dates = catalog.columns.dates
      return candidates.filter(parallel: true) { index in
        isNewer ? dates[index] >= bound : dates[index] < bound
      }
    case .number(let field, let comparison, let bound):
      let columns = catalog.columns
      return candidates.filter(parallel: true) { index in
        let value: Int
        switch field {
        case .quality: value = columns.quality[index]
        case .heat: value = columns.heat[index]
        case .related: value = Int(columns.relatedCounts[index])
        }
        return value != Int.min && comparison.holds(value, bound)
      }
    }
  }

  /// Which part of an article's search text a word is looked for in.
  enum Region {
    /// Own fields and related coverage.
    case everything
    /// Title, excerpt, provider name and domain, topics.
    case own
    case title
  }

  private func text(_ text: String, within candidates: ArticleBits, region: Region) -> ArticleBits {
    var folder = TextFolder()
    let folded = folder.fold(text)
    if folded.isEmpty { return candidates }
    switch region {
    case .everything:
      let (found, own) = scan(folded, within: candidates, region: .everything)
      ownHits.byWord[folded] = (candidates, own)
      return found
    case .own:
      guard let known = ownHits.byWord[folded] else {
        return scan(folded, within: candidates, region: .own).0
      }
      var result = known.own
      result.formIntersection(candidates)
      var unseen = candidates
      unseen.subtract(known.scanned)
      if !unseen.isEmpty { result.formUnion(scan(folded, within: unseen, region: .own).0) }
      return result
    case .title:
      return scan(folded, within: candidates, region: .title).0
    }
  }

  /// The candidates having `folded` in `region` (`.everything`: own fields or related coverage), and those
  /// having it in `region` within their own fields.
  ///
  /// The catalog's token index, when built, answers a word without reading text or leaves fewer articles
  /// to read (`TokenIndex.lookup`); `consultsIndex` false reads the candidates as given.
  private func scan(
    _ folded: [UInt8], within candidates: ArticleBits, region: Region, consultsIndex: Bool = true
  ) -> (ArticleBits, ArticleBits) {
    var candidates = candidates
    if consultsIndex, let index = catalog.tokenIndex {
      switch index.lookup(folded, within: candidates, region: region) {
      case .answered(let any, let own): return (any, own)
      case .narrowed(let fewer): candidates = fewer
      case .narrowedByRegion(let own, let related):
        // Own fields where the words all are there; then, for the rest, related coverage (own fields are
        // read again there, a quarter of an article's text, so one scan serves both).
        let ownFound = scan(folded, within: own, region: .own, consultsIndex: false).1
        var rest = related
        rest.subtract(ownFound)
        var (any, alsoOwn) = scan(folded, within: rest, region: .everything, consultsIndex: false)
        any.formUnion(ownFound)
        alsoOwn.formUnion(ownFound)
        return (any, alsoOwn)
      case .unhelpful: break
      }
    }
    let word = SearchWord(folded, byteFrequencies: catalog.text.byteFrequencies)
    let search = TextScan(
      text: catalog.text, word: word, pairs: SearchText.pairRequirements(folded), region: region)
    let (any, own) = candidates.split(parallel: true) { index in search.classify(index) }
    return (any, own)
  }

  // MARK: Patterns

  /// The pattern's literal pieces between `*` wildcards (one piece when quoted or without a star).
  static func segments(_ pattern: QueryPattern, fold: Bool) -> [[UInt8]] {
    var folder = TextFolder()
    let bytes = fold ? folder.fold(pattern.text) : Array(pattern.text.lowercased().utf8)
    guard pattern.hasWildcard else { return [bytes] }
    return bytes.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
  }

  /// Marks of the folded `names` the pattern matches whole (a `*` stands for any run).
  static func marks(_ pattern: QueryPattern, names: [[UInt8]]) -> [Bool] {
    let segments = segments(pattern, fold: true)
    return names.map { matchesWhole(segments, $0) }
  }

  /// Whether `name` is `segments` joined by any runs: the first piece starts it, the last ends it.
  static func matchesWhole(_ segments: [[UInt8]], _ name: [UInt8]) -> Bool {
    if segments.count == 1 { return segments[0] == name }
    guard let first = segments.first, let last = segments.last, name.count >= first.count + last.count,
      name.starts(with: first), name.suffix(last.count).elementsEqual(last)
    else { return false }
    return containsInOrder(
      Array(segments.dropFirst().dropLast()), in: Array(name[first.count..<(name.count - last.count)]))
  }

  /// Whether the pieces occur in `text` one after another, in order, anywhere.
  static func containsInOrder(_ segments: [[UInt8]], in text: [UInt8]) -> Bool {
    var position = 0
    for segment in segments where !segment.isEmpty {
      guard let found = firstRange(of: segment, in: text, from: position) else { return false }
      position = found
    }
    return true
  }

  /// The end of the first occurrence of `needle` in `text` at or after `from`.
  private static func firstRange(of needle: [UInt8], in text: [UInt8], from: Int) -> Int? {
    guard needle.count <= text.count - from else { return nil }
    for start in from...(text.count - needle.count) where text[start] == needle[0] {
      if text[start..<(start + needle.count)].elementsEqual(needle) { return start + needle.count }
    }
    return nil
  }
}

/// One word looked for in the search text: masks first, then the text itself, own fields before related.
struct TextScan: @unchecked Sendable {
  // The buffers are the catalog's, alive as long as the catalog; read only.
  let text: SearchText
  let word: SearchWord
  let pairs: [(Int, UInt64)]
  let region: QueryEvaluator.Region

  /// 0: not found; 1: found in related coverage only; 3: found in the article's own fields (in `region`).
  @inline(__always)
  func classify(_ index: Int) -> UInt8 {
    text.masks.withUnsafeBufferPointer { masks in
      let slot = index &* 4
      if masks[slot] & word.mask.0 != word.mask.0 || masks[slot &+ 1] & word.mask.1 != word.mask.1
        || masks[slot &+ 2] & word.mask.2 != word.mask.2 || masks[slot &+ 3] & word.mask.3 != word.mask.3
      {
        return 0
      }
      return text.pairMasks.withUnsafeBufferPointer { pairMasks in
        let pairSlot = index &* SearchText.pairWords
        for (offset, bits) in pairs where pairMasks[pairSlot &+ offset] & bits != bits { return 0 }
        let start = Int(text.starts[index])
        let ownEnd = Int(region == .title ? text.titleEnds[index] : text.ownEnds[index])
        if find(start, ownEnd) { return 3 }
        if region != .everything { return 0 }
        return find(Int(text.ownEnds[index]), Int(text.starts[index &+ 1])) ? 1 : 0
      }
    }
  }

  @inline(__always)
  private func find(_ start: Int, _ end: Int) -> Bool {
    if end <= start { return false }
    return text.bytes.withUnsafeBufferPointer { bytes in
      word.bytes.withUnsafeBufferPointer { needle in
        if needle.count == 1 {
          return memchr(bytes.baseAddress! + start, Int32(needle[0]), end - start) != nil
        }
        return SearchText.contains(
          needle, anchor: word.anchor, secondAnchor: word.secondAnchor, in: bytes, from: start, to: end)
      }
    }
  }
}
