import Foundation

/// Reads query text into a `QueryExpression` by recursive descent over its characters.
///
/// `or` binds loosest, then `and` (explicit or terms side by side), then `-`/`not`. Columns count
/// characters (grapheme clusters) from 1, so a caret can be put under the offending one.
struct QueryParser {
  private let characters: [Character]
  private var position = 0

  init(_ text: String) { characters = Array(text) }

  mutating func parse() throws(QueryError) -> QueryExpression {
    skipSpaces()
    if atEnd { return .all }
    let expression = try parseOr()
    skipSpaces()
    if !atEnd {
      // Only a stray ')' can stop the top level before the end.
      throw error(at: position, "unexpected ')' without a matching '('")
    }
    return expression
  }

  // MARK: Structure

  private mutating func parseOr() throws(QueryError) -> QueryExpression {
    var parts = [try parseAnd()]
    while true {
      skipSpaces()
      let start = position
      guard takeKeyword("or") else { break }
      skipSpaces()
      if atEnd || peek == ")" { throw error(at: start, "'or' needs a term after it") }
      parts.append(try parseAnd())
    }
    return parts.count == 1 ? parts[0] : .or(parts)
  }

  private mutating func parseAnd() throws(QueryError) -> QueryExpression {
    var parts: [QueryExpression] = []
    while true {
      skipSpaces()
      if atEnd || peek == ")" { break }
      let start = position
      if isKeyword("or") {
        if parts.isEmpty { throw error(at: start, "'or' needs a term before it") }
        break
      }
      if takeKeyword("and") {
        skipSpaces()
        if parts.isEmpty { throw error(at: start, "'and' needs a term before it") }
        if atEnd || peek == ")" || isKeyword("or") { throw error(at: start, "'and' needs a term after it") }
        continue
      }
      parts.append(try parseUnary())
    }
    if parts.isEmpty { throw error(at: position, "expected a term") }
    return parts.count == 1 ? parts[0] : .and(parts)
  }

  private mutating func parseUnary() throws(QueryError) -> QueryExpression {
    let start = position
    if peek == "-" {
      position += 1
      if atEnd || peek?.isWhitespace == true || peek == ")" {
        throw error(at: start, "'-' needs a term right after it")
      }
      return .not(try parseUnary())
    }
    if takeKeyword("not") {
      skipSpaces()
      if atEnd || peek == ")" || isKeyword("or") || isKeyword("and") {
        throw error(at: start, "'not' needs a term after it")
      }
      return .not(try parseUnary())
    }
    return try parsePrimary()
  }

  private mutating func parsePrimary() throws(QueryError) -> QueryExpression {
    let start = position
    if peek == "(" {
      position += 1
      skipSpaces()
      if peek == ")" { throw error(at: start, "empty parentheses") }
      if atEnd { throw error(at: start, "'(' is never closed") }
      let inner = try parseOr()
      skipSpaces()
      guard peek == ")" else { throw error(at: start, "'(' is never closed") }
      position += 1
      return inner
    }
    if peek == "\"" {
      let text = try quoted()
      if text.allSatisfy(\.isWhitespace) { throw error(at: start, "empty quoted phrase") }
      return .term(.phrase(text))
    }
    return .term(try parseWordOrField())
  }

  // MARK: Terms

  private mutating func parseWordOrField() throws(QueryError) -> QueryTerm {
    let start = position
    var name = ""
    while let character = peek, character.isASCII, character.isLetter {
      name.append(character)
      position += 1
    }
    let lowered = name.lowercased()
    if !name.isEmpty, peek == ":" {
      position += 1
      return try parseField(lowered, nameStart: start)
    }
    if !name.isEmpty, let operatorStart = Optional(position), let comparison = takeComparison() {
      guard let field = QueryNumberField(rawValue: lowered) else {
        throw error(at: start, "only quality, heat and related can be compared with \(comparison.rawValue)")
      }
      let valueStart = position
      let text = bareValue()
      guard let number = Int(text) else {
        throw error(
          at: text.isEmpty ? operatorStart + comparison.rawValue.count : valueStart,
          "\(name)\(comparison.rawValue) needs a whole number")
      }
      return .number(field, comparison, number)
    }
    position = start
    return .word(bareValue())
  }

  private mutating func parseField(_ name: String, nameStart: Int) throws(QueryError) -> QueryTerm {
    let valueStart = position
    func value(_ parser: inout QueryParser) throws(QueryError) -> QueryPattern {
      if parser.peek == "\"" {
        let text = try parser.quoted()
        if text.isEmpty { throw parser.error(at: valueStart, "\(name): needs a value") }
        return QueryPattern(text, isQuoted: true)
      }
      let text = parser.bareValue()
      if text.isEmpty { throw parser.error(at: valueStart, "\(name): needs a value") }
      return QueryPattern(text)
    }
    if let field = QueryField(rawValue: name) {
      if field == .title, peek == "/" { return .titleRegex(try regex()) }
      return .field(field, try value(&self))
    }
    switch name {
    case "is":
      let text = try value(&self).text
      guard let state = ReadingStateTerm(rawValue: text.lowercased()) else {
        throw error(at: valueStart, "is: takes unread, read, starred or new")
      }
      return .state(state)
    case "date":
      let text = try value(&self).text
      guard let range = QueryParser.dateRange(text.lowercased()) else {
        throw error(
          at: valueStart, "date: takes YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or a range FROM..TO")
      }
      return .date(range)
    case "newer", "older":
      let text = try value(&self).text
      guard let duration = QueryParser.duration(text.lowercased()) else {
        throw error(at: valueStart, "\(name): takes a number and a unit: 12h, 2d, 1w, 6mo or 1y")
      }
      return .age(isNewer: name == "newer", duration)
    default:
      if let field = QueryNumberField(rawValue: name) {
        let text = bareValue()
        guard let number = Int(text) else { throw error(at: valueStart, "\(name): needs a whole number") }
        return .number(field, .equal, number)
      }
      let known = (QueryField.allCases.map(\.rawValue) + ["is", "date", "newer", "older"]).joined(
        separator: ", ")
      throw error(
        at: nameStart, "unknown field '\(name):'; fields are \(known) (quote the word to search for it)")
    }
  }

