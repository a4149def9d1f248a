// How the record model is written into an index and read back. Every field of `Article`, `NewsItem`,
// `Provider`, `ImageRef`, `ExtraField` and `Diagnostic` is here: `IndexCodecTests` round-trips a record with
// every field set, so a field added to the model and forgotten here fails that test.

extension IndexEncoder {
  mutating func article(_ article: Article) {
    string(article.id.rawValue)
    string(article.source.path)
    string(article.source.relativePath)
    unsigned(article.source.documentIndex)
    unsigned(article.source.line)
    if let bytes = article.source.pathBytes {
      byte(1)
      raw(bytes)
    } else {
      byte(0)
    }
    item(article.item)
    // The related coverage as its packed text: one string of the table, made as it is on reading.
    string(article.related.isEmpty ? nil : article.related.packed)
    if let secured = article.secured {
      unsigned(UInt64(secured.byteCount) + 1)
    } else {
      unsigned(0 as UInt64)
    }
    string(article.body)
  }

  private enum Presence {
    static let quality: UInt8 = 1
    static let heat: UInt8 = 2
    static let published: UInt8 = 4
    static let publishedValue: UInt8 = 8
    static let provider: UInt8 = 16
    static let dateSeconds: UInt8 = 32
    static let dateText: UInt8 = 64
  }

  mutating func item(_ item: NewsItem) {
    var flags: UInt8 = 0
    if item.quality != nil { flags |= Presence.quality }
    if item.heat != nil { flags |= Presence.heat }
    if let published = item.published {
      flags |= Presence.published
      if published { flags |= Presence.publishedValue }
    }
    if item.provider != nil { flags |= Presence.provider }
    if let date = item.publishedDateTime {
      if date.secondsSince1970 != nil { flags |= Presence.dateSeconds }
      if date.storedText != nil { flags |= Presence.dateText }
      // A date with neither seconds nor stored text is the empty text: kept as a stored empty string.
      if date.secondsSince1970 == nil && date.storedText == nil { flags |= Presence.dateText }
    }
    byte(flags)
    string(item.title)
    string(item.excerpt)
    string(item.category)
    string(item.type)
    if let date = item.publishedDateTime {
      if let seconds = date.secondsSince1970 { double(seconds) }
      if flags & Presence.dateText != 0 { string(date.storedText ?? "") }
    }
    string(item.originalUrl)
    string(item.webUrl)
    string(item.ampWebUrl)
    string(item.cdnAmpWebUrl)
    if let quality = item.quality { signed(Int64(quality)) }
    if let heat = item.heat { signed(Int64(heat)) }
    if let provider = item.provider {
      string(provider.name)
      string(provider.domain)
      images(provider.images)
    }
    unsigned(item.topics.count)
    for topic in item.topics { string(topic) }
    images(item.images)
    unsigned(item.extraFields.count)
    for field in item.extraFields {
      string(field.key)
      string(field.value)
    }
  }

  private mutating func images(_ images: [ImageRef]) {
    unsigned(images.count)
    for image in images {
      var flags: UInt8 = 0
      if image.width != nil { flags |= 1 }
      if image.height != nil { flags |= 2 }
      if let cached = image.isCached { flags |= cached ? 12 : 4 }
      byte(flags)
      string(image.url)
      if let width = image.width { signed(Int64(width)) }
      if let height = image.height { signed(Int64(height)) }
    }
  }

  mutating func diagnostic(_ diagnostic: Diagnostic) {
    string(diagnostic.path)
    unsigned(diagnostic.line)
    unsigned(diagnostic.column)
    switch diagnostic.severity {
    case .warning: byte(0)
    case .error: byte(1)
    case .note: byte(2)
    }
    string(diagnostic.message)
  }
}

