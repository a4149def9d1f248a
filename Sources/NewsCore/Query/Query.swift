/// A parsed query: what `list --query`, the reader's search and saved views all filter with.
///
/// The grammar (README, "Queries"): bare words and `"quoted phrases"` that must all match; `-term` and
/// `not term` exclude; `or` between terms; parentheses; `field:value` terms; `is:` state; `date:`,
/// `newer:`, `older:`; `quality>50`-style comparisons; `title:/regex/`.
public struct Query: Sendable, Hashable {
  /// The text the query was parsed from.
  public var text: String
  public var expression: QueryExpression

  public init(text: String, expression: QueryExpression) {
    self.text = text
    self.expression = expression
  }

  /// Parses `text`; throws a `QueryError` naming the 1-based column of the offending character.
  public init(_ text: String) throws(QueryError) {
    self.text = text
    var parser = QueryParser(text)
    self.expression = try parser.parse()
  }

  /// Whether an `is:` term is in it: its result changes with the reading state, not only the articles.
  public var readsReadingState: Bool { expression.readsReadingState }

  /// Whether every article matching this query matches `previous` too, judged from the text alone: this
  /// is `previous` with terms added side by side, its last word or phrase typed on (`tele` → `teles`), or
  /// both. Anything else (a term changed, negated, an `or`, a number or a date) is not judged, so false.
  public func narrows(_ previous: Query) -> Bool {
    let old = previous.expression.andParts
    let new = expression.andParts
    guard new.count >= old.count else { return false }
    for (position, part) in old.enumerated() {
      let grown = new[position]
      if grown == part { continue }
      // Only the last of the old terms may have grown, and only a word into a longer word or phrase.
      guard position == old.count - 1, let before = part.typedText, let after = grown.typedText else {
        return false
      }
      var folder = TextFolder()
      let folded = folder.fold(before)
      let longer = folder.fold(after)
      guard !folded.isEmpty, longer.count >= folded.count,
        longer.firstRange(of: folded) != nil
      else { return false }
    }
    return true
  }

  /// The query matching every article.
  public static let everything = Query(text: "", expression: .all)

  /// Both queries must match; an empty side is dropped.
  public static func && (lhs: Query, rhs: Query) -> Query {
    switch (lhs.expression, rhs.expression) {
    case (.all, _): return rhs
    case (_, .all): return lhs
    default:
      return Query(text: "(\(lhs.text)) (\(rhs.text))", expression: .and([lhs.expression, rhs.expression]))
    }
  }
}

/// The syntax tree of a query.
public indirect enum QueryExpression: Sendable, Hashable {
  /// The empty query: every article.
  case all
  case term(QueryTerm)
  case not(QueryExpression)
  /// Every part must match (terms side by side, or `and`).
  case and([QueryExpression])
  /// Any part may match.
  case or([QueryExpression])
}

extension QueryExpression {
  /// The parts an article must all match: an `and`'s parts, one term alone, none for the empty query.
  var andParts: [QueryExpression] {
    switch self {
    case .all: []
    case .and(let parts): parts
    default: [self]
    }
  }

  /// The text of a bare word or a phrase (what may grow as it is typed), nil for any other part.
  var typedText: String? {
    switch self {
    case .term(.word(let text)), .term(.phrase(let text)): text
    default: nil
    }
  }

  var readsReadingState: Bool {
    switch self {
    case .all: false
    case .term(let term): if case .state = term { true } else { false }
    case .not(let inner): inner.readsReadingState
    case .and(let parts), .or(let parts): parts.contains { $0.readsReadingState }
    }
  }
}

