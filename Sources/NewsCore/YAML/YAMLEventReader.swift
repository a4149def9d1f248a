internal import CLibYAML

/// A YAML problem with the one-based line and column libyaml reported.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  /// Sanitized text.
  public var message: String

  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(line):\(column): \(message)" }
}

/// One parse event, with its bytes borrowed from the reader until the next call to `next()`.
struct YAMLEvent {
  enum Kind {
    case streamEnd, documentStart, documentEnd, mappingStart, mappingEnd, sequenceStart, sequenceEnd, scalar
  }

  var kind: Kind
  /// The scalar's bytes (empty for other kinds).
  var bytes: UnsafeBufferPointer<UInt8>
  /// Plain (unquoted, untagged as `!!str`) scalars get implicit typing; quoted ones are always text.
  var isPlain: Bool
  var line: Int
  var column: Int

  var isStart: Bool { kind == .mappingStart || kind == .sequenceStart }
  /// A plain `~`, `null`, `Null`, `NULL` or empty scalar.
  var isNull: Bool {
    guard kind == .scalar, isPlain else { return false }
    switch bytes.count {
    case 0: return true
    case 1: return bytes[0] == UInt8(ascii: "~")
    case 4:
      let b = bytes
      return (b[0] == UInt8(ascii: "n") || b[0] == UInt8(ascii: "N"))
        && ((b[1] == UInt8(ascii: "u") && b[2] == UInt8(ascii: "l") && b[3] == UInt8(ascii: "l"))
          || (b[1] == UInt8(ascii: "U") && b[2] == UInt8(ascii: "L") && b[3] == UInt8(ascii: "L")))
    default: return false
    }
  }
}

/// Reads libyaml's event stream, expanding aliases itself so that every expansion counts against the node
/// limit (an alias bomb is refused, not expanded) and nesting deeper than the limit is refused.
///
/// The reader is used by one thread at a time and never hands out its state, so its stored properties opt
/// out of run-time exclusivity checks: those cost about a tenth of a load's instructions (callgrind).
final class YAMLEventReader {
  @exclusivity(unchecked) private var parser = yaml_parser_t()
  @exclusivity(unchecked) private var event = yaml_event_t()
  @exclusivity(unchecked) private var holdsEvent = false
  private let maxNodes: Int
  private let maxDepth: Int
  @exclusivity(unchecked) private(set) var nodeCount = 0
  @exclusivity(unchecked) private var depth = 0

  /// A recorded event whose bytes the reader owns, for replaying an anchored node at each alias.
  private struct OwnedEvent {
    var kind: YAMLEvent.Kind
    var bytes: UnsafeBufferPointer<UInt8>
    var isPlain: Bool
  }

  private struct Recording {
    var name: String
    var depth: Int
    var events: [OwnedEvent]
  }

  @exclusivity(unchecked) private var anchors: [String: [OwnedEvent]] = [:]
  @exclusivity(unchecked) private var recordings: [Recording] = []
  /// Aliases being replayed: the events and the next index, innermost last.
  @exclusivity(unchecked) private var replays: [(events: [OwnedEvent], index: Int, line: Int, column: Int)] =
    []
  @exclusivity(unchecked) private var ownedStorage: [UnsafeMutableBufferPointer<UInt8>] = []
  private let input: UnsafeBufferPointer<UInt8>

  /// `bytes` must stay alive and unchanged for the reader's whole life.
  init(bytes: UnsafeBufferPointer<UInt8>, maxNodes: Int, maxDepth: Int) {
    self.maxNodes = maxNodes
    self.maxDepth = maxDepth
    self.input = bytes
    yaml_parser_initialize(&parser)
    yaml_parser_set_input_string(&parser, bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!, bytes.count)
  }

  deinit {
    if holdsEvent { yaml_event_delete(&event) }
    yaml_parser_delete(&parser)
    for storage in ownedStorage { storage.deallocate() }
  }

  /// The next event; aliases never appear, they are replaced by the events of the node they name.
  func next() throws(YAMLError) -> YAMLEvent {
    // Almost every event comes straight from libyaml with no anchor being recorded: keep that path short.
    if replays.isEmpty, let live = try nextLive() {
      try account(live)
      return live
    }
    let result: YAMLEvent
    if var replay = replays.popLast() {
      let owned = replay.events[replay.index]
      replay.index += 1
      if replay.index < replay.events.count { replays.append(replay) }
      result = YAMLEvent(
        kind: owned.kind, bytes: owned.bytes, isPlain: owned.isPlain, line: replay.line, column: replay.column
      )
    } else {
      guard let live = try nextLive() else { return try next() }
      result = live
    }
    try account(result)
    return result
  }

