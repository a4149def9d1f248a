/// A stable identifier for a story, derived from its members' ids so it is the same on every run.
public struct StoryID: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  public static func < (lhs: StoryID, rhs: StoryID) -> Bool { lhs.rawValue < rhs.rawValue }

  /// `s` and 14 hex digits of the hash of the member ids, sorted, one per line: independent of load order.
  static func of(members: [ArticleID]) -> StoryID {
    let joined = members.map(\.rawValue).sorted().joined(separator: "\n")
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
      Story(id: StoryID.of(members: indices.map { articles[$0].id }), members: indices)
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

  /// The links of one article, each with its slot: 0–2 the article's own fields, then three per related
  /// item.
  private static func link(_ article: Article, slot: Int) -> String? {
    let item = slot < 3 ? article.item : article.related[slot / 3 - 1]
    switch slot % 3 {
    case 0: return item.originalUrl
    case 1: return item.webUrl
    default: return item.ampWebUrl
    }
  }

  /// Joins every two articles sharing a link. The first article seen with a link's hash is remembered with
  /// the slot it was in; a later hit is confirmed byte by byte, and a different link with the same hash
  /// (a collision) is looked up by its bytes instead, so grouping is exact.
  private static func joinLinkedArticles(_ articles: [Article], into sets: inout DisjointSets) {
    var firstByHash: [UInt64: Int] = [:]
    firstByHash.reserveCapacity(articles.count * 4)
    var collided: [[UInt8]: Int] = [:]
    for index in articles.indices {
      let slots = 3 * (articles[index].related.count + 1)
      for slot in 0..<slots {
        guard let url = link(articles[index], slot: slot), let hash = StoryURL.hash(url) else { continue }
        guard let packed = firstByHash[hash] else {
          // The loader bounds a document to 100,000 nodes, so a slot stays far below 2^24.
          firstByHash[hash] = index << 24 | slot
          continue
        }
        let other = packed >> 24
        if other == index { continue }
        let otherSlot = packed & 0xFF_FFFF
        if let otherURL = link(articles[other], slot: otherSlot), StoryURL.same(url, otherURL) {
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
