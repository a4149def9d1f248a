/// Which URLs the reader and `list` may open or copy: absolute `http` and `https` ones only, whatever a
/// record says; the one place this rule lives.
public enum URLPolicy {
  /// Whether `url` is an absolute http or https URL with a host and no whitespace or control characters,
  /// the only kind handed to a clipboard, a browser or `list`'s url column.
  public static func isOpenable(_ url: String) -> Bool {
    // `list` asks this of every URL of every article: an ASCII URL (nearly all) is decided on its bytes,
    // without a Unicode property lookup per scalar; anything else takes the general path.
    var url = url
    if let verdict = url.withUTF8(isOpenableASCII) { return verdict }
    return isOpenableGeneral(url)
  }

  /// The verdict of `isOpenableGeneral` for ASCII `bytes`, or nil when they are not all ASCII.
  ///
  /// For ASCII the general rules reduce to bytes: the control scalars are 0x00-0x1F and 0x7F, the white
  /// space ones 0x09-0x0D and 0x20, so every byte must be in 0x21-0x7E; with no CR among them each
  /// `Character` is one byte, and `lowercased()` changes only A-Z.
  static func isOpenableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var clean = true
    for byte in bytes {
      if byte >= 0x80 { return nil }
      if byte <= 0x20 || byte == 0x7F { clean = false }
    }
    guard clean else { return false }
    let schemeLength: Int
    if bytes.count > 8, hasPrefix(bytes, "https://") {
      schemeLength = 8
    } else if bytes.count > 7, hasPrefix(bytes, "http://") {
      schemeLength = 7
    } else {
      return false
    }
    let first = bytes[schemeLength]
    return first != UInt8(ascii: "/") && first != UInt8(ascii: "?") && first != UInt8(ascii: "#")
      && first != UInt8(ascii: ":") && first != UInt8(ascii: "@")
  }

  /// Whether `bytes` start with the lowercase ASCII `prefix`, ignoring the case of A-Z.
  private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
    let expected = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
    for (offset, byte) in expected.enumerated() {
      let actual = bytes[offset]
      if (actual &- 0x41 < 26 ? actual | 0x20 : actual) != byte { return false }
    }
    return true
  }

  /// The rule on any string, scalar by scalar (what `isOpenableASCII` must agree with).
  static func isOpenableGeneral(_ url: String) -> Bool {
    let rest: Substring
    if url.utf8.count > 8, url.prefix(8).lowercased() == "https://" {
      rest = url.dropFirst(8)
    } else if url.utf8.count > 7, url.prefix(7).lowercased() == "http://" {
      rest = url.dropFirst(7)
    } else {
      return false
    }
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard !host.isEmpty, host.first != ":", host.first != "@" else { return false }
    return !url.unicodeScalars.contains { scalar in
      scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
    }
  }

  /// `[title](url)` with brackets in the title escaped and parentheses in the URL percent-encoded, so the
  /// link survives any Markdown renderer.
  public static func markdown(title: String?, url: String) -> String {
    let text = (title?.isEmpty == false ? title! : url)
    var escaped = ""
    for character in text {
      if character == "[" || character == "]" || character == "\\" { escaped.append("\\") }
      escaped.append(character == "\n" ? " " : character)
    }
    var target = ""
    for character in url {
      switch character {
      case "(": target += "%28"
      case ")": target += "%29"
      default: target.append(character)
      }
    }
    return "[\(escaped)](\(target))"
  }
}

/// A URL field of a record, in the order a usable link is looked for.
public enum LinkField: String, Sendable, Hashable, CaseIterable {
  case originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl
}

/// The link chosen for a story and the field it came from, so the user can be told which one it was.
public struct OpenableLink: Sendable, Hashable {
  public var url: String
  public var field: LinkField

  public init(url: String, field: LinkField) {
    self.url = url
    self.field = field
  }

  /// The first openable one of a record's URLs, in `LinkField` order: `NewsItem.openableLink`, from the four
  /// fields. `list` passes them read in place; the property, called on a record in an array from another
  /// module, was handed a copy of the whole item (a retain and a release of each of its strings).
  public static func first(original: String?, web: String?, amp: String?, cdnAmp: String?) -> OpenableLink? {
    if let url = original, URLPolicy.isOpenable(url) { return OpenableLink(url: url, field: .originalUrl) }
    if let url = web, URLPolicy.isOpenable(url) { return OpenableLink(url: url, field: .webUrl) }
    if let url = amp, URLPolicy.isOpenable(url) { return OpenableLink(url: url, field: .ampWebUrl) }
    if let url = cdnAmp, URLPolicy.isOpenable(url) { return OpenableLink(url: url, field: .cdnAmpWebUrl) }
    return nil
  }
}

extension NewsItem {
  /// The URL stored in `field`.
  public func url(in field: LinkField) -> String? {
    switch field {
    case .originalUrl: originalUrl
    case .webUrl: webUrl
    case .ampWebUrl: ampWebUrl
    case .cdnAmpWebUrl: cdnAmpWebUrl
    }
  }

  /// The first openable URL in `LinkField` order (`originalUrl`, `webUrl`, `ampWebUrl`, `cdnAmpWebUrl`)
  /// and its field: what the reader copies and opens and `list` prints.
  public var openableLink: OpenableLink? {
    OpenableLink.first(original: originalUrl, web: webUrl, amp: ampWebUrl, cdnAmp: cdnAmpWebUrl)
  }

  /// The URL to open or copy for this story (see `openableLink`).
  public var openableURL: String? { openableLink?.url }

  /// Whether the item has any URL at all, openable or not.
  public var hasAnyURL: Bool { LinkField.allCases.contains { url(in: $0)?.isEmpty == false } }

  /// The URL that identifies the story, openable or not: `originalUrl`, else `webUrl`.
  public var identifyingURL: String? { originalUrl ?? webUrl }
}
