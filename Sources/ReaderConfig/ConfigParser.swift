import NewsCore
import ScreenKit

/// Reads a config file into a `ReaderConfig` and a list of problems, each with its line and column.
/// It never fails: what is wrong keeps its default, and the rest of the file still applies.
public struct ConfigParser: Sendable {
  /// The action names a binding may use; nil leaves names unchecked (beyond their spelling).
  public var knownActions: [String]?
  /// Checks a view's query text: nil when it is fine, else the problem.
  public var checkQuery: (@Sendable (String) -> String?)?

  public init(knownActions: [String]? = nil, checkQuery: (@Sendable (String) -> String?)? = nil) {
    self.knownActions = knownActions
    self.checkQuery = checkQuery
  }

  /// What `parse` returns.
  public struct Result: Sendable {
    public var config: ReaderConfig
    /// In file order.
    public var problems: [Diagnostic]

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
  }

  /// Parses `bytes`; `path` names the file in problems.
  public func parse(_ bytes: [UInt8], path: String) -> Result {
    var run = ParseRun(path: path, parser: self)
    var bytes = bytes
    // libyaml refuses a whole file over one bad byte; repairing it first lets the rest apply.
    if let (line, column) = ParseRun.firstInvalidUTF8(bytes) {
      run.report(.error, line, column, "invalid UTF-8, read as U+FFFD")
      bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
    }
    let parsed = YAMLNode.parse(bytes, maxNodes: 20_000, maxDepth: 16)
    if let document = parsed.document { run.document(document) }
    if let error = parsed.error {
      run.report(
        .error, error.line, error.column,
        "\(error.message); the settings from here on keep their defaults")
    }
    run.problems.sort { ($0.line, $0.column) < ($1.line, $1.column) }
    return Result(config: run.config, problems: run.problems)
  }

  /// Parses UTF-8 text.
  public func parse(_ text: String, path: String) -> Result { parse(Array(text.utf8), path: path) }
}

/// One parse's state: the config so far and the problems found.
private struct ParseRun {
  let path: String
  let parser: ConfigParser
  var config = ReaderConfig()
  var problems: [Diagnostic] = []

  init(path: String, parser: ConfigParser) {
    self.path = path
    self.parser = parser
  }

  mutating func report(_ severity: Diagnostic.Severity, _ line: Int, _ column: Int, _ message: String) {
    problems.append(
      Diagnostic(path: path, line: line, column: column, severity: severity, message: message))
  }

  mutating func report(_ severity: Diagnostic.Severity, at node: YAMLNode, _ message: String) {
    report(severity, node.line, node.column, message)
  }

