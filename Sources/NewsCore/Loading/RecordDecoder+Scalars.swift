#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Typed scalars, the implicit typing libyaml leaves to us (a quoted `"123"` is text), and diagnostics.
extension RecordDecoder {
  func text(
    _ value: YAMLEvent, _ field: FieldKey, _ context: Int?, layout: TextSanitizer.Layout = .oneLine,
    container: String = ""
  ) throws(YAMLError) -> String? {
    guard value.kind == .scalar else {
      report(
        .warning, at: value,
        "\(prefix(context))\(container)\(field.spelling) should be text, not \(describe(value)); field ignored"
      )
      try skip(value)
      return nil
    }
    return value.isNull ? nil : TextSanitizer.sanitize(value.bytes, layout: layout)
  }

  /// `text`, but `shared` itself when the value is exactly its (clean) text: most records give the same
  /// `originalUrl` and `webUrl`, and one string for both saves an allocation and its bytes.
  func text(_ value: YAMLEvent, _ field: FieldKey, _ context: Int?, sharing shared: String?) throws(YAMLError)
    -> String?
  {
    if let shared, value.kind == .scalar, shared.utf8.count == value.bytes.count, !value.isNull,
      Self.sameBytes(shared, value.bytes), TextSanitizer.isClean(value.bytes)
    {
      return shared
    }
    return try text(value, field, context)
  }

