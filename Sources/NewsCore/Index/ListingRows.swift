/// What `list` prints of each record in text or TSV, as bytes: its id, date, provider name, title (the
/// excerpt where there is none) and the link it would open, with its scores, one row per record in load
/// order.
///
/// The load index keeps these rows beside its records (`ListingSnapshot`), so a warm `list` of a directory
/// that has not changed prints them without decoding a record or making a string; a listing of records just
/// loaded or parsed makes the same rows from them (`init(articles:)`), so both print through one printer.
public final class ListingRows: Sendable {
  /// The rows one after another, each field a LEB128 tag then its bytes (see `Field`).
  private let bytes: [UInt8]
  /// Where each row starts in `bytes`.
  private let starts: [Int32]

  public var count: Int { starts.count }

  /// The bytes the rows take.
  public var byteCount: Int { bytes.count }

  /// The date of a row.
  public enum Date {
    case none
    /// Seconds since 1970, printed in ISO 8601.
    case seconds(Double)
    /// The record's own text, where it could not be read as a date.
    case text(UnsafeBufferPointer<UInt8>)
  }

  /// One row's fields, pointing into the rows' bytes: valid only inside `withRows`.
  public struct Row {
    public var id: UnsafeBufferPointer<UInt8>
    public var date: Date
    public var provider: UnsafeBufferPointer<UInt8>?
    public var title: UnsafeBufferPointer<UInt8>?
    /// The excerpt, kept only for a record without a title (a text listing shows it instead).
    public var excerpt: UnsafeBufferPointer<UInt8>?
    /// The first openable link (`OpenableLink.first`).
    public var link: UnsafeBufferPointer<UInt8>?
    /// The scores `--sort quality` and `--sort heat` order by.
    public var quality: Int?
    public var heat: Int?
  }

  /// The rows of `articles` (ids already unique), in their order.
  public convenience init(articles: [Article]) {
    var encoder = IndexEncoder(reservingCapacity: articles.count * 256)
    // Read in place: a copy of each record (or of its item) retains and releases every string it holds.
    articles.withUnsafeBufferPointer { records in
      for position in records.indices { Self.encode(records, position, into: &encoder) }
    }
    // Made by the encoder just now: every row reads back.
    try! self.init(rowBytes: encoder.bytes, count: articles.count)
  }

  /// The rows in `rowBytes`, which must hold exactly `count` whole rows (a damaged index does not).
  init(rowBytes: [UInt8], count: Int) throws(IndexCorruption) {
    var starts: [Int32] = []
    starts.reserveCapacity(count)
    guard rowBytes.count < Int(Int32.max) else { throw IndexCorruption("the listing is too large") }
    let end = rowBytes.withUnsafeBufferPointer { buffer -> Int? in
      var cursor = RowCursor(buffer, at: 0)
      for _ in 0..<count {
        starts.append(Int32(cursor.offset))
        _ = cursor.row()
        if cursor.failed { return nil }
      }
      return cursor.offset
    }
    guard end == rowBytes.count else { throw IndexCorruption("the listing's rows do not fill it") }
    bytes = rowBytes
    self.starts = starts
  }

  /// Calls `body` with a way to read row `n` (`0..<count`).
  public func withRows<Result>(_ body: ((Int) -> Row) throws -> Result) rethrows -> Result {
    try bytes.withUnsafeBufferPointer { buffer in
      try body { position in
        var cursor = RowCursor(buffer, at: Int(starts[position]))
        // Every row was read through once when the rows were made, so none fails here.
        return cursor.row()
      }
    }
  }

  /// The row bytes, for the listing file.
  var rowBytes: [UInt8] { bytes }

  // MARK: Encoding

  /// A field: 0 for none, else its byte count plus one and the bytes. A date: 0 none, 1 and eight bytes of
  /// seconds, or its text's byte count plus two and the text.
  private static func encode(
    _ records: UnsafeBufferPointer<Article>, _ position: Int, into encoder: inout IndexEncoder
  ) {
    field(records[position].id.rawValue, into: &encoder)
    if let date = records[position].item.publishedDateTime {
      if let seconds = date.secondsSince1970 {
        encoder.unsigned(1 as UInt64)
        encoder.double(seconds)
      } else {
        var text = date.text
        text.withUTF8 { bytes in
          encoder.unsigned(UInt64(bytes.count) + 2)
          encoder.append(bytes)
        }
      }
    } else {
      encoder.unsigned(0 as UInt64)
    }
    field(records[position].item.provider?.name, into: &encoder)
    field(records[position].item.title, into: &encoder)
    field(records[position].item.title == nil ? records[position].item.excerpt : nil, into: &encoder)
    let link = OpenableLink.first(
      original: records[position].item.originalUrl, web: records[position].item.webUrl,
      amp: records[position].item.ampWebUrl, cdnAmp: records[position].item.cdnAmpWebUrl)
    field(link?.url, into: &encoder)
    score(records[position].item.quality, into: &encoder)
    score(records[position].item.heat, into: &encoder)
  }

