/// The orders the article list can be sorted in; `next` cycles through them in this order.
public enum SortOrder: String, CaseIterable, Sendable, Hashable {
  case newest, oldest, quality, heat, provider, title

  /// The order after this one, wrapping around.
  public var next: SortOrder {
    let all = SortOrder.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }
}
