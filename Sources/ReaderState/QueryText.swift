import NewsCore

/// Edits of a query's text that pickers and digit shortcuts make: they write the same `field:"value"` terms
/// a user would type, so the query stays the one readable account of what narrows the list.
public enum QueryText {
  /// The term for `value` in `field`, quoted (a quoted value is literal, so `*` and spaces are safe).
  public static func term(_ field: QueryField, _ value: String) -> String {
    let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
      of: "\"", with: "\\\"")
    return "\(field.rawValue):\"\(escaped)\""
  }

  /// `text` with the term for `value` added at the end, or taken out when `active` (folded) holds it.
  public static func toggling(_ field: QueryField, _ value: String, in text: String, active: [String])
    -> String
  {
    let folded = ArticleCatalog.fold(value)
    if active.contains(where: { ArticleCatalog.fold($0) == folded }) {
      return removing(field, value, from: text)
    }
    let trimmed = text.trimmingTrailingSpaces
    return trimmed.isEmpty ? term(field, value) : trimmed + " " + term(field, value)
  }

  /// `text` without the terms `field:value` or `field:"value"` for `value` (compared folded) that are not
  /// negated, and without the spaces they leave doubled.
  public static func removing(_ field: QueryField, _ value: String, from text: String) -> String {
    let characters = Array(text)
    let prefix = Array(field.rawValue + ":")
    let wanted = ArticleCatalog.fold(value)
    var kept: [Character] = []
    var position = 0
    // Only terms at the top level count: not inside parentheses (an `or` there) nor inside a phrase.
    var depth = 0
    var inQuote = false
    while position < characters.count {
      let atTermStart =
        depth == 0 && !inQuote
        && (position == 0 || characters[position - 1] == " " || characters[position - 1] == "(")
      if atTermStart, position + prefix.count <= characters.count,
        String(characters[position..<(position + prefix.count)]).lowercased() == String(prefix),
        let (valueText, end) = readValue(characters, from: position + prefix.count),
        ArticleCatalog.fold(valueText) == wanted
      {
        position = end
        // Drop one space next to the removed term so none is left doubled.
        if position < characters.count, characters[position] == " " {
          position += 1
        } else if kept.last == " " {
          kept.removeLast()
        }
        continue
      }
      let character = characters[position]
      if inQuote, character == "\\", position + 1 < characters.count {
        kept.append(character)
        position += 1
      } else if character == "\"" {
        inQuote.toggle()
      } else if !inQuote, character == "(" {
        depth += 1
      } else if !inQuote, character == ")" {
        depth = max(0, depth - 1)
      }
      kept.append(characters[position])
      position += 1
    }
    return String(kept)
  }

  /// Whether `token` (a term without spaces, `date:2021-03`) stands alone in `text`: at the start or after
  /// a space, and at the end or before one.
  public static func containsToken(_ token: String, in text: String) -> Bool {
    text.split(separator: " ", omittingEmptySubsequences: true).contains { $0 == token }
  }

  /// `text` without the stand-alone occurrences of `token`, spaces left single.
  public static func removingToken(_ token: String, from text: String) -> String {
    text.split(separator: " ", omittingEmptySubsequences: true).filter { $0 != token }.joined(
      separator: " ")
  }

  /// The value at `start`: a quoted one (with `\"` and `\\` escapes) or a run up to a space or `)`.
  private static func readValue(_ characters: [Character], from start: Int) -> (String, Int)? {
    guard start < characters.count else { return nil }
    var value = ""
    var position = start
    if characters[position] == "\"" {
      position += 1
      while position < characters.count, characters[position] != "\"" {
        if characters[position] == "\\", position + 1 < characters.count { position += 1 }
        value.append(characters[position])
        position += 1
      }
      guard position < characters.count else { return nil }
      return (value, position + 1)
    }
    while position < characters.count, characters[position] != " ", characters[position] != ")" {
      value.append(characters[position])
      position += 1
    }
    return value.isEmpty ? nil : (value, position)
  }

  /// The values of `field` terms that every match must have: those at the top level of the query (alone,
  /// or side by side with other terms), not negated, without wildcards; in query order.
  public static func requiredValues(_ field: QueryField, in query: Query) -> [String] {
    let parts: [QueryExpression]
    switch query.expression {
    case .and(let all): parts = all
    case .term: parts = [query.expression]
    default: parts = []
    }
    return parts.compactMap { part in
      guard case .term(.field(field, let pattern)) = part, !pattern.hasWildcard else { return nil }
      return pattern.text
    }
  }
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
