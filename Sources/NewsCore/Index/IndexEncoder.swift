import Dispatch
import Foundation

/// Bytes being written into a load index: whole numbers as LEB128, each distinct string once in a table.
///
/// Strings are the bulk of an index (titles, excerpts, URLs of every related item); a table written before
/// the records means a warm start makes each distinct string once and every record that repeats it (a
/// provider name, a topic, a domain) shares its storage, as the loader's interner does.
struct IndexEncoder {
  private(set) var bytes: [UInt8] = []
  /// The distinct strings' numbers by their exact bytes.
  private var stringNumbers = StringNumbers()
  /// The distinct strings in the order they were first written.
  var strings: [String] { stringNumbers.strings }

  init(reservingCapacity capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  mutating func unsigned(_ value: UInt64) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  mutating func unsigned(_ value: Int) { unsigned(UInt64(bitPattern: Int64(value))) }

  /// A signed number, zig-zag encoded so small negative numbers stay short.
  mutating func signed(_ value: Int64) {
    unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }

  mutating func byte(_ value: UInt8) { bytes.append(value) }

  /// Bytes as they are, without a count.
  mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

  mutating func double(_ value: Double) {
    var bits = value.bitPattern
    for _ in 0..<8 {
      bytes.append(UInt8(truncatingIfNeeded: bits))
      bits >>= 8
    }
  }

  /// A string by its number in the table, plus one; 0 stands for nil.
  mutating func string(_ value: String?) {
    guard let value else {
      unsigned(0 as UInt64)
      return
    }
    unsigned(UInt64(stringNumbers.number(of: value)) + 1)
  }

  /// Bytes as they are, after their count (a path, which need not be UTF-8).
  mutating func raw(_ value: [UInt8]) {
    unsigned(value.count)
    bytes.append(contentsOf: value)
  }

  /// Raw bytes of string table blocks before compression: big enough for LZ4 to find repeats, small enough
  /// that a warm start decompresses and builds the strings of several blocks on several cores at once.
  static let stringBlockBytes = 1 << 20

  /// The string table as the parts it is written in: the block count, then one part per block (its string
  /// count, raw and compressed sizes and its LZ4-compressed bytes: each string's byte count and bytes), each
  /// exactly its size. Text is nearly all of an index; LZ4 halves it at a decompression cost of about a
  /// millisecond per 2 MiB.
  ///
  /// Where each block ends is found first, so that the table is made one block at a time: a block is
  /// compressed as soon as it is made and only its compressed bytes are kept. Keeping every raw block to the
  /// end, then the table grown in one buffer, was the largest part of a cold start's peak.
  func encodedStringTableParts() -> [[UInt8]] {
    var ends: [Int] = []
    var inCurrent = 0
    for (position, string) in strings.enumerated() {
      let length = string.utf8.count
      inCurrent += Self.unsignedLength(length) + length
      if inCurrent >= Self.stringBlockBytes {
        ends.append(position + 1)
        inCurrent = 0
      }
    }
    if inCurrent > 0 { ends.append(strings.count) }
    var count = IndexEncoder()
    count.unsigned(ends.count)
    var parts = [count.bytes]
    parts.reserveCapacity(ends.count + 1)
    var current = IndexEncoder(reservingCapacity: Self.stringBlockBytes + 4096)
    var start = 0
    for end in ends {
      current.bytes.removeAll(keepingCapacity: true)
      for string in strings[start..<end] {
        current.unsigned(string.utf8.count)
        current.bytes.append(contentsOf: string.utf8)
      }
      let compressed = IndexCompression.compress(current.bytes)
      var block = IndexEncoder(reservingCapacity: 3 * 10 + compressed.count)
      block.unsigned(end - start)
      block.unsigned(current.bytes.count)
      block.unsigned(compressed.count)
      block.bytes.append(contentsOf: compressed)
      parts.append(block.bytes)
      start = end
    }
    return parts
  }

  /// How many bytes `unsigned(_:)` writes for `value`.
  static func unsignedLength(_ value: Int) -> Int {
    var value = UInt64(value)
    var length = 1
    while value >= 0x80 {
      value >>= 7
      length += 1
    }
    return length
  }
}

/// Why an index could not be read: it is then rebuilt, never trusted in part.
public struct IndexCorruption: Error, Sendable, Equatable, CustomStringConvertible {
  public var reason: String