  /// `/…/` after `title:`; `\/` is a slash inside. The pattern is compiled here so a bad one is an error
  /// with a column rather than a silent non-match.
  private mutating func regex() throws(QueryError) -> String {
    let start = position
    position += 1
    var pattern = ""
    while let character = peek, character != "/" {
      if character == "\\", position + 1 < characters.count, characters[position + 1] == "/" {
        pattern.append("/")
        position += 2
        continue
      }
      pattern.append(character)
      position += 1
    }
    guard peek == "/" else { throw error(at: start, "regular expression is never closed with '/'") }
    position += 1
    if pattern.isEmpty { throw error(at: start, "empty regular expression") }
    do {
      _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    } catch {
      throw self.error(at: start + 1, "invalid regular expression")
    }
    return pattern
  }

  /// A `"…"` string; `\"` and `\\` stand for a quote and a backslash.
  private mutating func quoted() throws(QueryError) -> String {
    let start = position
    position += 1
    var text = ""
    while let character = peek, character != "\"" {
      if character == "\\", position + 1 < characters.count,
        characters[position + 1] == "\"" || characters[position + 1] == "\\"
      {
        text.append(characters[position + 1])
        position += 2
        continue
      }
      text.append(character)
      position += 1
    }
    guard peek == "\"" else { throw error(at: start, "quote is never closed") }
    position += 1
    return text
  }

  /// Characters up to whitespace, a parenthesis or a quote.
  private mutating func bareValue() -> String {
    var text = ""
    while let character = peek, !character.isWhitespace, character != "(", character != ")", character != "\""
    {
      text.append(character)
      position += 1
    }
    return text
  }

  private mutating func takeComparison() -> QueryComparison? {
    for comparison in [QueryComparison.lessOrEqual, .greaterOrEqual, .less, .greater, .equal] {
      let symbol = Array(comparison.rawValue)
      if position + symbol.count <= characters.count,
        Array(characters[position..<(position + symbol.count)]) == symbol
      {
        position += symbol.count
        return comparison
      }
    }
    return nil
  }

  // MARK: Values

  static func dateRange(_ text: String) -> QueryDateRange? {
    guard let separator = text.range(of: "..") else { return day(text).map { QueryDateRange($0) } }
    let fromText = String(text[..<separator.lowerBound])
    let toText = String(text[separator.upperBound...])
    if fromText.isEmpty && toText.isEmpty { return nil }
    let from = fromText.isEmpty ? nil : day(fromText)
    let to = toText.isEmpty ? nil : day(toText)
    if (!fromText.isEmpty && from == nil) || (!toText.isEmpty && to == nil) { return nil }
    return QueryDateRange(from: from, to: to)
  }

  static func day(_ text: String) -> QueryDay? {
    if text == "today" { return .today }
    if text == "yesterday" { return .yesterday }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4,
      parts.dropFirst().allSatisfy({ $0.count == 2 }),
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
    else { return nil }
    let numbers = parts.map { Int($0)! }
    if parts.count == 1 { return .year(numbers[0]) }
    guard (1...12).contains(numbers[1]) else { return nil }
    if parts.count == 2 { return .month(numbers[0], numbers[1]) }
    guard numbers[2] >= 1, numbers[2] <= DateParser.daysInMonth(year: numbers[0], month: numbers[1]) else {
      return nil
    }
    return .day(numbers[0], numbers[1], numbers[2])
  }

  static func duration(_ text: String) -> QueryDuration? {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let count = Int(digits), count <= 1_000_000,
      let unit = QueryDuration.Unit(rawValue: String(text.dropFirst(digits.count)))
    else { return nil }
    return QueryDuration(count, unit)
  }

  // MARK: Characters

  private var atEnd: Bool { position >= characters.count }
  private var peek: Character? { atEnd ? nil : characters[position] }

  private mutating func skipSpaces() {
    while let character = peek, character.isWhitespace { position += 1 }
  }

  /// Whether `word` (any case) stands here as a whole token.
  private func isKeyword(_ word: String) -> Bool {
    let count = word.count
    guard position + count <= characters.count,
      String(characters[position..<(position + count)]).lowercased() == word
    else { return false }
    let next = position + count < characters.count ? characters[position + count] : nil
    return next == nil || next!.isWhitespace || next == "(" || next == ")" || next == "\""
  }

  private mutating func takeKeyword(_ word: String) -> Bool {
    guard isKeyword(word) else { return false }
    position += word.count
    return true
  }

  private func error(at index: Int, _ message: String) -> QueryError {
    QueryError(column: index + 1, message: message)
  }
}
