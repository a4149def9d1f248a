/// A 64-bit FNV-1a hash: the same on every machine and run, unlike `Hasher`, so ids built from it are stable.
public enum StableHash {
  /// The hash of `text`'s UTF-8 bytes as 16 lowercase hex digits.
  public static func hex(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.utf8.count) + digits
  }
}