  public init(_ reason: String) { self.reason = reason }

  public var description: String { reason }
}

/// Reads what `IndexEncoder` wrote, checking every bound: a damaged index gives `IndexCorruption`, never a
/// trap or a wrong value outside the range the writer could have produced.
struct IndexDecoder {
  private let base: UnsafeRawBufferPointer
  private(set) var offset: Int
  private let end: Int
  var strings: [String] = []
  /// The string table as bytes, each string made on first use, when only some fields are read
  /// (`LoadIndex.Projection.listing`); nil when every string is made up front (`strings`).
  var lazyStrings: LazyStringTable? = nil
  /// Which fields of each record are made.
  var projection: LoadIndex.Projection = .everything

  init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
    base = bytes
    offset = start
    self.end = end ?? bytes.count
  }

  var isAtEnd: Bool { offset == end }

  /// Bytes left to read.
  var remaining: Int { end - offset }

  mutating func byte() throws(IndexCorruption) -> UInt8 {
    guard offset < end else { throw IndexCorruption("ends early") }
    defer { offset += 1 }
    return base[offset]
  }

  mutating func unsigned() throws(IndexCorruption) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      guard shift < 64 else { throw IndexCorruption("a number is too long") }
      result |= UInt64(next & 0x7F) << shift
      if next & 0x80 == 0 { return result }
      shift += 7
    }
  }

  /// A count or a size: bounded by what is left to read, so a damaged count cannot ask for gigabytes.
  mutating func count(atMost limit: Int? = nil) throws(IndexCorruption) -> Int {
    let value = try unsigned()
    guard value <= UInt64(limit ?? (end - offset)) else { throw IndexCorruption("a count is out of range") }
    return Int(value)
  }

  mutating func int() throws(IndexCorruption) -> Int {
    let value = try signed()
    return Int(value)
  }

  mutating func signed() throws(IndexCorruption) -> Int64 {
    let value = try unsigned()
    return Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
  }

  mutating func double() throws(IndexCorruption) -> Double {
    guard end - offset >= 8 else { throw IndexCorruption("ends early") }
    var bits: UInt64 = 0
    for shift in stride(from: 0, to: 64, by: 8) {
      bits |= UInt64(base[offset]) << UInt64(shift)
      offset += 1
    }
    return Double(bitPattern: bits)
  }

  mutating func string() throws(IndexCorruption) -> String? {
    let number = try unsigned()
    if number == 0 { return nil }
    if let lazyStrings {
      guard number <= UInt64(lazyStrings.count) else {
        throw IndexCorruption("a string number is out of range")
      }
      return try lazyStrings.string(Int(number - 1))
    }
    guard number <= UInt64(strings.count) else { throw IndexCorruption("a string number is out of range") }
    return strings[Int(number - 1)]
  }

  /// Reads past a string number, checked as `string()` checks it (`required`: as `requiredString()`), without
  /// making the string.
  mutating func skipString(required: Bool = false) throws(IndexCorruption) {
    let number = try unsigned()
    if number == 0 {
      if required { throw IndexCorruption("a required string is missing") }
      return
    }
    guard number <= UInt64(lazyStrings?.count ?? strings.count) else {
      throw IndexCorruption("a string number is out of range")
    }
  }

  mutating func requiredString() throws(IndexCorruption) -> String {
    guard let value = try string() else { throw IndexCorruption("a required string is missing") }
    return value
  }

  /// Reads past `count` bytes.
  mutating func skip(_ count: Int) throws(IndexCorruption) {
    guard count >= 0, count <= remaining else { throw IndexCorruption("ends early") }
    offset += count
  }

  /// A decoder of the next `length` bytes, sharing this one's string table; this one skips them.
  mutating func split(length: Int) throws(IndexCorruption) -> IndexDecoder {
    guard length >= 0, length <= remaining else { throw IndexCorruption("a chunk is out of range") }
    var part = IndexDecoder(base, from: offset, to: offset + length)
    part.strings = strings
    part.lazyStrings = lazyStrings
    part.projection = projection
    offset += length
    return part
  }

  mutating func raw() throws(IndexCorruption) -> [UInt8] {
    let count = try count()
    defer { offset += count }
    return Array(UnsafeRawBufferPointer(rebasing: base[offset..<offset + count]))
  }

  /// Reads the string table `encodedStringTableParts()` wrote, its blocks decompressed and turned into strings on
  /// all cores; each string is checked as UTF-8.
  /// One block of the string table: its string count, raw size, and where its compressed bytes are.
  typealias StringBlock = (strings: Int, raw: Int, start: Int, compressed: Int)

  /// The string table's blocks and their strings in all; the decoder is left after the table.
  private mutating func readStringBlocks() throws(IndexCorruption) -> (blocks: [StringBlock], total: Int) {
    let blockCount = try count()
    var blocks: [StringBlock] = []
    blocks.reserveCapacity(blockCount)
    var total = 0
    for _ in 0..<blockCount {
      let strings = try count(atMost: Int(Int32.max))
      let raw = try count(atMost: 64 << 20)
      let compressed = try count()
      // Every string takes at least its one-byte length in the raw block.
      guard strings <= raw else { throw IndexCorruption("a string block is out of range") }
      blocks.append((strings, raw, offset, compressed))
      offset += compressed
      total += strings
    }
    return (blocks, total)
  }

  /// Reads the string table as `LazyStringTable`: the blocks decompressed on all cores and each string's
  /// place found, no string made until a record asks for it.
  mutating func readLazyStringTable() throws(IndexCorruption) {
    let (blocks, total) = try readStringBlocks()
    nonisolated(unsafe) let base = self.base
    let read = IndexWork.map(blocks.count, placeholder: LazyStringTable.notRead) { index in
      let block = blocks[index]
      let compressed = UnsafeRawBufferPointer(rebasing: base[block.start..<block.start + block.compressed])
      return LazyStringTable.block(compressed: compressed, raw: block.raw, count: block.strings)
    }
    lazyStrings = try LazyStringTable(read, total: total)
  }

  mutating func readStringTable() throws(IndexCorruption) {
    let (blocks, total) = try readStringBlocks()
    // Read-only while the workers run; the caller keeps the bytes alive for the whole decode.
    nonisolated(unsafe) let base = self.base
    let layout = blocks
    // Each block's strings are made straight into their places in the table: collecting them per block and
    // appending them after was a retain and a release of every string (a tenth of a second at 100,000).
    strings = try [String](unsafeUninitializedCapacity: total) {
      (table, initialized) throws(IndexCorruption) in
      var firsts: [Int] = []
      firsts.reserveCapacity(layout.count)
      var next = 0
      for block in layout {
        firsts.append(next)
        next += block.strings
      }
      nonisolated(unsafe) let target = table.baseAddress!
      let starts = firsts
      let outcomes = IndexWork.map(layout.count, placeholder: StringBlockOutcome(made: 0, failure: nil)) {
        index in
        let block = layout[index]
        let compressed = UnsafeRawBufferPointer(rebasing: base[block.start..<block.start + block.compressed])
        return IndexDecoder.strings(
          compressed: compressed, raw: block.raw, count: block.strings, into: target + starts[index])
      }
      var failure: IndexCorruption? = nil
      for index in layout.indices {
        let outcome = outcomes[index]
        if outcome.failure != nil || outcome.made < layout[index].strings {
          // A damaged block: what it and the others made is given back before the table is dropped.
          failure = failure ?? outcome.failure ?? IndexCorruption("a string block was not decoded")
        }
      }
      if let failure {
        for index in layout.indices {
          (target + starts[index]).deinitialize(count: outcomes[index].made)
        }
        throw failure
      }
      initialized = total
    }
  }

  /// The string of a table entry's bytes.
  static func makeString(_ slice: UnsafeBufferPointer<UInt8>) throws(IndexCorruption) -> String {
    if isASCII(slice) {
      // ASCII is UTF-8 whatever the file says, so nothing is taken on trust from the checksum; the
      // validating initializer was a tenth of a warm `list` (most of an index's strings are ASCII).
      return unsafe String(copying: UTF8Span(unchecked: slice.span, isKnownASCII: true))
    }
    // Anything else is validated: a file made to pass the checksum must not make a string that is not
    // UTF-8 (the standard library's string operations assume it is).
    guard let string = String(validating: slice, as: UTF8.self) else {
      throw IndexCorruption("a string is not UTF-8")
    }
    return string
  }

  /// Whether every byte is below 0x80, eight at a time.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let start = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(start)
    var offset = 0
    var seen: UInt64 = 0
    while offset + 8 <= bytes.count {
      seen |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      offset += 8
    }
    while offset < bytes.count {
      seen |= UInt64(bytes[offset])
      offset += 1
    }
    return seen & 0x8080_8080_8080_8080 == 0
  }

  /// Makes the `count` strings of one block of the table at `target`: how many it made, and why not all.
  private static func strings(
    compressed: UnsafeRawBufferPointer, raw: Int, count: Int, into target: UnsafeMutablePointer<String>
  ) -> StringBlockOutcome {
    guard let bytes = IndexCompression.decompress(compressed, rawCount: raw) else {
      return .init(made: 0, failure: IndexCorruption("a string block does not decompress"))
    }
    return bytes.withUnsafeBytes { buffer in
      var reader = IndexDecoder(buffer)
      var made = 0
      do throws(IndexCorruption) {
        while made < count {
          let length = try reader.count()
          let slice = UnsafeRawBufferPointer(rebasing: buffer[reader.offset..<reader.offset + length])
            .assumingMemoryBound(to: UInt8.self)
          (target + made).initialize(to: try IndexDecoder.makeString(slice))
          made += 1
          reader.offset += length
        }
        guard reader.isAtEnd else { throw IndexCorruption("a string block has bytes after its strings") }
        return .init(made: made, failure: nil)
      } catch {
        return .init(made: made, failure: error)
      }
    }
  }
}

