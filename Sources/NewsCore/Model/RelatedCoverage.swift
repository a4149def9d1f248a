/// An article's related coverage: the same story from other outlets, kept packed in one text and made into
/// `RelatedItem` values only when one is asked for.
///
/// Related coverage is half the text of a typical record (titles, excerpts and links of several items) and,
/// held as `NewsItem` values, a dozen allocations and a 256-byte structure per item: at 100,000 records that
/// was about 200 MB of a warm start's peak. Packed, an article's coverage is one string; the index stores
/// that string as it is, and the few fields the whole catalog reads (titles, excerpts, providers, links for
/// search, stories and provider domains) are read from it in place (`withText(_:of:_:)`).
///
/// The packed form is UTF-8 text, so the index's string table can hold it: each item is a slot holding the
/// item's slots, and a slot is `~` (nothing) or a decimal byte count, a colon and that many bytes. An item's
/// slots come in the order of `Field` first, then its provider, date, numbers and lists.
public struct RelatedCoverage: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
  /// The packed items; empty when there are none.
  public let packed: String
  public let count: Int

  /// The fields of an item that can be read without making the item.
  public enum Field: Int, Sendable, CaseIterable {
    case title = 0, excerpt, category, type, originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl, providerName,
      providerDomain
  }

  public init() {
    packed = ""
    count = 0
  }

  public init(_ items: some Sequence<RelatedItem>) {
    var writer = Writer()
    var count = 0
    for item in items {
      writer.item(item)
      count += 1
    }
    self.count = count
    packed = count == 0 ? "" : String(decoding: writer.bytes, as: UTF8.self)
  }

  public init(arrayLiteral elements: RelatedItem...) { self.init(elements) }

  /// Coverage read back from its packed text (by the load index): nil when the text is not something
  /// `init(_:)` could have written, so a damaged index is refused rather than read wrongly.
  init?(packed: String) {
    var text = packed
    let count: Int? = text.withUTF8 { bytes in
      var reader = Reader(bytes)
      var count = 0
      while !reader.isAtEnd {
        guard case .text(let range) = reader.slot() else { return nil }
        var item = Reader(UnsafeBufferPointer(rebasing: bytes[range]))
        guard item.validItem() else { return nil }
        count += 1
      }
      return reader.failed ? nil : count
    }
    guard let count else { return nil }
    self.packed = text
    self.count = count
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(position: Int) -> RelatedItem {
    precondition(position >= 0 && position < count, "related item \(position) of \(count)")
    return withItem(position) { reader in reader.item() } ?? RelatedItem()
  }

  /// The bytes of `field` of item `position` (nil when the item has none), read in place.
  public func withText<Result>(
    _ field: Field, of position: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> Result
  ) rethrows -> Result {
    let found = try withItem(position) { fields in
      for _ in 0..<field.rawValue { _ = fields.slot() }
      guard case .text(let range) = fields.slot() else { return try body(nil) }
      return try body(UnsafeBufferPointer(rebasing: fields.bytes[range]))
    }
    if let found { return found }
    return try body(nil)
  }

  /// `field` of item `position` as a string, made without making the rest of the item.
  public func text(_ field: Field, of position: Int) -> String? {
    withText(field, of: position) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
  }

  public func makeIterator() -> Iterator { Iterator(coverage: self) }

  /// Walks the packed items once, front to back (the default would find each item from the start).
  public struct Iterator: IteratorProtocol {
    let coverage: RelatedCoverage
    var offset = 0
    var position = 0

    public mutating func next() -> RelatedItem? {
      guard position < coverage.count else { return nil }
      var text = coverage.packed
      let start = offset
      let (item, end): (RelatedItem, Int) = text.withUTF8 { bytes in
        var reader = Reader(UnsafeBufferPointer(rebasing: bytes[start...]))
        guard case .text(let range) = reader.slot() else { return (RelatedItem(), bytes.count) }
        var fields = Reader(
          UnsafeBufferPointer(rebasing: bytes[(start + range.lowerBound)..<(start + range.upperBound)]))
        return (fields.item(), start + reader.offset)
      }
      offset = end
      position += 1
      return item
    }
  }

  public static func == (lhs: RelatedCoverage, rhs: RelatedCoverage) -> Bool {
    // Byte for byte: items are the same when their text is, not when it only normalizes the same.
    lhs.count == rhs.count && lhs.packed.utf8.elementsEqual(rhs.packed.utf8)
  }

  public func hash(into hasher: inout Hasher) {
    var text = packed
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// `body` with a reader of item `position`'s slots; nil when there is no such item.
  private func withItem<Result>(_ position: Int, _ body: (inout Reader) throws -> Result) rethrows -> Result?
  {
    var text = packed
    return try text.withUTF8 { bytes in
      var reader = Reader(bytes)
      guard let range = reader.itemRange(at: position) else { return nil }
      var fields = Reader(UnsafeBufferPointer(rebasing: bytes[range]))
      return try body(&fields)
    }
  }
}

// MARK: Writing

extension RelatedCoverage {
  /// Writes items as the slots `Reader` reads.
  struct Writer {
    var bytes: [UInt8] = []
    private var itemBytes: [UInt8] = []

    mutating func item(_ item: RelatedItem) {
      itemBytes.removeAll(keepingCapacity: true)
      text(item.title)
      text(item.excerpt)
      text(item.category)
      text(item.type)
      text(item.originalUrl)
      text(item.webUrl)
      text(item.ampWebUrl)
      text(item.cdnAmpWebUrl)
      text(item.provider?.name)
      text(item.provider?.domain)
      text(item.provider == nil ? nil : "")
      if let date = item.publishedDateTime {
        text(date.secondsSince1970.map { String($0.bitPattern, radix: 16) })
        text(date.storedText)
        text("")
      } else {
        for _ in 0..<3 { text(nil) }
      }
      number(item.quality)
      number(item.heat)
      number(item.published.map { $0 ? 1 : 0 })
      images(item.provider?.images ?? [])
      number(item.topics.count)
      for topic in item.topics { text(topic) }
      images(item.images)
      number(item.extraFields.count)
      for field in item.extraFields {
        text(field.key)
        text(field.value)
      }
      Self.slot(itemBytes[...], to: &bytes)
    }

    private mutating func images(_ images: [ImageRef]) {
      number(images.count)
      for image in images {
        text(image.url)
        number(image.width)
        number(image.height)
        number(image.isCached.map { $0 ? 1 : 0 })
      }
    }

    private mutating func number(_ value: Int?) { text(value.map { String($0) }) }

    private mutating func text(_ value: String?) {
      guard var value else {
        itemBytes.append(UInt8(ascii: "~"))
        return
      }
      value.withUTF8 { Self.slot($0, to: &itemBytes) }
    }

    private static func slot(_ content: some Collection<UInt8>, to output: inout [UInt8]) {
      output.append(contentsOf: String(content.count).utf8)
      output.append(UInt8(ascii: ":"))
      output.append(contentsOf: content)
    }
  }
}

// MARK: Reading

extension RelatedCoverage {
  /// Reads slots; anything malformed sets `failed` and reads as nothing, so a damaged text never traps.
  struct Reader {
    enum Slot {
      case absent
      case text(Range<Int>)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    private(set) var failed = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func slot() -> Slot {
      guard offset < bytes.count else {
        failed = true
        return .absent
      }
      if bytes[offset] == UInt8(ascii: "~") {
        offset += 1
        return .absent
      }
      var length = 0
      var digits = 0
      while offset < bytes.count, bytes[offset] != UInt8(ascii: ":") {
        let digit = Int(bytes[offset]) - 0x30
        guard digit >= 0, digit <= 9, digits < 12 else {
          failed = true
          offset = bytes.count
          return .absent
        }
        length = length * 10 + digit
        digits += 1
        offset += 1
      }
      guard digits > 0, offset < bytes.count, length <= bytes.count - offset - 1 else {
        failed = true
        offset = bytes.count
        return .absent
      }
      let start = offset + 1
      offset = start + length
      return .text(start..<offset)
    }

    /// The range of item `position`'s slots.
    mutating func itemRange(at position: Int) -> Range<Int>? {
      for _ in 0..<position { _ = slot() }
      guard !failed, case .text(let range) = slot() else { return nil }
      return range
    }

    mutating func text() -> String? {
      guard case .text(let range) = slot() else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    mutating func number() -> Int? {
      guard case .text(let range) = slot() else { return nil }
      guard let value = Self.decimal(UnsafeBufferPointer(rebasing: bytes[range])) else {
        failed = true
        return nil
      }
      return value
    }

    /// A decimal whole number, `-` before it when negative, as `String(Int)` writes it.
    static func decimal(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
      var index = 0
      let negative = digits.first == UInt8(ascii: "-")
      if negative { index = 1 }
      guard index < digits.count, digits.count - index <= 19 else { return nil }
      var value = 0
      while index < digits.count {
        let digit = Int(digits[index]) - 0x30
        guard digit >= 0, digit <= 9 else { return nil }
        let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflowSum) =
          negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
        guard !overflowTimes, !overflowSum else { return nil }
        value = sum
        index += 1
      }
      return value
    }

    /// A date's seconds from the hexadecimal digits of their bit pattern.
    static func seconds(_ digits: UnsafeBufferPointer<UInt8>) -> Double? {
      guard !digits.isEmpty, digits.count <= 16 else { return nil }
      var pattern: UInt64 = 0
      for byte in digits {
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        default: return nil
        }
        pattern = pattern << 4 | UInt64(digit)
      }
      let seconds = Double(bitPattern: pattern)
      return DateParser.isInRange(seconds) ? seconds : nil
    }

    /// A count of what follows: each takes at least one byte, so a count beyond the bytes left is damage.
    mutating func count() -> Int {
      let value = number() ?? -1
      guard value >= 0, value <= bytes.count - offset else {
        failed = true
        offset = bytes.count
        return 0
      }
      return value
    }

    mutating func flag() -> Bool? {
      switch number() {
      case nil: return nil
      case 0: return false
      case 1: return true
      default:
        failed = true
        return nil
      }
    }

    mutating func date() -> NewsDate? {
      var seconds: Double? = nil
      if case .text(let range) = slot() {
        guard let value = Self.seconds(UnsafeBufferPointer(rebasing: bytes[range])) else {
          failed = true
          return nil
        }
        seconds = value
      }
      let storedText = text()
      guard case .text = slot() else { return nil }
      return NewsDate(storedText: storedText, secondsSince1970: seconds)
    }

    mutating func images() -> [ImageRef] {
      let count = count()
      var images: [ImageRef] = []
      images.reserveCapacity(count)
      for _ in 0..<count {
        images.append(ImageRef(url: text(), width: number(), height: number(), isCached: flag()))
      }
      return images
    }

    mutating func item() -> RelatedItem {
      var item = RelatedItem()
      item.title = text()
      item.excerpt = text()
      item.category = text()
      item.type = text()
      item.originalUrl = text()
      item.webUrl = text()
      item.ampWebUrl = text()
      item.cdnAmpWebUrl = text()
      let name = text()
      let domain = text()
      let hasProvider = text() != nil
      item.publishedDateTime = date()
      item.quality = number()
      item.heat = number()
      item.published = flag()
      let providerImages = images()
      if hasProvider { item.provider = Provider(name: name, domain: domain, images: providerImages) }
      let topicCount = count()
      for _ in 0..<topicCount {
        guard let topic = text() else {
          failed = true
          break
        }
        item.topics.append(topic)
      }
      item.images = images()
      let extraCount = count()
      for _ in 0..<extraCount {
        guard let key = text(), let value = text() else {
          failed = true
          break
        }
        item.extraFields.append(ExtraField(key: key, value: value))
      }
      return item
    }

    /// Whether these bytes are exactly one item as `Writer.item` writes it; walks it making nothing.
    mutating func validItem() -> Bool {
      for _ in 0..<11 { _ = slot() }  // the fields, the provider's name and domain, whether it has one
      if case .text(let range) = slot(), Self.seconds(UnsafeBufferPointer(rebasing: bytes[range])) == nil {
        return false
      }
      _ = slot()  // the date's text
      _ = slot()  // whether there is a date
      _ = number()
      _ = number()
      _ = flag()
      skipImages()
      for _ in 0..<count() { requireText() }
      skipImages()
      for _ in 0..<count() {
        requireText()
        requireText()
      }
      return !failed && isAtEnd
    }

    private mutating func requireText() {
      if case .absent = slot() { failed = true }
    }

    private mutating func skipImages() {
      for _ in 0..<count() {
        _ = slot()
        _ = number()
        _ = number()
        _ = flag()
      }
    }
  }
}
