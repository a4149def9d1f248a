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

  /// The only key that could be spelled with `count` bytes starting with `first`: no two keys share both.
  private static func candidate(count: Int, first: UInt8) -> FieldKey? {
    switch (count, first) {
    case (3, UInt8(ascii: "u")): .url
    case (4, UInt8(ascii: "t")): .type
    case (4, UInt8(ascii: "h")): .heat
    case (4, UInt8(ascii: "n")): .name
    case (5, UInt8(ascii: "t")): .title
    case (5, UInt8(ascii: "w")): .width
    case (6, UInt8(ascii: "w")): .webUrl
    case (6, UInt8(ascii: "t")): .topics
    case (6, UInt8(ascii: "i")): .images
    case (6, UInt8(ascii: "d")): .domain
    case (6, UInt8(ascii: "h")): .height
    case (7, UInt8(ascii: "e")): .excerpt
    case (7, UInt8(ascii: "q")): .quality
    case (7, UInt8(ascii: "r")): .related
    case (7, UInt8(ascii: "s")): .secured
    case (8, UInt8(ascii: "c")): .category
    case (8, UInt8(ascii: "p")): .provider
    case (8, UInt8(ascii: "i")): .isCached
    case (9, UInt8(ascii: "p")): .published
    case (9, UInt8(ascii: "a")): .ampWebUrl
    case (11, UInt8(ascii: "o")): .originalUrl
    case (12, UInt8(ascii: "c")): .cdnAmpWebUrl
    case (17, UInt8(ascii: "p")): .publishedDateTime
    default: nil
    }
  }

  /// The known key spelled by `bytes`, if any: one candidate by size and first byte, then one comparison
  /// (no table behind a lazy global, which cost a check and a retain per key; callgrind).
  static func match(_ bytes: UnsafeBufferPointer<UInt8>) -> FieldKey? {
    guard let base = bytes.baseAddress, bytes.count > 0,
      let key = candidate(count: bytes.count, first: base[0])
    else { return nil }
    let spelling = key.spelling.utf8Start
    for index in 1..<bytes.count where spelling[index] != base[index] { return nil }
    return key
  }
}
