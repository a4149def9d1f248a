import NewsCore

/// A field the provider, domain and category pickers list the values of.
public enum Facet: String, Sendable, Hashable, CaseIterable {
  case provider, domain, category

  /// The query field its terms are written in.
  public var field: QueryField {
    switch self {
    case .provider: .provider
    case .domain: .domain
    case .category: .category
    }
  }

  /// The value of this field in `article`, nil when it has none.
  func value(of article: Article) -> String? {
    let value: String?
    switch self {
    case .provider: value = article.item.provider?.name
    case .domain: value = article.item.provider?.domain
    case .category: value = article.item.category
    }
    return value.flatMap { $0.isEmpty ? nil : $0 }
  }
}

/// One row of a facet picker: a value, how many listed articles have it, whether the query requires it.
public struct FacetRow: Sendable, Hashable {
  public var value: String
  public var count: Int
  public var isActive: Bool

  public init(value: String, count: Int, isActive: Bool) {
    self.value = value
    self.count = count
    self.isActive = isActive
  }
}

/// The values of one facet over the catalog (most frequent first), and their live counts among the listed
/// articles: the names are gathered once when the picker opens, the counts again whenever the list changes.
public struct FacetPicker: Sendable, Equatable {
  public var facet: Facet
  /// Distinct values (compared folded, shown as first met), most frequent in the catalog first.
  public var values: [String]
  /// Per value of `values`, the listed articles having it.
  public var counts: [Int]
  /// Per article of the catalog, its value's position in `values` (-1 for none), so counting is one pass.
  var valueOfArticle: [Int32]

  /// Gathers `facet`'s values over `listing.catalog` and counts them among the listed articles.
  public init(_ facet: Facet, listing: Listing) {
    self.facet = facet
    var positions: [String: Int] = [:]
    var names: [String] = []
    var frequencies: [Int] = []
    var valueOfArticle = [Int32](repeating: -1, count: listing.catalog.articles.count)
    for (index, article) in listing.catalog.articles.enumerated() {
      guard let value = facet.value(of: article) else { continue }
      let key = ArticleCatalog.fold(value)
      let position: Int
      if let known = positions[key] {
        position = known
      } else {
        position = names.count
        positions[key] = position
        names.append(value)
        frequencies.append(0)
      }
      frequencies[position] += 1
      valueOfArticle[index] = Int32(position)
    }
    let order = names.indices.sorted {
      frequencies[$0] != frequencies[$1] ? frequencies[$0] > frequencies[$1] : names[$0] < names[$1]
    }
    var renumbered = [Int32](repeating: 0, count: names.count)
    for (newPosition, old) in order.enumerated() { renumbered[old] = Int32(newPosition) }
    self.values = order.map { names[$0] }
    self.valueOfArticle = valueOfArticle.map { $0 < 0 ? -1 : renumbered[Int($0)] }
    self.counts = []
    refresh(listing)
  }

  /// Counts the values among the listed articles again.
  public mutating func refresh(_ listing: Listing) {
    var counts = [Int](repeating: 0, count: values.count)
    for index in listing.visible where index < valueOfArticle.count {
      let position = valueOfArticle[index]
      if position >= 0 { counts[Int(position)] += 1 }
    }
    self.counts = counts
  }

  /// The rows, with whether the query requires each value now.
  public func rows(_ listing: Listing) -> [FacetRow] {
    let active = Set(QueryText.requiredValues(facet.field, in: listing.query).map(ArticleCatalog.fold))
    return values.enumerated().map { position, value in
      FacetRow(value: value, count: counts[position], isActive: active.contains(ArticleCatalog.fold(value)))
    }
  }
}

extension Listing {
  /// Adds `field:"value"` to the query, or takes it out when the query requires it already.
  public mutating func toggle(_ facet: Facet, _ value: String) {
    let active = QueryText.requiredValues(facet.field, in: query)
    setQuery(QueryText.toggling(facet.field, value, in: queryText, active: active))
  }
}
