/// An image a record or provider refers to.
public struct ImageRef: Sendable, Hashable {
  public var url: String?
  public var width: Int?
  public var height: Int?
  public var isCached: Bool?

  public init(url: String? = nil, width: Int? = nil, height: Int? = nil, isCached: Bool? = nil) {
    self.url = url
    self.width = width
    self.height = height
    self.isCached = isCached
  }
}

/// The outlet that published a story.
public struct Provider: Sendable, Hashable {
  public var name: String?
  public var domain: String?
  public var images: [ImageRef]

  public init(name: String? = nil, domain: String? = nil, images: [ImageRef] = []) {
    self.name = name
    self.domain = domain
    self.images = images
  }
}

/// A field of a record that the model does not know, kept as sanitized text for display.
public struct ExtraField: Sendable, Hashable {
  public var key: String
  public var value: String

  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

/// The fields a story has, shared by an article and each item of its related coverage.
public struct NewsItem: Sendable, Hashable {
  public var title: String?
  public var excerpt: String?
  public var category: String?
  public var type: String?
  public var publishedDateTime: NewsDate?
  public var originalUrl: String?
  public var webUrl: String?
  public var ampWebUrl: String?
  public var cdnAmpWebUrl: String?
  public var quality: Int?
  public var heat: Int?
  public var published: Bool?
  public var provider: Provider?
  public var topics: [String]
  public var images: [ImageRef]
  /// Fields the model does not know, in the order the record gave them.
  public var extraFields: [ExtraField]

  public init(
    title: String? = nil, excerpt: String? = nil, category: String? = nil, type: String? = nil,
    publishedDateTime: NewsDate? = nil, originalUrl: String? = nil, webUrl: String? = nil,
    ampWebUrl: String? = nil, cdnAmpWebUrl: String? = nil, quality: Int? = nil, heat: Int? = nil,
    published: Bool? = nil, provider: Provider? = nil, topics: [String] = [], images: [ImageRef] = [],
    extraFields: [ExtraField] = []
  ) {
    self.title = title
    self.excerpt = excerpt
    self.category = category
    self.type = type
    self.publishedDateTime = publishedDateTime
    self.originalUrl = originalUrl
    self.webUrl = webUrl
    self.ampWebUrl = ampWebUrl
    self.cdnAmpWebUrl = cdnAmpWebUrl
    self.quality = quality
    self.heat = heat
    self.published = published
    self.provider = provider
    self.topics = topics
    self.images = images
    self.extraFields = extraFields
  }
}

/// One item of an article's related coverage: the same story from another outlet.
public typealias RelatedItem = NewsItem