  /// Reads one libyaml event; nil when it was an alias whose replay was queued.
  private func nextLive() throws(YAMLError) -> YAMLEvent? {
    if holdsEvent {
      yaml_event_delete(&event)
      holdsEvent = false
    }
    guard yaml_parser_parse(&parser, &event) != 0 else { throw parserError() }
    holdsEvent = true
    let line = Int(event.start_mark.line) + 1
    let column = Int(event.start_mark.column) + 1
    var anchor: UnsafeMutablePointer<yaml_char_t>? = nil
    var result = YAMLEvent(
      kind: .streamEnd, bytes: UnsafeBufferPointer(start: nil, count: 0), isPlain: false, line: line,
      column: column)
    switch event.type {
    case YAML_STREAM_START_EVENT:
      return try nextLive()
    case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
      result.kind = .streamEnd
    case YAML_DOCUMENT_START_EVENT:
      anchors.removeAll()
      nodeCount = 0
      depth = 0
      result.kind = .documentStart
    case YAML_DOCUMENT_END_EVENT:
      result.kind = .documentEnd
    case YAML_ALIAS_EVENT:
      let name = String(cString: event.data.alias.anchor)
      guard let events = anchors[name], !events.isEmpty else {
        throw YAMLError(line: line, column: column, message: "unknown alias *\(TextSanitizer.sanitize(name))")
      }
      replays.append((events, 0, line, column))
      return nil
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      result.kind = .scalar
      result.bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
      result.isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && !Self.isStringTag(scalar.tag)
      anchor = scalar.anchor
    case YAML_SEQUENCE_START_EVENT:
      result.kind = .sequenceStart
      anchor = event.data.sequence_start.anchor
    case YAML_SEQUENCE_END_EVENT:
      result.kind = .sequenceEnd
    case YAML_MAPPING_START_EVENT:
      result.kind = .mappingStart
      anchor = event.data.mapping_start.anchor
    case YAML_MAPPING_END_EVENT:
      result.kind = .mappingEnd
    default:
      return try nextLive()
    }
    if let anchor {
      recordings.append(Recording(name: String(cString: anchor), depth: depth, events: []))
    }
    return result
  }

  /// Counts nodes and depth, and records the event into every anchor being recorded.
  @inline(__always)
  private func account(_ result: YAMLEvent) throws(YAMLError) {
    switch result.kind {
    case .scalar, .mappingStart, .sequenceStart:
      nodeCount += 1
      if nodeCount > maxNodes {
        throw YAMLError(
          line: result.line, column: result.column,
          message: "document has more than \(maxNodes) nodes (alias expansions included); refused")
      }
      if result.kind != .scalar {
        depth += 1
        if depth > maxDepth {
          throw YAMLError(
            line: result.line, column: result.column,
            message: "nesting deeper than \(maxDepth) levels; refused")
        }
      }
    case .mappingEnd, .sequenceEnd:
      depth -= 1
    default:
      return
    }
    guard !recordings.isEmpty else { return }
    let owned = OwnedEvent(kind: result.kind, bytes: own(result.bytes), isPlain: result.isPlain)
    for index in recordings.indices { recordings[index].events.append(owned) }
    // A recording ends when its node is complete: a scalar at its depth, or the end matching its start.
    while let last = recordings.last, depth == last.depth {
      anchors[last.name] = last.events
      recordings.removeLast()
    }
  }

  private func own(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard bytes.count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
    let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = storage.initialize(from: bytes)
    ownedStorage.append(storage)
    return UnsafeBufferPointer(storage)
  }

  private static func isStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
    guard let tag else { return false }
    let text = String(cString: tag)
    return text == "tag:yaml.org,2002:str" || text == "!"
  }

  private func parserError() -> YAMLError {
    let mark = parser.problem_mark
    var message = parser.problem.map { String(cString: $0) } ?? "YAML error"
    if let context = parser.context.map({ String(cString: $0) }) { message = "\(context), \(message)" }
    var line = Int(mark.line) + 1
    var column = Int(mark.column) + 1
    if parser.error == YAML_READER_ERROR {
      // Reader errors (bad UTF-8, control bytes) carry a byte offset, not a mark: count lines up to it.
      let offset = min(Int(parser.problem_offset), input.count)
      line = 1
      column = 1
      for byte in input[..<offset] {
        if byte == 0x0A {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
      }
    }
    return YAMLError(line: line, column: column, message: TextSanitizer.sanitize(message))
  }
}
