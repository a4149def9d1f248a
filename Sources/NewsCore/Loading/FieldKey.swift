/// The record fields the model knows, matched on a key's bytes without making a String.
///
/// Which mapping accepts which key is the table in `places`, not the order of the cases: a key outside its
/// mapping's place is an extra field there (a record or related item) or ignored (an image).
enum FieldKey: Int, CaseIterable {
  case title, excerpt, category, type, publishedDateTime, originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl
  case quality, heat, published, provider, topics, images, related, secured
  case name, domain, url, width, height, isCached

  /// The kinds of mapping a key can be a field of.
  struct Places: OptionSet {
    let rawValue: UInt8
    /// A record's top-level mapping.
    static let record = Places(rawValue: 1)
    /// One item of a record's `related` list.
    static let relatedItem = Places(rawValue: 2)
    /// A `provider` mapping.
    static let provider = Places(rawValue: 4)
    /// One item of an `images` list.
    static let image = Places(rawValue: 8)
    /// The fields a record and a related item share: both are a `NewsItem`.
    static let item: Places = [.record, .relatedItem]
  }

  /// The accepted-field table: where each key is a field (README, "Records"). The switch is exhaustive, so
  /// a new key does not compile until it has a row here.
  var places: Places {
    switch self {
    case .title, .excerpt, .category, .type, .publishedDateTime, .originalUrl, .webUrl, .ampWebUrl,
      .cdnAmpWebUrl, .quality, .heat, .published, .provider, .topics:
      .item
    case .images: [.item, .provider]
    // A related item has no related coverage or blob of its own: there they are extra fields.
    case .related, .secured: .record
    case .name, .domain: .provider
    case .url, .width, .height, .isCached: .image
    }
  }

  /// The key spelled by `bytes` when it is a field of a mapping at `place`, else nil.
  static func match(_ bytes: UnsafeBufferPointer<UInt8>, in place: Places) -> FieldKey? {
    guard let key = match(bytes), key.places.contains(place) else { return nil }
    return key
  }

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

/// A set of field keys in one word: which fields a mapping has given, to warn about a duplicate and to let
/// an explicit field win over a merged one. A test checks that every key fits (at most 64).
struct FieldSet: Equatable {
  private var bits: UInt64 = 0

  func contains(_ key: FieldKey) -> Bool { bits & Self.bit(key) != 0 }

  mutating func insert(_ key: FieldKey) { bits |= Self.bit(key) }

  /// Keys in either set.
  func union(_ other: FieldSet) -> FieldSet { FieldSet(bits: bits | other.bits) }

  private static func bit(_ key: FieldKey) -> UInt64 {
    // A 65th key would shift the bit out (to 0) and never count as given; FieldSetTests catch it first.
    assert(key.rawValue < UInt64.bitWidth)
    return 1 << UInt64(key.rawValue)
  }
}
