import Dispatch
import Synchronization

/// A buffer handed to the hashing threads, each of which writes only its own entries.
private struct UncheckedSendable: @unchecked Sendable {
  let value: UnsafeMutableBufferPointer<UInt64>
  init(_ value: UnsafeMutableBufferPointer<UInt64>) { self.value = value }
}

/// A stable identifier for a story, derived from its members' ids so it is the same on every run.
public struct StoryID: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  public static func < (lhs: StoryID, rhs: StoryID) -> Bool { lhs.rawValue < rhs.rawValue }

  /// `s` and 14 hex digits of the hash of the member ids, sorted, one per line: independent of load order.
  static func of(members: [Int], in articles: [Article]) -> StoryID {
    // A story of one (most of them) hashes its one id without building a joined string.
    if members.count == 1 {
      return StoryID(StableHash.tagged("s", StableHash.value(articles[members[0]].id.rawValue), digits: 14))
    }
    let joined = members.map { articles[$0].id.rawValue }.sorted().joined(separator: "\n")
    return StoryID(StableHash.tagged("s", StableHash.value(joined), digits: 14))
  }
}

/// One story: loaded articles that cover the same event, linked through their related coverage.
public struct Story: Sendable, Hashable, Identifiable {
  public var id: StoryID
  /// Indices into the articles the index was built from, ascending (load order).
  public var members: [Int]

  public init(id: StoryID, members: [Int]) {
    self.id = id
    self.members = members
  }
}

/// The loaded articles grouped into stories.
///
/// Two articles are in the same story when a link of one (its `originalUrl`, `webUrl` or `ampWebUrl`, or
/// the same field of one of its related items) is a link of the other, compared as `StoryURL` normalizes
/// them; the relation is closed transitively with a union-find. So an article whose related item names
/// another article's URL joins it, two articles naming the same related URL join, and an article with no
/// link shared with any other is a story of one.
public final class StoryIndex: Sendable {
  public let articles: [Article]
  /// Every story, ordered by its first member (load order).
  public let stories: [Story]
  /// For each article, the position of its story in `stories`.
  public let storyOfArticle: [Int32]
  /// Summaries already made, by story id and preferred languages: the stories view draws the same rows
  /// frame after frame, and a summary reads every member's languages and dates.
  let summaries = Mutex<[SummaryKey: StorySummary]>([:])

  struct SummaryKey: Hashable {
    var story: StoryID
    var languages: [String]
  }

  public init(articles: [Article]) {
    self.articles = articles
    var sets = DisjointSets(count: articles.count)
    StoryIndex.joinLinkedArticles(articles, into: &sets)

    var storyOfRoot = [Int32](repeating: -1, count: articles.count)
    var storyOfArticle = [Int32](repeating: 0, count: articles.count)
    var members: [[Int]] = []
    for index in articles.indices {
      let root = sets.root(of: index)
      if storyOfRoot[root] < 0 {
        storyOfRoot[root] = Int32(members.count)
        members.append([])
      }
      let story = Int(storyOfRoot[root])
      members[story].append(index)
      storyOfArticle[index] = Int32(story)
    }
    self.storyOfArticle = storyOfArticle
    self.stories = members.map { indices in
      Story(id: StoryID.of(members: indices, in: articles), members: indices)
    }
  }

  /// The story of the article at `index`.
  public func story(ofArticle index: Int) -> Story { stories[Int(storyOfArticle[index])] }

  /// Positions in `stories` of the stories having an article among `articles` (indices, in the order to
  /// show), each once, in the order of its first article there: a story shows when any of its articles
  /// is listed, where the first of them is.
  public func storyOrder(following articles: [Int]) -> [Int] {
    var seen = [Bool](repeating: false, count: stories.count)
    var order: [Int] = []
    for index in articles {
      let story = Int(storyOfArticle[index])
      if !seen[story] {
        seen[story] = true
        order.append(story)
      }
    }
    return order
  }

  /// The link in `slot` of the article at `index`: 0–2 the article's own `originalUrl`, `webUrl`,
  /// `ampWebUrl`, then three per related item. Fields are read in place: copying a `NewsItem` would retain
  /// every string it holds, which was most of the grouping's time.
  private static func link(_ articles: [Article], _ index: Int, slot: Int) -> String? {
    if slot < 3 {
      switch slot {
      case 0: return articles[index].item.originalUrl
      case 1: return articles[index].item.webUrl
      default: return articles[index].item.ampWebUrl
      }
    }
    return articles[index].related.text(relatedField(slot), of: slot / 3 - 1)
  }

  /// The field of a related item that link `slot` (3 or more) is.
  private static func relatedField(_ slot: Int) -> RelatedCoverage.Field {
    switch slot % 3 {
    case 0: .originalUrl
    case 1: .webUrl
    default: .ampWebUrl
    }
  }

  /// `StoryURL.hash` of the link in `slot`, a related item's read in place without making it a string.
  private static func linkHash(_ articles: [Article], _ index: Int, slot: Int) -> UInt64? {
    if slot < 3 { return link(articles, index, slot: slot).flatMap(StoryURL.hash) }
    return articles[index].related.withText(relatedField(slot), of: slot / 3 - 1) { bytes in
      bytes.flatMap { StoryURL.hash(bytes: $0) }
    }
  }

