import NewsCore

/// What narrows the listing beyond its query: one story's articles (a story opened from the stories
/// view). A period chosen on the timeline is a `date:` term of the query instead (`Listing.periodTerm`).
///
/// It is applied after the query and the reading filter, so they still narrow inside it.
public struct ListingRestriction: Sendable, Hashable {
  /// Only these articles (indices into the catalog), nil for any.
  public var articles: Set<Int>?

  public init(articles: Set<Int>? = nil) {
    self.articles = articles
  }

  public var isEmpty: Bool { articles == nil }

  /// The articles of `indices` (kept in order) that pass.
  func apply(to indices: [Int], in catalog: ArticleCatalog) -> [Int] {
    if isEmpty { return indices }
    guard let articles else { return indices }
    return indices.filter { articles.contains($0) }
  }
}

extension Listing {
  /// Replaces the restriction and relists, keeping the selected article when it is still listed.
  public mutating func restrict(_ newRestriction: ListingRestriction) {
    guard newRestriction != restriction else { return }
    restriction = newRestriction
    apply(catalog.select(query, context: queryEnvironment.context, order: sort))
  }
}
