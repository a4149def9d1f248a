import NewsCore
import ScreenKit

/// `list`'s text and TSV output, printed from `ListingRows`: each field's bytes are copied into the output
/// as they are, and only a provider's name (padded once per distinct name) or a date kept as text is made a
/// string.
enum ListingPrinter {
  /// `date  provider  title` per row in `indices`, the provider column as wide as the widest name (at most
  /// 24 columns); a record without a title shows its excerpt. `relatedOnly` rows matched only through their
  /// related coverage, and say so.
  static func text(_ rows: ListingRows, _ indices: [Int], relatedOnly: Set<Int>, to output: StandardOutput)
    throws
  {
    _ = DisplayWidth.prepareLocale()
    try rows.withRows { row in
      // Each distinct provider name's column count, then its padded form, made once.
      var names: [ByteKey: String] = [:]
      var width = 0
      for index in indices {
        guard let provider = row(index).provider else { continue }
        let key = ByteKey(provider)
        if names[key] == nil {
          let name = String(decoding: provider, as: UTF8.self)
          names[key] = name
          width = max(width, DisplayWidth.columns(of: name))
        }
      }
      width = min(24, width)
      var padded: [ByteKey: String] = [:]
      for (key, name) in names { padded[key] = TextLayout.pad(name, columns: width) }
      let noProvider = TextLayout.pad("", columns: width)
      let noDate = TextLayout.pad("", columns: 10)
      for index in indices {
        let fields = row(index)
        // A date we read is ten columns of ASCII already; the record's own text is fitted to them.
        switch fields.date {
        case .seconds(let seconds): output.appendISO8601(seconds, prefix: 10)
        case .text(let text):
          output.append(TextLayout.pad(String(decoding: text, as: UTF8.self), columns: 10))
        case .none: output.append(noDate)
        }
        output.append("  ")
        output.append(fields.provider.flatMap { padded[ByteKey($0)] } ?? noProvider)
        output.append("  ")
        if let text = fields.title ?? fields.excerpt { output.append(bytes: text) }
        // Found only through related coverage: said so, or the line would seem not to match at all.
        if relatedOnly.contains(index) { output.append("  (in related coverage)") }
        try output.endLine()
      }
    }
  }

  /// A header line, then `id`, `publishedDateTime`, `provider`, `title` and `url` per row in `indices`,
  /// tab-separated; a date that could not be read is the record's own text.
  static func tsv(_ rows: ListingRows, _ indices: [Int], to output: StandardOutput) throws {
    try output.line(["id", "publishedDateTime", "provider", "title", "url"].joined(separator: "\t"))
    let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    try rows.withRows { row in
      for index in indices {
        let fields = row(index)
        output.appendField(bytes: fields.id)
        output.append(byte: 0x09)
        switch fields.date {
        case .seconds(let seconds): output.appendISO8601(seconds)
        case .text(let text): output.appendField(bytes: text)
        case .none: break
        }
        output.append(byte: 0x09)
        output.appendField(bytes: fields.provider ?? empty)
        output.append(byte: 0x09)
        output.appendField(bytes: fields.title ?? empty)
        output.append(byte: 0x09)
        output.appendField(bytes: fields.link ?? empty)
        try output.endLine()
      }
    }
  }
}

/// Bytes compared and hashed by content, pointing into rows that outlive the table they key.
private struct ByteKey: Hashable {
  let bytes: UnsafeBufferPointer<UInt8>

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  func hash(into hasher: inout Hasher) { hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }

  static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { lhs.bytes.elementsEqual(rhs.bytes) }
}
