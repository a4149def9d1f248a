import Foundation
import Testing

@testable import NewsCore

/// Every number a record gives is range-checked before it is converted: random integers and digit strings
/// of every length (signs, fractions, exponents) through the date and whole-number readers, and the
/// values of the hostile audit in a whole load.
@Suite struct NumberRangeTests {
  /// SplitMix64: a seeded generator, so a failure reproduces from the printed seed.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let seed: UInt64 = 0x6E65_7773_2D38

  /// One generated input: its text and the parts it was built from.
  struct NumberText {
    var text: String
    var sign: String
    var digits: String
    var fraction: String?
    var exponent: String?
  }

  /// Digit strings of every length from 1 to 400 in every shape, and random 64-bit integers with their
  /// neighbours of the extremes.
  static func inputs() -> [NumberText] {
    var generator = SeededGenerator(state: seed)
    var inputs: [NumberText] = []
    func digits(_ count: Int) -> String {
      String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }
    for length in 1...400 {
      for shape in 0..<6 {
        let sign = ["", "-", "+"][Int.random(in: 0...2, using: &generator)]
        let whole = digits(length)
        let fraction = shape == 1 || shape == 3 ? digits(Int.random(in: 1...length, using: &generator)) : nil
        let exponent =
          shape == 2 || shape == 3
          ? ["e", "E"][Int.random(in: 0...1, using: &generator)] + ["", "-", "+"][shape % 3]
            + String(Int.random(in: 0...400, using: &generator)) : nil
        // Shapes 4 and 5: leading zeros, and the plain digits again with another sign.
        let digitsPart = shape == 4 ? String(repeating: "0", count: length) + whole : whole
        var text = sign + digitsPart
        if let fraction { text += "." + fraction }
        if let exponent { text += exponent }
        inputs.append(
          NumberText(text: text, sign: sign, digits: digitsPart, fraction: fraction, exponent: exponent))
      }
    }
    let extremes: [Int64] = [.min, .min + 1, .max, .max - 1, 0, -1, 1]
    let randoms = (0..<2000).map { _ in Int64.random(in: .min ... .max, using: &generator) }
    for value in extremes + randoms {
      let text = String(value)
      let sign = value < 0 ? "-" : ""
      inputs.append(NumberText(text: text, sign: sign, digits: String(text.dropFirst(sign.count))))
    }
    return inputs
  }

  @Test func dateReaderRangeChecksEveryNumber() {
    for input in Self.inputs() {
      let reading = DateParser.read(input.text)
      let label = "seed \(Self.seed): \(input.text.prefix(60)) (\(input.text.count) characters)"
      // Whatever the reader accepts is an instant that every later step can convert and print.
      if case .instant(let seconds) = reading {
        #expect(DateParser.isInRange(seconds), "\(label)")
        let printed = DateParser.iso8601(seconds)
        let again = DateParser.secondsSince1970(printed)
        #expect(again.map { abs($0 - seconds) < 0.001 } == true, "\(label) printed as \(printed)")
        let civil = DateParser.civil(seconds)
        #expect((1...9999).contains(civil.year), "\(label)")
      }
      guard input.exponent == nil, input.sign != "+" else {
        // Exponents and a plus sign are no date format; a year-like prefix never makes them one.
        if input.digits.count != 4 || input.exponent != nil {
          #expect(reading == .unknown, "\(label)")
        }
        continue
      }
      let magnitude = Double(input.digits + (input.fraction.map { "." + $0 } ?? ""))!
      let expected = input.sign == "-" ? -magnitude : magnitude
      if input.digits.count == 4 && input.fraction != nil {
        continue  // `2021.5` starts like a year: not Unix seconds, and no date either
      }
      // A second's margin keeps the decimal rounding of fractions away from the edges of the range.
      if expected > DateParser.earliestSeconds + 1 && expected < DateParser.endSeconds - 1 {
        guard case .instant(let seconds) = reading else {
          Issue.record("\(label): \(reading), expected an instant")
          continue
        }
        #expect(abs(seconds - expected) <= 0.001, "\(label)")
      } else if expected < DateParser.earliestSeconds - 1 || expected > DateParser.endSeconds + 1 {
        #expect(reading == .outOfRange, "\(label)")
      }
    }
  }