  /// Joins every two articles sharing a link. The first article seen with a link's hash is remembered with
  /// the slot it was in; a later hit is confirmed byte by byte, and a different link with the same hash
  /// (a collision) is looked up by its bytes instead, so grouping is exact.
  private static func joinLinkedArticles(_ articles: [Article], into sets: inout DisjointSets) {
    // The hashes first, on all cores: reading each link's bytes (one cache miss per string) is most of
    // the work and needs no shared state. Slot `s` of article `i` is at `starts[i] + s`; 0 is no link.
    var starts = [Int](repeating: 0, count: articles.count + 1)
    for index in articles.indices {
      starts[index + 1] = starts[index] + 3 * (articles[index].related.count + 1)
    }
    let slotStarts = starts
    var hashes = [UInt64](repeating: 0, count: starts[articles.count])
    let chunkCount = articles.count < 8_192 ? 1 : 4 * ProcessInfoLite.activeProcessorCount
    hashes.withUnsafeMutableBufferPointer { hashes in
      let output = UncheckedSendable(hashes)
      DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let range = (articles.count * chunk / chunkCount)..<(articles.count * (chunk + 1) / chunkCount)
        for index in range {
          for slot in 0..<(slotStarts[index + 1] - slotStarts[index]) {
            guard let hash = linkHash(articles, index, slot: slot) else { continue }
            output.value[slotStarts[index] + slot] = hash == 0 ? 1 : hash
          }
        }
      }
    }
    var firstByHash = LinkTable(capacity: hashes.count)
    var collided: [[UInt8]: Int] = [:]
    for index in articles.indices {
      for slot in 0..<(starts[index + 1] - starts[index]) {
        let hash = hashes[starts[index] + slot]
        guard hash != 0 else { continue }
        // The loader bounds a document to 100,000 nodes, so a slot stays far below 2^24.
        guard let packed = firstByHash.insertOrFind(hash, index << 24 | slot) else { continue }
        let other = packed >> 24
        guard other != index, let url = link(articles, index, slot: slot) else { continue }
        if let otherURL = link(articles, other, slot: packed & 0xFF_FFFF), StoryURL.same(url, otherURL) {
          sets.join(index, other)
        } else {
          let bytes = StoryURL.normalized(url)
          if let earlier = collided[bytes] {
            sets.join(index, earlier)
          } else {
            collided[bytes] = index
          }
        }
      }
    }
  }
}

/// An open-addressing table from a link's hash to the first article and slot seen with it: the hashes are
/// already well mixed, so they index the table directly (no second hashing, as `Dictionary` would do),
/// which halved the grouping's time at 100,000 records.
struct LinkTable {
  private var keys: [UInt64]
  /// -1 marks an empty entry.
  private var values: [Int]
  private let mask: Int

  init(capacity: Int) {
    var size = 16
    while size < 2 * max(1, capacity) { size <<= 1 }
    keys = [UInt64](repeating: 0, count: size)
    values = [Int](repeating: -1, count: size)
    mask = size - 1
  }

  /// The value stored for `key`, or nil after storing `value` for it. Never fuller than half: `capacity`
  /// must bound the keys inserted (the table grows if it does not).
  mutating func insertOrFind(_ key: UInt64, _ value: Int) -> Int? {
    // FNV-1a's low bits are weaker than its high ones: fold them in before masking.
    var position = Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0xbf58_476d_1ce4_e5b9 >> 32) & mask
    while values[position] >= 0 {
      if keys[position] == key { return values[position] }
      position = (position + 1) & mask
    }
    keys[position] = key
    values[position] = value
    count += 1
    if 2 * count > keys.count { grow() }
    return nil
  }

  private var count = 0

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    self = LinkTable(capacity: oldKeys.count)
    for position in oldKeys.indices where oldValues[position] >= 0 {
      _ = insertOrFind(oldKeys[position], oldValues[position])
    }
  }
}

/// Union-find over article indices with path halving and union by size.
struct DisjointSets {
  private var parent: [Int32]
  private var size: [Int32]

  init(count: Int) {
    parent = (0..<count).map { Int32($0) }
    size = [Int32](repeating: 1, count: count)
  }

  mutating func root(of element: Int) -> Int {
    var current = element
    while Int(parent[current]) != current {
      let grandparent = parent[Int(parent[current])]
      parent[current] = grandparent
      current = Int(grandparent)
    }
    return current
  }

  mutating func join(_ lhs: Int, _ rhs: Int) {
    var left = root(of: lhs)
    var right = root(of: rhs)
    if left == right { return }
    if size[left] < size[right] { swap(&left, &right) }
    parent[right] = Int32(left)
    size[left] += size[right]
  }
}

extension StoryIndex: Equatable {
  /// Indexes are immutable and built once per catalog: two are equal when they are the same index.
  public static func == (lhs: StoryIndex, rhs: StoryIndex) -> Bool { lhs === rhs }
}
