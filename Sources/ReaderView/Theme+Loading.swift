import Foundation
import NewsCore
import ScreenKit

/// Reading themes from YAML files: `roles` maps each role name to `fg`, `bg` and `attrs`.
///
/// ```yaml
/// name: dark
/// roles:
///   selected: { fg: black, bg: cyan, attrs: [bold] }
///   dim: { fg: bright-black }
/// ```
/// A role takes only what its entry says (a role without `attrs` has no attributes, one without `bg` the
/// terminal's background); roles a file leaves out keep the monochrome styles, so a partial theme still
/// shows the selection.
extension Theme {
  /// What went wrong with a theme file; the reader shows it and carries on with a fallback theme.
  public struct LoadProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
  }

  /// Parses theme YAML. Unknown roles, colours or attributes are reported in `warnings` and skipped.
  public static func parse(_ bytes: [UInt8], name fallbackName: String) throws(LoadProblem) -> (
    theme: Theme, warnings: [String]
  ) {
    let document: YAMLValue
    do {
      document = try YAMLValue.parse(bytes, maxNodes: 10_000, maxDepth: 8)
    } catch {
      throw LoadProblem(description: "\(error.line):\(error.column): \(error.message)")
    }
    guard case .mapping = document, let roles = document["roles"], case .mapping(let entries) = roles else {
      throw LoadProblem(description: "a theme needs a `roles` mapping")
    }
    var warnings: [String] = []
    var styles: [ThemeRole: Style] = [:]
    for entry in entries {
      guard let role = ThemeRole(rawValue: entry.key) else {
        warnings.append("unknown role `\(entry.key)`")
        continue
      }
      // Only what the file says: starting from the monochrome style would add its reverse or dim to a
      // role that names colours alone (a reversed status bar, dates dimmed on top of their grey).
      var style = Style.plain
      if let foreground = entry.value["fg"]?.text {
        if let color = Color(parsing: foreground) {
          style.foreground = color
        } else {
          warnings.append("\(entry.key): unknown colour `\(foreground)`")
        }
      }
      if let background = entry.value["bg"]?.text {
        if let color = Color(parsing: background) {
          style.background = color
        } else {
          warnings.append("\(entry.key): unknown colour `\(background)`")
        }
      }
      if let attributes = entry.value["attrs"] {
        style.attributes = []
        let names: [String]
        switch attributes {
        case .sequence(let items): names = items.compactMap(\.text)
        case .scalar(let text, _):
          names = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        case .mapping: names = []
        }
        for attributeName in names {
          if let attribute = Theme.attributeNames[attributeName.lowercased()] {
            style.attributes.insert(attribute)
          } else {
            warnings.append("\(entry.key): unknown attribute `\(attributeName)`")
          }
        }
      }
      styles[role] = style
    }
    let name = document["name"]?.text ?? fallbackName
    return (Theme(name: name, styles: styles, base: .monochrome), warnings)
  }

  static let attributeNames: [String: TextAttributes] = [
    "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse,
  ]

  /// Where themes named on the command line are looked for, in order: `./themes`, the user's
  /// `$XDG_CONFIG_HOME/newsreader/themes` (or `~/.config/...`), then the installed `share/newsreader/themes`
  /// beside the binary, then the source tree's `themes/` when running from `.build`.
  public static func searchDirectories(environment: [String: String], executablePath: String) -> [String] {
    var directories = ["themes"]
    if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
      directories.append("\(config)/newsreader/themes")
    } else if let home = environment["HOME"], !home.isEmpty {
      directories.append("\(home)/.config/newsreader/themes")
    }
    let binDirectory = (executablePath as NSString).deletingLastPathComponent
    directories.append("\(binDirectory)/../share/newsreader/themes")
    directories.append("\(binDirectory)/../../themes")
    return directories
  }

  /// The theme named or pointed to by `request`, or the default (`dark`) when nil.
  ///
  /// A request containing `/` or ending in `.yaml` is a path; otherwise it is a name looked up in
  /// `directories`. The default falls back to the built-in dark theme silently; a requested theme that
  /// is missing or broken falls back too, with a message saying why.
  public static func resolve(_ request: String?, directories: [String]) -> (theme: Theme, message: String?) {
    let isPath = request.map { $0.contains("/") || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") } ?? false
    let name = request ?? "dark"
    let candidates = isPath ? [name] : directories.map { "\($0)/\(name).yaml" }
    guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
      if request == nil { return (.builtInDark, nil) }
      if name == "monochrome" { return (.monochrome, nil) }
      return (.builtInDark, "theme `\(TextSanitizer.sanitize(name))` not found; using the built-in theme")
    }
    guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20 else {
      return (.builtInDark, "cannot read theme \(TextSanitizer.sanitize(path)); using the built-in theme")
    }
    do {
      let (theme, warnings) = try parse(Array(data), name: name)
      let message = warnings.first.map {
        "theme \(TextSanitizer.sanitize(path)): \(TextSanitizer.sanitize($0))"
      }
      return (theme, message)
    } catch {
      return (
        .builtInDark,
        "theme \(TextSanitizer.sanitize(path)): \(TextSanitizer.sanitize(error.description)); using the built-in theme"
      )
    }
  }
}
