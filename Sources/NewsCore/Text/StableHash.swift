/// A 64-bit FNV-1a hash: the same on every machine and run, unlike `Hasher`, so ids built from it are stable.
///
/// The one FNV-1a of the project: record ids hash URLs and paths with it, and `StringInterner` hashes its
/// short keys with it (where only equality within one process matters, but one function is one to test).
public enum StableHash {
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x0000_0100_0000_01B3

  /// The hash of `text`'s UTF-8 bytes as 16 lowercase hex digits.
  public static func hex(_ text: String) -> String {
    let digits = String(value(text), radix: 16)
    return String(repeating: "0", count: 16 - digits.utf8.count) + digits
  }

  /// The hash of `text`'s UTF-8 bytes.
  static func value(_ text: String) -> UInt64 {
    // Native strings hash their contiguous UTF-8; only a bridged string walks its view.
    text.utf8.withContiguousStorageIfAvailable { value($0) } ?? value(text.utf8)
  }

  /// The hash of `bytes`.
  static func value(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash = offsetBasis
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
    return hash
  }

  /// `letter` followed by the first `digits` lowercase hex digits of `hash`, built in place (at most 15 bytes
  /// in all, which a String holds without a heap allocation).
  static func tagged(_ letter: Unicode.Scalar, _ hash: UInt64, digits: Int) -> String {
    precondition(digits >= 1 && digits <= 14)
    return String(unsafeUninitializedCapacity: digits + 1) { bytes in
      bytes[0] = UInt8(letter.value)
      for index in 0..<digits {
        let nibble = UInt8(truncatingIfNeeded: hash >> (60 - 4 * UInt64(index))) & 0xF
        bytes[index + 1] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
      }
      return digits + 1
    }
  }
}