  /// The line and column (in characters) of the first byte that is not valid UTF-8, if any.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
    var line = 1
    var column = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0..<0x80: length = 1
      case 0xC2..<0xE0: length = 2
      case 0xE0..<0xF0: length = 3
      case 0xF0..<0xF5: length = 4
      default: return (line, column)
      }
      guard index + length <= bytes.count else { return (line, column) }
      let end = index + length
      if length > 1 {
        guard String(validating: bytes[index..<end], as: UTF8.self) != nil else { return (line, column) }
      }
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index = end
    }
    return nil
  }

  mutating func document(_ root: YAMLNode) {
    guard case .mapping(let entries) = root.content else {
      if !root.isNull {
        report(
          .error, at: root,
          "a config file is a mapping of settings (name: value); found \(root.kindDescription)")
      }
      return
    }
    let known = Setting.all.map(\.name) + ReaderConfig.sectionNames
    var seen: [String: Int] = [:]
    for (key, value) in entries {
      guard let name = key.text else {
        report(.error, at: key, "a setting name must be text, found \(key.kindDescription)")
        continue
      }
      if let first = seen[name] {
        report(.warning, at: key, "\"\(name)\" is set twice (first on line \(first)); the later one applies")
      }
      seen[name] = key.line
      switch name {
      case "keys": keys(value)
      case "views": views(value)
      default:
        guard let setting = Setting.named(name) else {
          report(.warning, at: key, "unknown setting \"\(name)\"" + NearestName.hint(for: name, among: known))
          continue
        }
        if value.isNull {
          report(
            .warning, at: value, "\"\(name)\" has no value; the default (\(setting.defaultText)) applies")
          continue
        }
        if let problem = setting.apply(&config.settings, value) {
          report(
            .error, problem.line, problem.column,
            "\(name): \(problem.message); the default (\(setting.defaultText)) applies")
          config.explicitSettings.remove(name)
          setting.reset(&config.settings)
        } else {
          config.explicitSettings.insert(name)
        }
      }
    }
  }

  // MARK: keys

  mutating func keys(_ section: YAMLNode) {
    if section.isNull { return }
    guard case .mapping(let contexts) = section.content else {
      report(.error, at: section, "keys: expected a mapping of contexts, found \(section.kindDescription)")
      return
    }
    let contextNames = BindingContext.allCases.map(\.rawValue)
    for (contextKey, bindings) in contexts {
      guard let name = contextKey.text, let context = BindingContext(rawValue: name) else {
        report(
          .error, at: contextKey,
          "keys: unknown context \"\(contextKey.text ?? "")\""
            + NearestName.hint(for: contextKey.text ?? "", among: contextNames)
            + " (contexts: \(contextNames.joined(separator: ", ")))")
        continue
      }
      if bindings.isNull { continue }
      guard case .mapping(let entries) = bindings.content else {
        report(
          .error, at: bindings,
          "keys.\(name): expected a mapping of keys to actions, found \(bindings.kindDescription)")
        continue
      }
      for (keyNode, actionNode) in entries { binding(context, keyNode, actionNode) }
    }
  }

  mutating func binding(_ context: BindingContext, _ keyNode: YAMLNode, _ actionNode: YAMLNode) {
    guard let sequence = keySequence(keyNode, "keys.\(context.rawValue)") else { return }
    guard let actions = actionNames(actionNode) else { return }
    if let earlier = config.keys.firstIndex(where: { $0.context == context && $0.sequence == sequence }) {
      report(
        .warning, at: keyNode,
        "\(sequence) is bound twice in \(context.rawValue) (first on line \(config.keys[earlier].line)); the later binding applies"
      )
      config.keys.remove(at: earlier)
    }
    config.keys.append(
      ConfiguredBinding(
        context: context, sequence: sequence, actions: actions, line: keyNode.line, column: keyNode.column))
  }

  /// The key sequence a node names, reporting a bad name at its own column.
  mutating func keySequence(_ node: YAMLNode, _ where_: String) -> KeySequence? {
    guard let text = node.text, !node.isNull else {
      report(.error, at: node, "\(where_): expected a key name, found \(node.kindDescription)")
      return nil
    }
    do {
      return try KeySequence(parsing: text)
    } catch {
      let quote = if case .scalar(_, quoted: true) = node.content { 1 } else { 0 }
      let knownNames = Key.namedKeys.map(\.name)
      let hint =
        error.message.hasPrefix("unknown key") ? NearestName.hint(for: error.name, among: knownNames) : ""
      report(.error, node.line, node.column + quote + error.offset - 1, "\(where_): \(error.message)\(hint)")
      return nil
    }
  }

  /// The action names a binding's value gives: one name, a list, or `none` (an empty list).
  mutating func actionNames(_ node: YAMLNode) -> [String]? {
    let items: [YAMLNode]
    switch node.content {
    case .scalar(let text, quoted: false) where text == "none": return []
    case .scalar where !node.isNull: items = [node]
    case .sequence(let list):
      guard !list.isEmpty else {
        report(.error, at: node, "an empty list binds nothing; write none to unbind the key")
        return nil
      }
      items = list
    default:
      report(
        .error, at: node,
        "expected an action name, a list of action names or none, found \(node.kindDescription)")
      return nil
    }
    var names: [String] = []
    var valid = true
    for item in items {
      guard let name = item.text, !item.isNull else {
        report(.error, at: item, "expected an action name, found \(item.kindDescription)")
        valid = false
        continue
      }
      if let known = parser.knownActions {
        if !known.contains(name) {
          report(.error, at: item, "unknown action \"\(name)\"" + NearestName.hint(for: name, among: known))
          valid = false
        }
      } else if !ActionName.isWellFormed(name) {
        report(.error, at: item, "\"\(name)\" is not an action name (lower-case words joined by -)")
        valid = false
      }
      names.append(name)
    }
    return valid ? names : nil
  }

  // MARK: views

  mutating func views(_ section: YAMLNode) {
    if section.isNull { return }
    guard case .mapping(let entries) = section.content else {
      report(.error, at: section, "views: expected a mapping of view names, found \(section.kindDescription)")
      return
    }
    for (nameNode, body) in entries {
      guard let name = nameNode.text, !nameNode.isNull, !name.isEmpty else {
        report(.error, at: nameNode, "views: a view name must be text, found \(nameNode.kindDescription)")
        continue
      }
      var queryNode: YAMLNode?
      var keyNode: YAMLNode?
      switch body.content {
      case .scalar where !body.isNull:
        queryNode = body
      case .mapping(let fields):
        for (field, value) in fields {
          switch field.text {
          case "query": queryNode = value
          case "key": keyNode = value
          default:
            report(
              .warning, at: field,
              "views.\(name): unknown field \"\(field.text ?? "")\""
                + NearestName.hint(for: field.text ?? "", among: ["query", "key"]))
          }
        }
      default:
        report(.error, at: body, "views.\(name): expected {query: …, key: …}, found \(body.kindDescription)")
        continue
      }
      guard let queryNode, let query = queryNode.text, !queryNode.isNull else {
        report(.error, at: queryNode ?? nameNode, "views.\(name): a view needs a query")
        continue
      }
      if let problem = parser.checkQuery?(query) {
        report(.error, at: queryNode, "views.\(name): \(problem)")
        continue
      }
      var key: KeySequence?
      if let keyNode, !keyNode.isNull {
        key = keySequence(keyNode, "views.\(name).key")
        if let key, let other = config.views.first(where: { $0.key == key && $0.name != name }) {
          report(.warning, at: keyNode, "views.\(name).key: \(key) is also the key of view \"\(other.name)\"")
        }
      }
      if let earlier = config.views.firstIndex(where: { $0.name == name }) {
        report(
          .warning, at: nameNode,
          "view \"\(name)\" is defined twice (first on line \(config.views[earlier].line)); the later one applies"
        )
        config.views.remove(at: earlier)
      }
      config.views.append(
        SavedView(name: name, query: query, key: key, line: nameNode.line, column: nameNode.column))
    }
  }
}

/// The spelling every action name has: lower-case words of letters and digits joined by `-`.
enum ActionName {
  static func isWellFormed(_ name: String) -> Bool {
    let words = name.split(separator: "-", omittingEmptySubsequences: false)
    return !name.isEmpty
      && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
  }
}
