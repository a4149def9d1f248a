import Foundation
import NewsCore

/// A value that does not fit its setting, located at the node (or a spot inside it).
struct ValueProblem: Error {
  var message: String
  var line: Int
  var column: Int

  init(_ message: String, at node: YAMLNode) {
    self.message = message
    self.line = node.line
    self.column = node.column
  }
}

/// How one kind of setting value is read from YAML and written back: its decoder, its encoder and the
/// name the manual and the error messages give it.
struct SettingType<Value: Sendable>: Sendable {
  /// What the manual and errors call it: "true or false", "seconds from 0 to 60".
  var name: String
  var decode: @Sendable (YAMLNode) -> Result<Value, ValueProblem>
  var encode: @Sendable (Value) -> String
}

extension SettingType where Value == Bool {
  /// `true`/`false`, also `on`/`off` and `yes`/`no`, unquoted.
  static let boolean = SettingType(
    name: "true or false",
    decode: { node in
      if case .scalar(let text, quoted: false) = node.content {
        switch text.lowercased() {
        case "true", "on", "yes": return .success(true)
        case "false", "off", "no": return .success(false)
        default: break
        }
      }
      return .failure(ValueProblem("expected true or false, found \(node.kindDescription)", at: node))
    },
    encode: { $0 ? "true" : "false" })
}

extension SettingType where Value == Double {
  /// A plain number of seconds within `range`.
  static func seconds(in range: ClosedRange<Double>) -> SettingType {
    let name = "seconds from \(ConfigYAML.number(range.lowerBound)) to \(ConfigYAML.number(range.upperBound))"
    return SettingType(
      name: name,
      decode: { node in
        if case .scalar(let text, quoted: false) = node.content, let value = Double(text), value.isFinite {
          if range.contains(value) { return .success(value) }
          return .failure(ValueProblem("\(text) is out of range: expected \(name)", at: node))
        }
        return .failure(ValueProblem("expected \(name), found \(node.kindDescription)", at: node))
      },
      encode: { ConfigYAML.number($0) })
  }
}

extension SettingType where Value == String {
  /// Any non-empty text on one line.
  static let text = SettingType(
    name: "text",
    decode: { node in
      guard let text = node.text, !node.isNull else {
        return .failure(ValueProblem("expected text, found \(node.kindDescription)", at: node))
      }
      return .success(text)
    },
    encode: { ConfigYAML.quoted($0) })

  /// strftime-style conversions that `DateFormat` knows.
  static let dateFormat = SettingType(
    name: "a date format",
    decode: { node in
      guard let text = node.text, !node.isNull else {
        return .failure(ValueProblem("expected a date format, found \(node.kindDescription)", at: node))
      }
      if let problem = DateFormat.problem(in: text) {
        return .failure(ValueProblem(problem, at: node))
      }
      return .success(text)
    },
    encode: { ConfigYAML.quoted($0) })
}

extension SettingType where Value == [String] {
  /// A list of paths (one path alone is taken as a list of one); `~/` is the home directory.
  static let paths = SettingType(
    name: "a list of paths",
    decode: { node in
      switch node.content {
      case .scalar(let text, _) where !node.isNull: return .success([text])
      case .sequence(let items):
        var paths: [String] = []
        for item in items {
          guard let text = item.text, !item.isNull, !text.isEmpty else {
            return .failure(ValueProblem("expected a path, found \(item.kindDescription)", at: item))
          }
          paths.append(text)
        }
        return .success(paths)
      default:
        return .failure(ValueProblem("expected a list of paths, found \(node.kindDescription)", at: node))
      }
    },
    encode: { "[" + $0.map(ConfigYAML.quoted).joined(separator: ", ") + "]" })
}

extension SettingType where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
  /// One of the enumeration's raw values.
  static var choice: SettingType {
    let names = Value.allCases.map(\.rawValue)
    let name = "one of " + names.joined(separator: ", ")
    return SettingType(
      name: name,
      decode: { node in
        if let text = node.text, let value = Value(rawValue: text.lowercased()) { return .success(value) }
        let found = node.text.map { "\"\($0)\"" } ?? node.kindDescription
        return .failure(
          ValueProblem(
            "expected \(name), found \(found)" + NearestName.hint(for: node.text ?? "", among: names),
            at: node))
      },
      encode: { $0.rawValue })
  }
}

