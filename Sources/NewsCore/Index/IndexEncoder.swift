/// Bytes being written into a load index: whole numbers as LEB128, each distinct string once in a table.
///
/// Strings are the bulk of an index (titles, excerpts, URLs of every related item); a table written before
/// the records means a warm start makes each distinct string once and every record that repeats it (a
/// provider name, a topic, a domain) shares its storage, as the loader's interner does.
struct IndexEncoder {
  private(set) var bytes: [UInt8] = []
  private var stringNumbers: [String: UInt32] = [:]
  /// The distinct strings in the order they were first written.
  private(set) var strings: [String] = []

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
    if let number = stringNumbers[value] {
      unsigned(UInt64(number) + 1)
      return
    }
    let number = UInt32(strings.count)
    stringNumbers[value] = number
    strings.append(value)
    unsigned(UInt64(number) + 1)
  }

  /// Bytes as they are, after their count (a path, which need not be UTF-8).
  mutating func raw(_ value: [UInt8]) {
    unsigned(value.count)
    bytes.append(contentsOf: value)
  }

  /// The string table: the count, then each string's byte count and bytes.
  func encodedStringTable() -> [UInt8] {
    var table = IndexEncoder(reservingCapacity: strings.reduce(8) { $0 + $1.utf8.count + 2 })
    table.unsigned(strings.count)
    for string in strings {
      table.unsigned(string.utf8.count)
      table.bytes.append(contentsOf: string.utf8)
    }
    return table.bytes
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

  init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
    base = bytes
    offset = start
    self.end = end ?? bytes.count
  }

  var isAtEnd: Bool { offset == end }

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
    guard number <= UInt64(strings.count) else { throw IndexCorruption("a string number is out of range") }
    return strings[Int(number - 1)]
  }

  mutating func requiredString() throws(IndexCorruption) -> String {
    guard let value = try string() else { throw IndexCorruption("a required string is missing") }
    return value
  }

  mutating func raw() throws(IndexCorruption) -> [UInt8] {
    let count = try count()
    defer { offset += count }
    return Array(UnsafeRawBufferPointer(rebasing: base[offset..<offset + count]))
  }

  /// Reads the string table `encodedStringTable()` wrote; each string is checked as UTF-8.
  mutating func readStringTable() throws(IndexCorruption) {
    // Each string takes at least one byte (its length), which bounds the count.
    let count = try count()
    var table: [String] = []
    table.reserveCapacity(count)
    for _ in 0..<count {
      let length = try self.count()
      let slice = UnsafeRawBufferPointer(rebasing: base[offset..<offset + length])
      guard let string = String(validating: slice.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else {
        throw IndexCorruption("a string is not UTF-8")
      }
      table.append(string)
      offset += length
    }
    strings = table
  }
}
