/// Checks and formats the links the reader copies and opens.
public enum WebLink {
  /// Whether `url` is an absolute http or https URL with a host and no whitespace or control characters,
  /// the only kind handed to a clipboard or a browser.
  public static func isWebURL(_ url: String) -> Bool {
    let lowered = url.lowercased()
    let rest: Substring
    if lowered.hasPrefix("https://") {
      rest = url.dropFirst(8)
    } else if lowered.hasPrefix("http://") {
      rest = url.dropFirst(7)
    } else {
      return false
    }
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard !host.isEmpty, host.first != ":", host.first != "@" else { return false }
    return !url.unicodeScalars.contains { scalar in
      scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
    }
  }

  /// `[title](url)` with brackets in the title escaped and parentheses in the URL percent-encoded, so the
  /// link survives any Markdown renderer.
  public static func markdown(title: String?, url: String) -> String {
    let text = (title?.isEmpty == false ? title! : url)
    var escaped = ""
    for character in text {
      if character == "[" || character == "]" || character == "\\" { escaped.append("\\") }
      escaped.append(character == "\n" ? " " : character)
    }
    let target = url.replacingAll("(", with: "%28").replacingAll(")", with: "%29")
    return "[\(escaped)](\(target))"
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