/// Numbers for distinct strings, by their exact UTF-8 bytes: an open-addressing table of each string's
/// 64-bit hash and number.
///
/// An index has millions of strings to look up (every title, excerpt and URL of every related item). A
/// `Dictionary` keyed by `String` normalizes every non-ASCII string to hash it, and strings that only
/// normalize the same must stay apart to read back as written; one keyed by a byte-comparing wrapper spent
/// most of an index write in SipHash, retains and growing. Here a string is hashed once, eight bytes at a
/// time, and its bytes are compared only when the hashes agree.
struct StringNumbers {
  /// The distinct strings in the order they were first numbered; a string's number is its position.
  private(set) var strings: [String] = []
  /// Per slot: the number plus one of the string there, 0 when empty.
  private var slots: [UInt32] = []
  private var slotHashes: [UInt64] = []
  private var mask = 0

  init() { grow(to: 1 << 16) }

  /// `value`'s number, numbering it next when it is new.
  mutating func number(of original: String) -> UInt32 {
    var value = original
    return value.withUTF8 { bytes in
      let hash = Self.hash(bytes)
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 {
        let number = slots[slot] - 1
        if slotHashes[slot] == hash, Self.equal(strings[Int(number)], bytes) { return number }
        slot = (slot + 1) & mask
      }
      let number = UInt32(strings.count)
      strings.append(original)
      slots[slot] = number + 1
      slotHashes[slot] = hash
      // At most half full, so probes stay short.
      if strings.count * 2 > slots.count { grow(to: slots.count * 2) }
      return number
    }
  }