  private static func sameBytes(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let same = string.utf8.withContiguousStorageIfAvailable { utf8 in
      utf8.count == bytes.count
        && (bytes.count == 0 || memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    }
    return same ?? string.utf8.elementsEqual(bytes)
  }

  /// `text` for values that repeat across records (names, domains, categories): clean ones are shared
  /// through the interner.
  func sharedText(_ value: YAMLEvent, _ field: FieldKey, _ context: Int?, container: String = "")
    throws(YAMLError) -> String?
  {
    guard value.kind == .scalar, !value.isNull, TextSanitizer.isClean(value.bytes) else {
      return try text(value, field, context, container: container)
    }
    return interner.string(value.bytes)
  }

  /// A whole number in `range`; one outside it (or too long for any integer) warns and is dropped, so
  /// nothing computed from a record's number can overflow.
  func integer(
    _ value: YAMLEvent, _ field: FieldKey, _ context: Int?, container: String = "", range: ClosedRange<Int>
  ) throws(YAMLError) -> Int? {
    if value.kind == .scalar, value.isPlain, !value.isNull, Self.isIntegerSyntax(value.bytes) {
      if let number = Self.parseInteger(value.bytes), range.contains(number) { return number }
      report(
        .warning, at: value,
        "\(prefix(context))\(container)\(field.spelling) \(describe(value)) is out of range (\(range.lowerBound) to \(range.upperBound)); field ignored"
      )
      return nil
    }
    return try plain(
      value, field, context, container: container, expected: "a whole number", parse: Self.parseInteger)
  }

  /// `quality` and `heat`: 32-bit, far beyond any real score, so sums and differences always fit.
  static let scoreRange = Int(Int32.min)...Int(Int32.max)
  /// An image's `width` and `height`, in pixels.
  static let pixelRange = 0...1_000_000

  func boolean(_ value: YAMLEvent, _ field: FieldKey, _ context: Int?, container: String = "")
    throws(YAMLError) -> Bool?
  {
    try plain(
      value, field, context, container: container, expected: "true or false", parse: Self.parseBoolean)
  }

  /// A plain (unquoted) scalar `parse` accepts; anything else is a warning and the field is skipped.
  private func plain<Value>(
    _ value: YAMLEvent, _ field: FieldKey, _ context: Int?, container: String, expected: String,
    parse: (UnsafeBufferPointer<UInt8>) -> Value?
  ) throws(YAMLError) -> Value? {
    if value.isNull { return nil }
    if value.kind == .scalar, value.isPlain, let parsed = parse(value.bytes) { return parsed }
    report(
      .warning, at: value,
      "\(prefix(context))\(container)\(field.spelling) should be \(expected), not \(describe(value)); field ignored"
    )
    try skip(value)
    return nil
  }

  func date(_ value: YAMLEvent, _ field: FieldKey, _ context: Int?) throws(YAMLError) -> NewsDate? {
    guard value.kind == .scalar else {
      report(
        .warning, at: value,
        "\(prefix(context))\(field.spelling) should be a date, not \(describe(value)); field ignored")
      try skip(value)
      return nil
    }
    if value.isNull { return nil }
    let seconds: Double?
    switch DateParser.read(value.bytes) {
    case .instant(let instant):
      if DateParser.isCanonical(value.bytes, seconds: instant) {
        return NewsDate(canonicalSecondsSince1970: instant)
      }
      seconds = instant
    case .outOfRange:
      report(
        .warning, at: value,
        "\(prefix(context))\(field.spelling) \(describe(value)) is outside the years 0001-9999; it sorts last"
      )
      seconds = nil
    case .unknown:
      report(
        .warning, at: value,
        "\(prefix(context))\(field.spelling) \(describe(value)) is not a date format this reader knows; it sorts last"
      )
      seconds = nil
    }
    return NewsDate(text: TextSanitizer.sanitize(value.bytes), secondsSince1970: seconds)
  }

  /// A decimal integer with an optional sign, or nil (also on overflow).
  static func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      index = 1
    }
    guard index < bytes.count else { return nil }
    // Negative numbers accumulate downwards, so the most negative value (one more than the most
    // positive) is read too.
    var value = 0
    while index < bytes.count {
      let byte = bytes[index]
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      let (scaled, overflow1) = value.multipliedReportingOverflow(by: 10)
      let digit = Int(byte - 0x30)
      let (sum, overflow2) =
        negative ? scaled.subtractingReportingOverflow(digit) : scaled.addingReportingOverflow(digit)
      if overflow1 || overflow2 { return nil }
      value = sum
      index += 1
    }
    return value
  }

  /// An optional sign and at least one decimal digit, nothing else: a whole number, whether or not it fits.
  static func isIntegerSyntax(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var digits = bytes[...]
    if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      digits = digits.dropFirst()
    }
    return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  /// YAML 1.2 core booleans: true/True/TRUE, false/False/FALSE.
  static func parseBoolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    switch String(decoding: bytes, as: UTF8.self) {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }

  /// A short description of a value for messages: "a mapping", "a list" or the quoted (sanitized) text.
  func describe(_ event: YAMLEvent) -> String {
    switch event.kind {
    case .mappingStart: return "a mapping"
    case .sequenceStart: return "a list"
    case .scalar:
      var text = TextSanitizer.sanitize(event.bytes)
      if text.count > 40 { text = String(text.prefix(40)) + "…" }
      return event.isPlain ? "'\(text)'" : "the text \"\(text)\""
    default: return "nothing"
    }
  }

  /// "related[2]." for fields of a related item, nothing at the top level.
  func prefix(_ context: Int?) -> String {
    context.map { "related[\($0)]." } ?? ""
  }

  func report(_ severity: Diagnostic.Severity, at event: YAMLEvent, _ message: String) {
    diagnostics.append(
      Diagnostic(path: path, line: event.line, column: event.column, severity: severity, message: message))
  }

  /// Consumes the rest of a node whose first event was `event`.
  func skip(_ event: YAMLEvent) throws(YAMLError) {
    guard event.isStart else { return }
    var depth = 1
    while depth > 0 {
      let next = try reader.next()
      if next.isStart {
        depth += 1
      } else if next.kind == .mappingEnd || next.kind == .sequenceEnd {
        depth -= 1
      }
    }
  }

  /// A node as one line of text, `[a, b]` and `{k: v}` for collections, cut at `maxExtraBytes`.
  func render(_ event: YAMLEvent) throws(YAMLError) -> String {
    guard event.isStart else { return event.isNull ? "" : TextSanitizer.sanitize(event.bytes) }
    var output = ""
    try render(event, into: &output)
    return output
  }

  private func render(_ event: YAMLEvent, into output: inout String) throws(YAMLError) {
    func add(_ text: String) {
      if output.utf8.count < Self.maxExtraBytes { output += text }
    }
    switch event.kind {
    case .scalar:
      add(TextSanitizer.sanitize(event.bytes))
    case .sequenceStart, .mappingStart:
      let isMapping = event.kind == .mappingStart
      add(isMapping ? "{" : "[")
      var count = 0
      while true {
        let next = try reader.next()
        if next.kind == .mappingEnd || next.kind == .sequenceEnd { break }
        if count > 0 { add(isMapping && count % 2 == 1 ? ": " : ", ") }
        try render(next, into: &output)
        count += 1
      }
      add(isMapping ? "}" : "]")
    default:
      break
    }
  }
}