extension IndexDecoder {
  mutating func article() throws(IndexCorruption) -> Article {
    let id = try requiredString()
    var source = RecordSource(
      path: try requiredString(), relativePath: try requiredString(), documentIndex: try count(atMost: .max),
      line: try count(atMost: .max))
    if try byte() == 1 { source.pathBytes = try raw() }
    let listing = projection == .listing
    let item = try self.item(listing: listing)
    var related = RelatedCoverage()
    if listing {
      try skipString()
    } else if let packed = try string() {
      guard let coverage = RelatedCoverage(packed: packed), !coverage.isEmpty else {
        throw IndexCorruption("a record's related coverage is damaged")
      }
      related = coverage
    }
    let securedPlusOne = try unsigned()
    guard securedPlusOne <= UInt64(Int.max) else { throw IndexCorruption("a size is out of range") }
    let secured = securedPlusOne == 0 ? nil : SecuredContent(byteCount: Int(securedPlusOne - 1))
    let body: String?
    if listing {
      try skipString()
      body = nil
    } else {
      body = try string()
    }
    return Article(
      id: ArticleID(id), source: source, item: item, related: related, secured: secured, body: body)
  }

  /// Reads past an item's topics, images and other fields, which end it.
  private mutating func skipItemLists() throws(IndexCorruption) {
    let topicCount = try count()
    for _ in 0..<topicCount { try skipString(required: true) }
    try skipImages()
    let extraCount = try count()
    for _ in 0..<extraCount {
      try skipString(required: true)
      try skipString(required: true)
    }
  }

  private mutating func skipImages() throws(IndexCorruption) {
    let imageCount = try count()
    for _ in 0..<imageCount {
      let flags = try byte()
      try skipString()
      if flags & 1 != 0 { _ = try int() }
      if flags & 2 != 0 { _ = try int() }
    }
  }

  /// An item; with `listing`, only what a listing prints and sorts by (`LoadIndex.Projection.listing`):
  /// the excerpt only where there is no title, no topics, images or other fields.
  mutating func item(listing: Bool = false) throws(IndexCorruption) -> NewsItem {
    let flags = try byte()
    var item = NewsItem()
    item.title = try string()
    if listing && item.title != nil {
      try skipString()
    } else {
      item.excerpt = try string()
    }
    item.category = try string()
    item.type = try string()
    if flags & (32 | 64) != 0 {
      let seconds = flags & 32 != 0 ? try double() : nil
      if let seconds, !DateParser.isInRange(seconds) { throw IndexCorruption("a date is out of range") }
      let text = flags & 64 != 0 ? try requiredString() : nil
      item.publishedDateTime = NewsDate(storedText: text, secondsSince1970: seconds)
    }
    item.originalUrl = try string()
    item.webUrl = try string()
    item.ampWebUrl = try string()
    item.cdnAmpWebUrl = try string()
    if flags & 1 != 0 { item.quality = try int() }
    if flags & 2 != 0 { item.heat = try int() }
    if flags & 4 != 0 { item.published = flags & 8 != 0 }
    if flags & 16 != 0 {
      let name = try string()
      let domain = try string()
      if listing {
        try skipImages()
        item.provider = Provider(name: name, domain: domain, images: [])
      } else {
        item.provider = Provider(name: name, domain: domain, images: try images())
      }
    }
    if listing {
      try skipItemLists()
      return item
    }
    let topicCount = try count()
    item.topics.reserveCapacity(topicCount)
    for _ in 0..<topicCount { item.topics.append(try requiredString()) }
    item.images = try images()
    let extraCount = try count()
    for _ in 0..<extraCount {
      item.extraFields.append(ExtraField(key: try requiredString(), value: try requiredString()))
    }
    return item
  }

  private mutating func images() throws(IndexCorruption) -> [ImageRef] {
    let imageCount = try count()
    var images: [ImageRef] = []
    images.reserveCapacity(imageCount)
    for _ in 0..<imageCount {
      let flags = try byte()
      var image = ImageRef(url: try string())
      if flags & 1 != 0 { image.width = try int() }
      if flags & 2 != 0 { image.height = try int() }
      if flags & 4 != 0 { image.isCached = flags & 8 != 0 }
      images.append(image)
    }
    return images
  }

  mutating func diagnostic() throws(IndexCorruption) -> Diagnostic {
    Diagnostic(
      path: try requiredString(), line: try count(atMost: .max), column: try count(atMost: .max),
      severity: try severity(), message: try requiredString())
  }

  private mutating func severity() throws(IndexCorruption) -> Diagnostic.Severity {
    switch try byte() {
    case 0: return .warning
    case 1: return .error
    case 2: return .note
    default: throw IndexCorruption("a diagnostic has an unknown severity")
    }
  }
}
