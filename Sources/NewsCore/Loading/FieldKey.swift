/// The record fields the model knows, matched on a key's bytes without making a String.
enum FieldKey: Int, CaseIterable {
  case title, excerpt, category, type, publishedDateTime, originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl
  case quality, heat, published, provider, topics, images, related, secured
  // Inside provider and images.
  case name, domain, url, width, height, isCached

  /// The key's spelling in records.
  var spelling: StaticString {
    switch self {
    case .title: "title"
    case .excerpt: "excerpt"
    case .category: "category"
    case .type: "type"
    case .publishedDateTime: "publishedDateTime"
    case .originalUrl: "originalUrl"
    case .webUrl: "webUrl"
    case .ampWebUrl: "ampWebUrl"
    case .cdnAmpWebUrl: "cdnAmpWebUrl"
    case .quality: "quality"
    case .heat: "heat"
    case .published: "published"
    case .provider: "provider"
    case .topics: "topics"
    case .images: "images"
    case .related: "related"
    case .secured: "secured"
    case .name: "name"
    case .domain: "domain"
    case .url: "url"
    case .width: "width"
    case .height: "height"
    case .isCached: "isCached"
    }
  }

  var bit: UInt32 { 1 << UInt32(rawValue) }

  /// Keys grouped by their first byte and size, so a lookup compares at most a couple of spellings.
  private static let table: [[FieldKey]] = {
    var table = Array(repeating: [FieldKey](), count: 128)
    for key in FieldKey.allCases { table[Int(key.spelling.utf8Start[0])].append(key) }
    return table
  }()

  /// The known key spelled by `bytes`, if any.
  static func match(_ bytes: UnsafeBufferPointer<UInt8>) -> FieldKey? {
    guard let first = bytes.first, first < 128 else { return nil }
    for key in table[Int(first)] {
      let spelling = key.spelling
      guard spelling.utf8CodeUnitCount == bytes.count else { continue }
      if memcmpEqual(spelling.utf8Start, bytes.baseAddress!, bytes.count) { return key }
    }
    return nil
  }

  private static func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool
  {
    for index in 0..<count where a[index] != b[index] { return false }
    return true
  }
}
