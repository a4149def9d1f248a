/// Which URLs the reader may open or copy: only `http` and `https` ones, whatever a record says.
public enum URLPolicy {
  /// Whether `url` starts with `http://` or `https://` (scheme case-insensitive) and has something after it.
  public static func isOpenable(_ url: String) -> Bool {
    var url = url
    return url.withUTF8 { bytes in
      func hasPrefix(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count > count else { return false }
        for offset in 0..<count {
          var byte = bytes[offset]
          if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
          if byte != prefix.utf8Start[offset] { return false }
        }
        return true
      }
      return hasPrefix("http://") || hasPrefix("https://")
    }
  }
}

extension NewsItem {
  /// The URL to open or copy for this story: `originalUrl`, else `webUrl`, when it is http or https.
  public var openableURL: String? {
    if let url = originalUrl, URLPolicy.isOpenable(url) { return url }
    if let url = webUrl, URLPolicy.isOpenable(url) { return url }
    return nil
  }

  /// The URL that identifies the story, openable or not: `originalUrl`, else `webUrl`.
  public var identifyingURL: String? { originalUrl ?? webUrl }
}