extension SettingType where Value == TimeZoneChoice {
  /// `system`, or a time zone the system's database knows.
  static let timeZone = SettingType(
    name: "system, UTC or a time zone name such as Europe/Paris",
    decode: { node in
      guard let text = node.text, !node.isNull, !text.isEmpty else {
        return .failure(ValueProblem("expected a time zone name, found \(node.kindDescription)", at: node))
      }
      if text == "system" { return .success(.system) }
      guard TimeZone(identifier: text) != nil else {
        return .failure(ValueProblem("unknown time zone \"\(text)\"", at: node))
      }
      return .success(.named(text))
    },
    encode: {
      switch $0 {
      case .system: return "system"
      case .named(let name): return ConfigYAML.quoted(name)
      }
    })
}

extension SettingType where Value == BrowserChoice {
  /// `auto`, or a command.
  static let browser = SettingType(
    name: "auto, or a command (%s is replaced by the link)",
    decode: { node in
      guard let text = node.text?.trimmingCharacters(in: .whitespaces), !node.isNull, !text.isEmpty else {
        return .failure(ValueProblem("expected auto or a command, found \(node.kindDescription)", at: node))
      }
      return .success(text == "auto" ? .automatic : .command(text))
    },
    encode: {
      switch $0 {
      case .automatic: return "auto"
      case .command(let command): return ConfigYAML.quoted(command)
      }
    })
}

extension SettingType where Value == ClipboardChoice {
  /// `auto`, `osc52`, `off`, or a program.
  static let clipboard = SettingType(
    name: "auto, osc52, off, or a program that reads the text on its input",
    decode: { node in
      if case .scalar(let text, quoted: false) = node.content, ["false", "no"].contains(text.lowercased()) {
        return .success(.off)
      }
      guard let text = node.text?.trimmingCharacters(in: .whitespaces), !node.isNull, !text.isEmpty else {
        return .failure(
          ValueProblem("expected auto, osc52, off or a program, found \(node.kindDescription)", at: node))
      }
      switch text.lowercased() {
      case "auto": return .success(.automatic)
      case "osc52", "osc-52": return .success(.osc52)
      case "off": return .success(.off)
      default: return .success(.program(text))
      }
    },
    encode: {
      switch $0 {
      case .automatic: return "auto"
      case .osc52: return "osc52"
      case .off: return "off"
      case .program(let program): return ConfigYAML.quoted(program)
      }
    })
}

extension SettingType where Value == LanguageChoice {
  /// `system`, or a list of language tags.
  static let languages = SettingType(
    name: "system, or a list of language tags such as [en, pt-BR]",
    decode: { node in
      if node.text == "system" { return .success(.system) }
      let items: [YAMLNode]
      switch node.content {
      case .sequence(let list): items = list
      case .scalar where !node.isNull: items = [node]
      default:
        return .failure(
          ValueProblem("expected system or a list of language tags, found \(node.kindDescription)", at: node))
      }
      var tags: [String] = []
      for item in items {
        guard let tag = item.text, LanguageTag.isValid(tag) else {
          let found = item.text.map { "\"\($0)\"" } ?? item.kindDescription
          return .failure(
            ValueProblem("expected a language tag such as en or pt-BR, found \(found)", at: item))
        }
        tags.append(tag)
      }
      return .success(.list(tags))
    },
    encode: {
      switch $0 {
      case .system: return "system"
      case .list(let tags): return "[" + tags.map(ConfigYAML.quoted).joined(separator: ", ") + "]"
      }
    })
}

/// BCP 47 language tags, checked loosely: a 2–3 letter language, then letter-or-digit subtags.
enum LanguageTag {
  static func isValid(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let language = parts.first, (2...3).contains(language.count),
      language.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }
}

extension YAMLNode {
  /// "a list", "a mapping", "text \"x\"", "nothing": what a value was, for error messages.
  var kindDescription: String {
    switch content {
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    case .scalar(let text, let quoted):
      if !quoted, isNull { return "nothing" }
      return "\"\(text)\""
    }
  }
}
