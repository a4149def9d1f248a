import NewsCore

/// What narrows the listing beyond its query: one story's articles (a story opened from the stories
/// view) and a date window (a bar chosen on the timeline).
///
/// It is applied after the query and the reading filter, so they still narrow inside it.
public struct ListingRestriction: Sendable, Hashable {
  /// Only these articles (indices into the catalog), nil for any.
  public var articles: Set<Int>?
  /// Only articles dated in this window (seconds since 1970, half-open), nil for any; an undated article
  /// is outside every window.
  public var dates: Range<Double>?

  public init(articles: Set<Int>? = nil, dates: Range<Double>? = nil) {
    self.articles = articles
    self.dates = dates
  }

  public var isEmpty: Bool { articles == nil && dates == nil }

  /// The articles of `indices` (kept in order) that pass.
  func apply(to indices: [Int], in catalog: ArticleCatalog) -> [Int] {
    if isEmpty { return indices }
    return indices.filter { index in
      if let articles, !articles.contains(index) { return false }
      if let dates {
        guard let seconds = catalog.articles[index].item.publishedDateTime?.secondsSince1970,
          dates.contains(seconds)
        else { return false }
      }
      return true
    }
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
