import Foundation
import NewsCore
import Testing

/// Inputs that crashed the loader's fuzz target (`make fuzz`), each loaded as a file and held to the
/// records and the diagnostics it must give.
///
/// A fixed input lives in `Tests/Fixtures/Loader/fuzz/`, where it also takes part in the tests that load
/// the whole fixture tree. One whose fix is not in yet stays in `Tests/Fixtures/Fuzz/crashes/` (where
/// `make fuzz` keeps what it finds), so it cannot bring down those other tests, and its row names the
/// open issue: the row then expects to fail, and fails once the input loads, so the file gets moved and
/// the note dropped.
@Suite struct FuzzRegressionTests {
  static let fixedDirectory = "Loader/fuzz"
  static let openDirectory = "Fuzz/crashes"

  /// What one crash input must load to.
  struct Case: Sendable, CustomTestStringConvertible {
    /// The file, relative to `Tests/Fixtures`.
    var file: String
    /// How it was found and what it crashed, for the report.
    var found: String
    /// The titles of the records it yields, in order.
    var titles: [String?]
    /// The text each record's `publishedDateTime` shows, in order.
    var dates: [String?] = []
    /// Its diagnostics as `line: severity: message`, each possibly cut short: the actual one must
    /// start with it, so a message's wording may grow without the row changing.
    var diagnostics: [String]
    /// The issue whose fix this input still waits for; nil when it loads as the row says.
    var openIssue: String? = nil

    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(
      file: fixedDirectory + "/crash-44d08cb67267.txt",
      found:
        "make fuzz FUZZ_SECONDS=600: a mutated seed whose publishedDateTime is 20 digits trapped in "
        + "DateParser.civil through isCanonical while decoding, before libyaml reached the syntax error "
        + "further down",
      titles: [],
      diagnostics: [
        "5:1: warning: duplicate key 'excerpt'", "6:20: warning: publishedDateTime",
        "21:14: error: mapping values are not allowed in this context; no record read from this file",
      ]),
    Case(
      file: fixedDirectory + "/unix-seconds-past-int64.txt",
      found:
        "Unix seconds past Int64 (an article's, a related item's) trapped in DateParser.civil (Int64(Double)) "
        + "during the load; value from the issue 8 audit, crash confirmed with scripts/fuzz.sh --reproduce",
      titles: ["Seconds past Int64"],
      dates: ["99999999999999999999"],
      diagnostics: ["3:20: warning: publishedDateTime", "6:24: warning: related[0].publishedDateTime"]),
  ]

  static func path(_ file: String) -> String { FixturePaths.loader + "/../" + file }

  @Test(arguments: cases) func crashInputLoads(_ fuzzCase: Case) async {
    if let openIssue = fuzzCase.openIssue {
      await withKnownIssue(Comment(rawValue: openIssue)) { await check(fuzzCase) }
    } else {
      await check(fuzzCase)
    }
  }

  func check(_ fuzzCase: Case) async {
    let path = Self.path(fuzzCase.file)
    // First in a child process: an input that still crashes fails this case alone instead of ending
    // the whole test run. Showing each date is what `list` does after the load.
    let child = await #expect(processExitsWith: .success) { [path = path as String] in
      let result = SeedLoader().load(paths: [path])
      for article in result.articles {
        _ = article.publishedDateTime?.text
        for related in article.related { _ = related.publishedDateTime?.text }
      }
    }
    guard child?.exitStatus == .exitCode(EXIT_SUCCESS) else { return }
    let result = SeedLoader().load(paths: [path])
    #expect(result.fileCount == 1)
    #expect(result.articles.map(\.title) == fuzzCase.titles)
    if !fuzzCase.dates.isEmpty {
      #expect(result.articles.map(\.publishedDateTime?.text) == fuzzCase.dates)
    }
    let actual = result.diagnostics.map {
      "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)"
    }
    #expect(actual.count == fuzzCase.diagnostics.count, "\(actual)")
    for (line, start) in zip(actual, fuzzCase.diagnostics) {
      #expect(line.hasPrefix(start), "\(line) does not start with \(start)")
    }
  }

  /// A crash input copied into either directory without a row here would never be checked.
  @Test func everyFuzzFixtureHasACase() throws {
    var files: Set<String> = []
    for directory in [Self.fixedDirectory, Self.openDirectory] {
      for name in try FileManager.default.contentsOfDirectory(atPath: Self.path(directory))
      where !name.hasPrefix(".") && name != "README.md" {
        files.insert(directory + "/" + name)
      }
    }
    #expect(files == Set(Self.cases.map(\.file)))
  }
}
