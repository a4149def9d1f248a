/// What narrows the article list; an empty filter lets every article through.
public struct ArticleFilter: Sendable, Hashable {
  /// Articles having any of these topics match (case-insensitive); empty means no topic filter.
  public var topics: Set<String>
  /// Case-insensitive category, or nil for any.
  public var category: String?
  /// Case-insensitive provider name, or nil for any.
  public var provider: String?
  /// Words that must all appear (case- and diacritic-insensitive) in title, excerpt, provider or topics.
  public var search: String

  public init(topics: Set<String> = [], category: String? = nil, provider: String? = nil, search: String = "")
  {
    self.topics = topics
    self.category = category
    self.provider = provider
    self.search = search
  }
}