/// One term of a query.
public enum QueryTerm: Sendable, Hashable {
  /// A bare word: found (case- and diacritic-insensitively) in the article's text or its related coverage.
  case word(String)
  /// A `"quoted phrase"`, found as written (spaces included) in the same text as a word.
  case phrase(String)
  /// `field:value`.
  case field(QueryField, QueryPattern)
  /// `title:/regular expression/`, case-insensitive.
  case titleRegex(String)
  /// `is:unread` and the like.
  case state(ReadingStateTerm)
  /// `date:FROM..TO`, `date:2023-03`, `date:today`.
  case date(QueryDateRange)
  /// `newer:2d` (`isNewer` true) or `older:1w`.
  case age(isNewer: Bool, QueryDuration)
  /// `quality>50`, `heat>=10`, `related>3`.
  case number(QueryNumberField, QueryComparison, Int)
}

/// The fields a `field:value` term can name.
public enum QueryField: String, Sendable, Hashable, CaseIterable {
  case topic, provider, domain, category, type, title, url
}

/// A field term's value: a literal, or (unquoted) a pattern where `*` stands for any run of characters.
public struct QueryPattern: Sendable, Hashable {
  public var text: String
  /// Quoted values are literal: `*` in them is a star.
  public var isQuoted: Bool

  public init(_ text: String, isQuoted: Bool = false) {
    self.text = text
    self.isQuoted = isQuoted
  }

  /// Whether `*` in `text` is a wildcard.
  public var hasWildcard: Bool { !isQuoted && text.contains("*") }
}

/// The reading states `is:` can ask about.
public enum ReadingStateTerm: String, Sendable, Hashable, CaseIterable {
  case unread, read, starred, new
}

/// The numeric fields that can be compared.
public enum QueryNumberField: String, Sendable, Hashable, CaseIterable {
  case quality, heat
  /// The number of related items.
  case related
}

/// `=`, `<`, `<=`, `>`, `>=`.
public enum QueryComparison: String, Sendable, Hashable, CaseIterable {
  case equal = "="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="

  func holds(_ value: Int, _ bound: Int) -> Bool {
    switch self {
    case .equal: value == bound
    case .less: value < bound
    case .lessOrEqual: value <= bound
    case .greater: value > bound
    case .greaterOrEqual: value >= bound
    }
  }
}

/// A calendar period in the user's time zone: a year, a month, a day, or a day relative to now.
public enum QueryDay: Sendable, Hashable {
  case year(Int)
  case month(Int, Int)
  case day(Int, Int, Int)
  case today
  case yesterday
}

/// `date:` from the start of `from` to the end of `to`; an open end is nil.
public struct QueryDateRange: Sendable, Hashable {
  public var from: QueryDay?
  public var to: QueryDay?

  public init(from: QueryDay?, to: QueryDay?) {
    self.from = from
    self.to = to
  }

  /// One period: `date:2023-03`.
  public init(_ day: QueryDay) { self.init(from: day, to: day) }
}

/// A span of time for `newer:` and `older:`: `3h`, `2d`, `1w`, `6mo` (30 days), `1y` (365 days).
public struct QueryDuration: Sendable, Hashable {
  /// The units a duration can be written in.
  public enum Unit: String, Sendable, Hashable, CaseIterable {
    case hours = "h", days = "d", weeks = "w", months = "mo", years = "y"

    var seconds: Double {
      switch self {
      case .hours: 3_600
      case .days: 86_400
      case .weeks: 7 * 86_400
      case .months: 30 * 86_400
      case .years: 365 * 86_400
      }
    }
  }

  public var count: Int
  public var unit: Unit

  public init(_ count: Int, _ unit: Unit) {
    self.count = count
    self.unit = unit
  }

  public var seconds: Double { Double(count) * unit.seconds }
}

/// A query that cannot be read: where (1-based column, in characters) and why.
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
  /// 1-based column of the offending character (one past the end when the text ended too soon).
  public var column: Int
  public var message: String

  public init(column: Int, message: String) {
    self.column = column
    self.message = message
  }

  /// `query:1:COL: error: message`, the form `list --query` prints.
  public var description: String { "query:1:\(column): error: \(message)" }
}