  private mutating func grow(to count: Int) {
    let oldSlots = slots
    let oldHashes = slotHashes
    slots = [UInt32](repeating: 0, count: count)
    slotHashes = [UInt64](repeating: 0, count: count)
    mask = count - 1
    for (position, number) in oldSlots.enumerated() where number != 0 {
      var slot = Int(truncatingIfNeeded: oldHashes[position]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = number
      slotHashes[slot] = oldHashes[position]
    }
  }

  private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var string = string
    return string.withUTF8 { other in
      other.count == bytes.count
        && (bytes.isEmpty || memcmp(other.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    }
  }

  /// A 64-bit hash of `bytes`, eight at a time (the mixing of `IndexChecksum`, seeded by the length).
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0x9E37_79B9_7F4A_7C15 }
    let raw = UnsafeRawPointer(base)
    return IndexChecksum.value(of: UnsafeRawBufferPointer(start: raw, count: bytes.count))
  }
}

/// A string hashed and compared by its UTF-8 bytes, without Unicode normalization.
struct ExactString: Hashable {
  var value: String

  init(_ value: String) {
    var value = value
    value.makeContiguousUTF8()
    self.value = value
  }

  func hash(into hasher: inout Hasher) {
    var value = value
    value.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  static func == (lhs: ExactString, rhs: ExactString) -> Bool {
    var left = lhs.value
    var right = rhs.value
    return left.withUTF8 { a in
      right.withUTF8 { b in
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
      }
    }
  }
}
