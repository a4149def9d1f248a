/// A small YAML document as plain values, for tiny files such as themes (records never go through it).
public enum YAMLValue: Sendable, Hashable {
  /// A scalar's sanitized text; `quoted` tells a quoted `"123"` (text) from a plain `123`.
  case scalar(String, quoted: Bool)
  case sequence([YAMLValue])
  /// Entries in file order; duplicate keys are kept as given.
  case mapping([YAMLEntry])

  /// The value of the first entry named `key`, when this is a mapping.
  public subscript(key: String) -> YAMLValue? {
    guard case .mapping(let entries) = self else { return nil }
    return entries.first { $0.key == key }?.value
  }

  /// The text of a scalar, nil for collections.
  public var text: String? {
    if case .scalar(let text, _) = self { return text }
    return nil
  }

  /// Parses the first document of `bytes` (empty input gives an empty plain scalar), bounded like records are.
  public static func parse(_ bytes: [UInt8], maxNodes: Int = 100_000, maxDepth: Int = 64) throws(YAMLError)
    -> YAMLValue
  {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    return try bytes.withUnsafeBufferPointer { all throws(YAMLError) -> YAMLValue in
      let reader = YAMLEventReader(
        bytes: UnsafeBufferPointer(rebasing: all[start...]), maxNodes: maxNodes, maxDepth: maxDepth)
      while true {
        let event = try reader.next()
        switch event.kind {
        case .streamEnd: return .scalar("", quoted: false)
        case .documentStart: return try value(try reader.next(), reader)
        default: continue
        }
      }
    }
  }

  /// Parses UTF-8 text.
  public static func parse(_ text: String) throws(YAMLError) -> YAMLValue {
    try parse(Array(text.utf8))
  }

  private static func value(_ event: YAMLEvent, _ reader: YAMLEventReader) throws(YAMLError) -> YAMLValue {
    switch event.kind {
    case .sequenceStart:
      var items: [YAMLValue] = []
      while true {
        let next = try reader.next()
        if next.kind == .sequenceEnd { return .sequence(items) }
        items.append(try value(next, reader))
      }
    case .mappingStart:
      var entries: [YAMLEntry] = []
      var merged: [YAMLEntry] = []
      while true {
        let next = try reader.next()
        if next.kind == .mappingEnd {
          // `<<` merge keys: merged entries follow the explicit ones, so a lookup finds an explicit entry
          // first wherever it stands, and among merged mappings the first one given wins.
          var seen = Set(entries.map(\.key))
          for entry in merged where seen.insert(entry.key).inserted { entries.append(entry) }
          return .mapping(entries)
        }
        let isMerge = next.kind == .scalar && next.isPlain && next.bytes.elementsEqual("<<".utf8)
        let key = try value(next, reader)
        let keyText: String
        switch key {
        case .scalar(let text, _): keyText = text
        default: throw YAMLError(line: next.line, column: next.column, message: "a mapping key must be text")
        }
        let entryValue = try value(try reader.next(), reader)
        if isMerge {
          switch entryValue {
          case .mapping(let source): merged += source
          case .sequence(let sources):
            for case .mapping(let source) in sources { merged += source }
          case .scalar:
            throw YAMLError(line: next.line, column: next.column, message: "'<<' must merge a mapping")
          }
          continue
        }
        entries.append(YAMLEntry(key: keyText, value: entryValue))
      }
    default:
      return .scalar(TextSanitizer.sanitize(event.bytes), quoted: !event.isPlain)
    }
  }
}

/// One `key: value` entry of a `YAMLValue` mapping.
public struct YAMLEntry: Sendable, Hashable {
  public var key: String
  public var value: YAMLValue

  public init(key: String, value: YAMLValue) {
    self.key = key
    self.value = value
  }
}