  @Test func wholeNumberReaderAgreesWithTheStandardLibraryAndNeverOverflows() {
    for input in Self.inputs() {
      let bytes = Array(input.text.utf8)
      let parsed = bytes.withUnsafeBufferPointer { RecordDecoder.parseInteger($0) }
      let syntax = bytes.withUnsafeBufferPointer { RecordDecoder.isIntegerSyntax($0) }
      let label = "seed \(Self.seed): \(input.text.prefix(60)) (\(input.text.count) characters)"
      #expect(parsed == Int(input.text), "\(label)")
      #expect(syntax == (input.fraction == nil && input.exponent == nil), "\(label)")
    }
  }

  /// The same inputs through a whole load: one file of many documents, each number in an article and in
  /// a related item; nothing kept is out of range, and each value out of range or unreadable warns.
  @Test func randomNumbersInRecordsLoadWithAWarningEach() throws {
    let inputs = Self.inputs().enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
    var yaml = ""
    for input in inputs {
      yaml += """
        ---
        title: n
        publishedDateTime: \(input.text)
        quality: \(input.text)
        images: [{width: \(input.text)}]
        related:
          - {title: r, publishedDateTime: \(input.text), heat: \(input.text)}

        """
    }
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-numbers-\(UUID())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try yaml.write(to: root.appendingPathComponent("many.yaml"), atomically: false, encoding: .utf8)
    try "---\ntitle: Neighbour\n---\n".write(
      to: root.appendingPathComponent("neighbour.txt"), atomically: false, encoding: .utf8)
    let result = SeedLoader().load(paths: [root.path])
    #expect(result.articles.count == inputs.count + 1)
    #expect(result.articles.last?.title == "Neighbour")
    var expectedWarnings = 0
    for (input, article) in zip(inputs, result.articles) {
      let reading = DateParser.read(input.text)
      // The article's date and the related one's.
      if case .instant = reading {} else { expectedWarnings += 2 }
      let number = Int(input.text)
      if number.map(RecordDecoder.scoreRange.contains) != true { expectedWarnings += 2 }  // quality, heat
      if number.map(RecordDecoder.pixelRange.contains) != true { expectedWarnings += 1 }  // width
      for date in [article.publishedDateTime, article.related.first?.publishedDateTime] {
        let date = try #require(date)
        #expect(date.text == input.text)
        #expect(date.secondsSince1970.map(DateParser.isInRange) ?? true)
      }
      #expect(article.quality == number.flatMap { RecordDecoder.scoreRange.contains($0) ? $0 : nil })
      #expect(
        article.related.first?.heat == number.flatMap { RecordDecoder.scoreRange.contains($0) ? $0 : nil })
      #expect(
        article.images.first?.width == number.flatMap { RecordDecoder.pixelRange.contains($0) ? $0 : nil })
    }
    #expect(result.warningCount == expectedWarnings)
    #expect(result.errorCount == 0)
  }

  /// The audit's values (Int64's extremes, twenty nines, 300 digits) in an article and its related items:
  /// each warns, the record keeps its text, and the other files of the directory still load.
  @Test func auditValuesWarnAndEveryOtherFileStillLoads() throws {
    let result = SeedLoader().load(paths: [FixturePaths.loader + "/audit"])
    let numbers = result.diagnostics.filter { $0.path.hasSuffix("audit/numbers.txt") }
    let long = String(String(repeating: "1234567890", count: 30).prefix(40)) + "…"
    #expect(
      numbers.map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" } == [
        "3:20: warning: publishedDateTime '-9223372036854775808' is outside the years 0001-9999; it sorts last",
        "4:10: warning: quality '99999999999999999999' is out of range (-2147483648 to 2147483647); field ignored",
        "5:7: warning: heat '-9223372036854775808' is out of range (-2147483648 to 2147483647); field ignored",
        "8:12: warning: image.width '9223372036854775807' is out of range (0 to 1000000); field ignored",
        "9:13: warning: image.height '-1' is out of range (0 to 1000000); field ignored",
        "12:24: warning: related[0].publishedDateTime '9223372036854775807' is outside the years 0001-9999; it sorts last",
        "14:24: warning: related[1].publishedDateTime '99999999999999999999' is outside the years 0001-9999; it sorts last",
        "16:24: warning: related[2].publishedDateTime '\(long)' is outside the years 0001-9999; it sorts last",
        "17:14: warning: related[2].quality '\(long)' is out of range (-2147483648 to 2147483647); field ignored",
        "20:20: warning: publishedDateTime '2021-03-11T24:00:00Z' is not a date format this reader knows; it sorts last",
        "23:24: warning: related[0].publishedDateTime '2021-03-11T23:59:60Z' is not a date format this reader knows; it sorts last",
        "25:24: warning: related[1].publishedDateTime '0000-12-31' is outside the years 0001-9999; it sorts last",
      ])
    let huge = try #require(result.articles.first { $0.title == "Huge numbers" })
    #expect(huge.publishedDateTime == NewsDate(text: "-9223372036854775808", secondsSince1970: nil))
    #expect(huge.quality == nil && huge.heat == nil)
    #expect(huge.images == [ImageRef(url: "https://example.org/a.jpg")])
    #expect(huge.related.map(\.publishedDateTime?.secondsSince1970) == [nil, nil, nil])
    #expect(huge.related[2].publishedDateTime?.text == String(repeating: "1234567890", count: 30))
    let times = try #require(result.articles.first { $0.title == "Times out of range" })
    #expect(times.publishedDateTime?.secondsSince1970 == nil)
    #expect(times.related.last?.publishedDateTime?.secondsSince1970 == DateParser.endSeconds - 1)
    let neighbour = try #require(result.articles.first { $0.title == "Still loads" })
    #expect(neighbour.quality == 2_147_483_647 && neighbour.heat == -2_147_483_648)
    #expect(neighbour.publishedDateTime?.secondsSince1970 == 1_615_482_780)
    // Out-of-range dates sort last, after every real one, in both directions of the date sort.
    let catalog = ArticleCatalog(articles: result.articles)
    for order in [SortOrder.newest, .oldest] {
      let titles = catalog.select(ArticleFilter(), order: order).map { catalog.articles[$0].title }
      #expect(titles.first == "Still loads", "\(order)")
    }
  }

  @Test(arguments: [
    ("0001-01-01T00:00:00Z", DateParser.Reading.instant(DateParser.earliestSeconds)),
    ("0001-01-01T00:30:00+01:00", .outOfRange),
    ("9999-12-31T23:59:59Z", .instant(DateParser.endSeconds - 1)),
    ("9999-12-31T23:30:00-01:00", .outOfRange),
    ("0000-06-01", .outOfRange),
    ("-62135596800", .instant(DateParser.earliestSeconds)),
    ("-62135596801", .outOfRange),
    ("253402300799", .instant(DateParser.endSeconds - 1)),
    ("253402300800", .outOfRange),
    ("2021-03-11T24:00:00Z", .unknown),
    ("2021-03-11T24:00Z", .unknown),
    ("2021-03-11T23:59:60Z", .unknown),
    ("2021-03-11T23:60:00Z", .unknown),
    ("2021-03-11T23:59:59Z", .instant(1_615_507_199)),
    ("1e10", .unknown),
  ])
  func dateEdges(text: String, reading: DateParser.Reading) {
    #expect(DateParser.read(text) == reading)
  }

  @Test func printingNeverTrapsOnInstantsNoRecordCanGive() {
    for seconds in [Double.nan, .infinity, -.infinity, 1e300, -1e300, Double(Int64.max), Double(Int64.min)] {
      #expect(DateParser.iso8601(seconds).hasSuffix("Z"))
      #expect((1...9999).contains(DateParser.civil(seconds).year))
      #expect(NewsDate(text: "x", secondsSince1970: seconds).secondsSince1970 == nil)
      #expect(NewsDate(canonicalSecondsSince1970: seconds).secondsSince1970 == nil)
    }
  }
}