  /// A score: 0 for none, else 1 and the number (zig-zag).
  private static func score(_ value: Int?, into encoder: inout IndexEncoder) {
    guard let value else {
      encoder.byte(0)
      return
    }
    encoder.byte(1)
    encoder.signed(Int64(value))
  }

  /// The rows in `positions`, in order, as records holding only what a row holds (what a warm start lists
  /// while the index's records decode): the id, date, provider name, title, the excerpt of an untitled
  /// record, the scores, and the link as its original URL. Provider names repeat across rows: each is made
  /// once.
  func articles(_ positions: Range<Int>) -> [Article] {
    var providers: [UInt64: Provider] = [:]
    let noSource = RecordSource(path: "", relativePath: "", documentIndex: 0, line: 0)
    return withRows { row in
      positions.map { position in
        let fields = row(position)
        func text(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? {
          bytes.map { String(decoding: $0, as: UTF8.self) }
        }
        let date: NewsDate?
        switch fields.date {
        case .none: date = nil
        case .seconds(let seconds): date = NewsDate(storedText: nil, secondsSince1970: seconds)
        case .text(let bytes):
          date = NewsDate(text: String(decoding: bytes, as: UTF8.self), secondsSince1970: nil)
        }
        // By a hash of the name's bytes, read in place (a key made of them was an array per row); a name
        // that shares another's hash is made for its row alone.
        let provider = fields.provider.map { name in
          let key = StableHash.value(name)
          if let known = providers[key] {
            if known.name?.utf8.elementsEqual(name) == true { return known }
            return Provider(name: String(decoding: name, as: UTF8.self))
          }
          let made = Provider(name: String(decoding: name, as: UTF8.self))
          providers[key] = made
          return made
        }
        let item = NewsItem(
          title: text(fields.title), excerpt: text(fields.excerpt), publishedDateTime: date,
          originalUrl: text(fields.link), quality: fields.quality, heat: fields.heat, provider: provider)
        return Article(
          id: ArticleID(String(decoding: fields.id, as: UTF8.self)), source: noSource, item: item)
      }
    }
  }

  private static func field(_ value: String?, into encoder: inout IndexEncoder) {
    guard var value else {
      encoder.unsigned(0 as UInt64)
      return
    }
    value.withUTF8 { bytes in
      encoder.unsigned(UInt64(bytes.count) + 1)
      encoder.append(bytes)
    }
  }
}

/// Reads rows without trapping: a read past the end sets `failed` and gives empty fields.
private struct RowCursor {
  let buffer: UnsafeBufferPointer<UInt8>
  private(set) var offset: Int
  private(set) var failed = false

  init(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) {
    self.buffer = buffer
    self.offset = offset
  }

  mutating func row() -> ListingRows.Row {
    let id = field() ?? UnsafeBufferPointer(start: nil, count: 0)
    let date: ListingRows.Date
    switch tag() {
    case 0: date = .none
    case 1: date = .seconds(seconds())
    case let length: date = .text(bytes(Int(clamping: length &- 2)))
    }
    return ListingRows.Row(
      id: id, date: date, provider: field(), title: field(), excerpt: field(), link: field(),
      quality: score(),
      heat: score())
  }

  private mutating func score() -> Int? {
    switch tag() {
    case 0: return nil
    case 1:
      let zigZag = tag()
      return Int(truncatingIfNeeded: Int64(bitPattern: (zigZag >> 1) ^ (0 &- (zigZag & 1))))
    default:
      failed = true
      return nil
    }
  }

  private mutating func tag() -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while offset < buffer.count, shift < 64 {
      let byte = buffer[offset]
      offset += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
    failed = true
    return 0
  }

  private mutating func field() -> UnsafeBufferPointer<UInt8>? {
    let length = tag()
    if length == 0 { return nil }
    return bytes(Int(clamping: length - 1))
  }

  private mutating func bytes(_ count: Int) -> UnsafeBufferPointer<UInt8> {
    guard count >= 0, count <= buffer.count - offset else {
      failed = true
      offset = buffer.count
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    defer { offset += count }
    return UnsafeBufferPointer(rebasing: buffer[offset..<offset + count])
  }

  private mutating func seconds() -> Double {
    guard buffer.count - offset >= 8 else {
      failed = true
      offset = buffer.count
      return 0
    }
    var bits: UInt64 = 0
    for shift in stride(from: 0, to: 64, by: 8) {
      bits |= UInt64(buffer[offset]) << UInt64(shift)
      offset += 1
    }
    return Double(bitPattern: bits)
  }
}
