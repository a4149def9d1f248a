import NewsCore
import Testing

/// Query text to syntax tree, and every error with its column.
@Suite struct QueryParserTests {
  static func word(_ text: String) -> QueryExpression { .term(.word(text)) }
  static func field(_ field: QueryField, _ text: String, quoted: Bool = false) -> QueryExpression {
    .term(.field(field, QueryPattern(text, isQuoted: quoted)))
  }

  static let trees: [(String, QueryExpression)] = [
    ("", .all),
    ("   ", .all),
    ("earthquake", word("earthquake")),
    ("climate summit", .and([word("climate"), word("summit")])),
    ("climate and summit", .and([word("climate"), word("summit")])),
    ("\"climate summit\"", .term(.phrase("climate summit"))),
    ("\"say \\\"hi\\\"\"", .term(.phrase("say \"hi\""))),
    ("-sport", .not(word("sport"))),
    ("not sport", .not(word("sport"))),
    ("NOT sport", .not(word("sport"))),
    ("e-mail", word("e-mail")),
    ("--x", .not(.not(word("x")))),
    ("a or b", .or([word("a"), word("b")])),
    ("a OR b or c", .or([word("a"), word("b"), word("c")])),
    ("a b or c", .or([.and([word("a"), word("b")]), word("c")])),
    ("a (b or c)", .and([word("a"), .or([word("b"), word("c")])])),
    ("-(b or c)", .not(.or([word("b"), word("c")]))),
    ("orange nothing android", .and([word("orange"), word("nothing"), word("android")])),
    ("topic:Sport", field(.topic, "Sport")),
    ("topic:\"Power Apps\"", field(.topic, "Power Apps", quoted: true)),
    ("domain:*.wikipedia.org", field(.domain, "*.wikipedia.org")),
    ("Domain:sv.*", field(.domain, "sv.*")),
    (
      "provider:BBC category:news type:article",
      .and([
        field(.provider, "BBC"), field(.category, "news"), field(.type, "article"),
      ])
    ),
    ("url:example.com/2023", field(.url, "example.com/2023")),
    ("title:Trump", field(.title, "Trump")),
    ("title:/^Don(ald)? .*p$/", .term(.titleRegex("^Don(ald)? .*p$"))),
    ("title:/a\\/b/", .term(.titleRegex("a/b"))),
    ("is:unread is:STARRED", .and([.term(.state(.unread)), .term(.state(.starred))])),
    (
      "date:2023-03-01..2023-03-31",
      .term(.date(QueryDateRange(from: .day(2023, 3, 1), to: .day(2023, 3, 31))))
    ),
    ("date:2023-03", .term(.date(QueryDateRange(.month(2023, 3))))),
    ("date:2023", .term(.date(QueryDateRange(.year(2023))))),
    ("date:2023..", .term(.date(QueryDateRange(from: .year(2023), to: nil)))),
    ("date:..2022-12", .term(.date(QueryDateRange(from: nil, to: .month(2022, 12))))),
    ("date:today", .term(.date(QueryDateRange(.today)))),
    ("newer:2d", .term(.age(isNewer: true, QueryDuration(2, .days)))),
    ("older:1w", .term(.age(isNewer: false, QueryDuration(1, .weeks)))),
    ("newer:6mo", .term(.age(isNewer: true, QueryDuration(6, .months)))),
    ("quality>50", .term(.number(.quality, .greater, 50))),
    ("heat>=10", .term(.number(.heat, .greaterOrEqual, 10))),
    ("related<=3", .term(.number(.related, .lessOrEqual, 3))),
    ("heat<0", .term(.number(.heat, .less, 0))),
    ("heat=-1", .term(.number(.heat, .equal, -1))),
    ("quality:7", .term(.number(.quality, .equal, 7))),
    ("12:30", word("12:30")),
    ("東京 москва", .and([word("東京"), word("москва")])),
    (
      "(topic:a or topic:b) -date:2023-03",
      .and([
        .or([field(.topic, "a"), field(.topic, "b")]), .not(.term(.date(QueryDateRange(.month(2023, 3))))),
      ])
    ),
  ]

  @Test(arguments: trees)
  func parses(text: String, expected: QueryExpression) throws {
    #expect(try Query(text).expression == expected)
  }

  static let errors: [(String, Int, String)] = [
    ("\"open", 1, "quote is never closed"),
    ("a \"", 3, "quote is never closed"),
    ("(a", 1, "'(' is never closed"),
    ("a (b or c", 3, "'(' is never closed"),
    ("a)", 2, "unexpected ')' without a matching '('"),
    ("()", 1, "empty parentheses"),
    ("\"\"", 1, "empty quoted phrase"),
    ("or a", 1, "'or' needs a term before it"),
    ("a or", 3, "'or' needs a term after it"),
    ("a or )", 3, "'or' needs a term after it"),
    ("and a", 1, "'and' needs a term before it"),
    ("a -", 3, "'-' needs a term right after it"),
    ("a not", 3, "'not' needs a term after it"),
    ("topic:", 7, "topic: needs a value"),
    ("x topic:\"\"", 9, "topic: needs a value"),
    ("is:done", 4, "is: takes unread, read, starred or new"),
    ("date:2023-13", 6, "date: takes YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or a range FROM..TO"),
    ("date:2023-02-30", 6, "date: takes YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or a range FROM..TO"),
    ("date:..", 6, "date: takes YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or a range FROM..TO"),
    ("newer:2", 7, "newer: takes a number and a unit: 12h, 2d, 1w, 6mo or 1y"),
    ("older:xd", 7, "older: takes a number and a unit: 12h, 2d, 1w, 6mo or 1y"),
    ("quality>", 9, "quality> needs a whole number"),
    ("quality>=x", 10, "quality>= needs a whole number"),
    ("size>3", 1, "only quality, heat and related can be compared with >"),
    ("title:/(/", 8, "invalid regular expression"),
    ("title:/abc", 7, "regular expression is never closed with '/'"),
    (
      "东京 foo:bar", 4,
      "unknown field 'foo:'; fields are topic, provider, domain, category, type, title, url, is, date, newer, older (quote the word to search for it)"
    ),
  ]

  @Test(arguments: errors)
  func reportsErrorColumn(text: String, column: Int, message: String) {
    #expect(throws: QueryError(column: column, message: message)) { try Query(text) }
  }

  @Test func errorPrintsLikeACompiler() {
    #expect(QueryError(column: 4, message: "x").description == "query:1:4: error: x")
  }

  @Test func columnsCountCharactersNotBytes() {
    // "é" is two bytes and "👍🏽" two scalars, each one character.
    #expect(throws: QueryError(column: 4, message: "quote is never closed")) { try Query("é👍🏽 \"x") }
  }

  @Test func highlightTermsArePositiveFoldedAndUnique() throws {
    let query = try Query("Café -crème \"Power Apps\" (x or not y) title:Trump -(z w) not not Ü cafe topic:q")
    #expect(query.highlightTerms == ["cafe", "power apps", "x", "trump", "u"])
  }
}
