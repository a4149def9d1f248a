/// A small YAML document whose every node keeps the line and column where it starts, for files whose
/// problems are reported by position (the config file); records never go through it.
public struct YAMLNode: Sendable, Hashable {
  /// What the node holds.
  public enum Content: Sendable, Hashable {
    /// Sanitized text; `quoted` tells a quoted `"123"` (text) from a plain `123`.
    case scalar(String, quoted: Bool)
    case sequence([YAMLNode])
    /// Entries in file order; duplicate keys are kept as given.
    case mapping([(key: YAMLNode, value: YAMLNode)])

    public static func == (left: Content, right: Content) -> Bool {
      switch (left, right) {
      case (.scalar(let a, let x), .scalar(let b, let y)): return a == b && x == y
      case (.sequence(let a), .sequence(let b)): return a == b
      case (.mapping(let a), .mapping(let b)):
        return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
      default: return false
      }
    }

    public func hash(into hasher: inout Hasher) {
      switch self {
      case .scalar(let text, let quoted): hasher.combine(text); hasher.combine(quoted)
      case .sequence(let items): hasher.combine(items)
      case .mapping(let entries):
        for entry in entries {
          hasher.combine(entry.key)
          hasher.combine(entry.value)
        }
      }
    }
  }

  public var content: Content
  /// One-based line where the node starts.
  public var line: Int
  /// One-based column where the node starts.
  public var column: Int

  public init(_ content: Content, line: Int, column: Int) {
    self.content = content
    self.line = line
    self.column = column
  }

  /// The text of a scalar, nil for collections.
  public var text: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }

  /// A plain `~`, `null` or empty scalar.
  public var isNull: Bool {
    guard case .scalar(let text, quoted: false) = content else { return false }
    return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
  }

  /// What `parse` returns: the document read up to the first error, and that error.
  public struct Parsed: Sendable {
    /// The first document, nil when the input has none; after an error, what was complete before it
    /// (mappings cut short at the error keep their complete entries; lists cut short are left out).
    public var document: YAMLNode?
    public var error: YAMLError?
  }

  /// Parses the first document of `bytes`, bounded like records are; never throws, so a caller can
  /// still use what comes before a syntax error.
  public static func parse(_ bytes: [UInt8], maxNodes: Int = 100_000, maxDepth: Int = 64) -> Parsed {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    return bytes.withUnsafeBufferPointer { all -> Parsed in
      let reader = YAMLEventReader(
        bytes: UnsafeBufferPointer(rebasing: all[start...]), maxNodes: maxNodes, maxDepth: maxDepth)
      var builder = Builder()
      do throws(YAMLError) {
        while true {
          let event = try reader.next()
          if event.kind == .streamEnd { break }
          if builder.add(event) { break }
        }
        return Parsed(document: builder.root, error: nil)
      } catch {
        return Parsed(document: builder.closeAll(), error: error)
      }
    }
  }

  /// Parses UTF-8 text.
  public static func parse(_ text: String) -> Parsed { parse(Array(text.utf8)) }

  /// Builds nodes from events with an explicit stack, so a parse cut short still has its open collections.
  private struct Builder {
    private struct Open {
      var node: YAMLNode
      /// For a mapping: the key read whose value has not come yet.
      var pendingKey: YAMLNode?
    }

    private var stack: [Open] = []
    private var inDocument = false
    private(set) var root: YAMLNode?

    /// Adds one event; true when the first document is complete.
    mutating func add(_ event: YAMLEvent) -> Bool {
      switch event.kind {
      case .documentStart:
        inDocument = true
        return false
      case .documentEnd:
        return inDocument
      case .streamEnd:
        return true
      case .scalar:
        let text = TextSanitizer.sanitize(event.bytes)
        return attach(YAMLNode(.scalar(text, quoted: !event.isPlain), line: event.line, column: event.column))
      case .sequenceStart:
        stack.append(Open(node: YAMLNode(.sequence([]), line: event.line, column: event.column)))
        return false
      case .mappingStart:
        stack.append(Open(node: YAMLNode(.mapping([]), line: event.line, column: event.column)))
        return false
      case .sequenceEnd, .mappingEnd:
        guard let done = stack.popLast() else { return false }
        return attach(done.node)
      }
    }

    /// Puts a complete node into the collection being built, or makes it the root.
    private mutating func attach(_ node: YAMLNode) -> Bool {
      guard var top = stack.popLast() else {
        root = node
        return false
      }
      switch top.node.content {
      case .sequence(var items):
        items.append(node)
        top.node.content = .sequence(items)
      case .mapping(var entries):
        if let key = top.pendingKey {
          entries.append((key, node))
          top.node.content = .mapping(entries)
          top.pendingKey = nil
        } else {
          top.pendingKey = node
        }
      case .scalar:
        break
      }
      stack.append(top)
      return false
    }

    /// Closes every open collection (a key left without a value is dropped) and returns the root.
    mutating func closeAll() -> YAMLNode? {
      // A mapping cut short keeps its complete entries (each stands alone); a list cut short would be a
      // wrong value, so it is left out with the key it belonged to.
      while let done = stack.popLast() {
        if case .sequence = done.node.content {
          if !stack.isEmpty { stack[stack.count - 1].pendingKey = nil }
          continue
        }
        _ = attach(done.node)
      }
      return root
    }
  }
}
