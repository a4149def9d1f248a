/// The form in which two links are compared when grouping stories: `http` and `https` are the same
/// link, the host's case does not matter and neither does one trailing slash.
///
/// Grouping compares a million links at 100,000 records, so a link is never turned into a new string:
/// its normalized bytes are hashed in one pass, and compared byte by byte only when two hashes agree.
enum StoryURL {
  /// The FNV-1a hash of `url`'s normalized bytes, or nil for an empty link.
  static func hash(_ url: String) -> UInt64? {
    if let hash = url.utf8.withContiguousStorageIfAvailable({ hash(bytes: $0) }) { return hash }
    return Array(url.utf8).withUnsafeBufferPointer { hash(bytes: $0) }
  }

  /// The hash of a link given as its UTF-8 bytes (a related item's, read in place).
  static func hash(bytes url: UnsafeBufferPointer<UInt8>) -> UInt64? {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var count = 0
    walk(url) { byte in
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
      count += 1
    }
    return count == 0 ? nil : hash
  }

  /// Whether `lhs` and `rhs` are the same link once normalized.
  static func same(_ lhs: String, _ rhs: String) -> Bool { normalized(lhs) == normalized(rhs) }

  /// The normalized bytes of `url` (tests and collision checks).
  static func normalized(_ url: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(url.utf8.count)
    forEachNormalizedByte(url) { bytes.append($0) }
    return bytes
  }

  /// Calls `body` with each byte of `url` normalized: an `http://` or `https://` prefix (any case) is left
  /// out, any other scheme is lower-cased, the host is lower-cased, and one trailing `/` is dropped.
  static func forEachNormalizedByte(_ url: String, _ body: (UInt8) -> Void) {
    let done: Void? = url.utf8.withContiguousStorageIfAvailable { walk($0, body) }
    if done == nil {
      let copy = Array(url.utf8)
      copy.withUnsafeBufferPointer { walk($0, body) }
    }
  }

  private static func walk(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Void) {
    var end = bytes.count
    if end > 0 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
    var position = 0
    // The scheme: letters, digits, `+`, `-`, `.` up to `://`.
    var schemeEnd = 0
    while schemeEnd < end, isSchemeByte(bytes[schemeEnd]) { schemeEnd += 1 }
    let hasScheme =
      schemeEnd > 0 && schemeEnd + 2 < end && bytes[schemeEnd] == UInt8(ascii: ":")
      && bytes[schemeEnd + 1] == UInt8(ascii: "/") && bytes[schemeEnd + 2] == UInt8(ascii: "/")
    if hasScheme {
      if !isWebScheme(bytes, schemeEnd) {
        for index in 0..<schemeEnd { body(lowercased(bytes[index])) }
        body(UInt8(ascii: ":"))
      }
      position = schemeEnd + 3
      body(UInt8(ascii: "/"))
      body(UInt8(ascii: "/"))
      while position < end, !endsHost(bytes[position]) {
        body(lowercased(bytes[position]))
        position += 1
      }
    }
    while position < end {
      body(bytes[position])
      position += 1
    }
  }

  private static func isWebScheme(_ bytes: UnsafeBufferPointer<UInt8>, _ count: Int) -> Bool {
    guard count == 4 || count == 5 else { return false }
    return lowercased(bytes[0]) == UInt8(ascii: "h") && lowercased(bytes[1]) == UInt8(ascii: "t")
      && lowercased(bytes[2]) == UInt8(ascii: "t") && lowercased(bytes[3]) == UInt8(ascii: "p")
      && (count == 4 || lowercased(bytes[4]) == UInt8(ascii: "s"))
  }

  private static func isSchemeByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
      || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }

  private static func endsHost(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }
}
