#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Hands out one shared `String` per distinct short value (provider names and domains, categories,
/// topics), so 100,000 records naming 150 providers keep 150 copies of their names rather than 100,000.
///
/// Values of 15 bytes or fewer are stored inside the `String` itself and need no sharing; values longer
/// than `maxBytes` are rarely repeated. The table stops growing at `maxEntries`, so a field that turns out
/// to be unique per record costs a bounded amount. One interner serves one thread.
final class StringInterner {
  static let maxBytes = 96
  static let maxEntries = 16_384

  /// Open addressing: `slots` holds an index into `strings` plus one (0 = empty); size is a power of two.
  private var slots = [Int32](repeating: 0, count: 1 << 10)
  private var strings: [String] = []
  private var hashes: [UInt64] = []

  /// The string of the UTF-8 `bytes`, which must already be valid and sanitized.
  func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.count > 15, bytes.count <= Self.maxBytes else {
      return String(decoding: bytes, as: UTF8.self)
    }
    let hash = StableHash.value(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let index = Int(slots[slot]) - 1
      if hashes[index] == hash, Self.equal(strings[index], bytes) { return strings[index] }
      slot = (slot + 1) & mask
    }
    let string = String(decoding: bytes, as: UTF8.self)
    guard strings.count < Self.maxEntries else { return string }
    strings.append(string)
    hashes.append(hash)
    slots[slot] = Int32(strings.count)
    if strings.count * 2 > slots.count { grow() }
    return string
  }

  private func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for index in strings.indices {
      var slot = Int(truncatingIfNeeded: hashes[index]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }

  private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var string = string
    return string.withUTF8 { utf8 in
      utf8.count == bytes.count && memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }
  }
}
