import Foundation
import Testing

/// `newsreader list --query` of the built binary: filtering, shorthands, the user's time zone, errors.
@Suite struct ListQueryTests {
  /// Three records written to a fresh directory; the dates sit around midnight UTC of 1 March 2023.
  static func corpus() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "list-query-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let records = [
      "a.txt": """
      ---
      title: Jordbävning i Turkiet
      publishedDateTime: 2023-02-28T23:30:00Z
      quality: 40
      provider:
        name: Wikipedia
        domain: sv.wikipedia.org
      related:
        - title: Earthquake kills thousands
          provider:
            name: Reuters
            domain: reuters.com
      ---
      """,
      "b.txt": """
      ---
      title: Earthquake in Türkiye
      publishedDateTime: 2023-03-01T00:30:00Z
      quality: 80
      provider:
        name: BBC
        domain: bbc.co.uk
      topics: [World, Power Apps]
      category: news
      ---
      """,
      "c.txt": """
      ---
      title: Москва
      publishedDateTime: 2023-03-31T23:59:00Z
      provider:
        name: Wikipedia
        domain: ru.wikipedia.org
      ---
      """,
    ]
    for (name, text) in records {
      try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }
    return directory
  }

  /// Runs the binary with `TZ` set, returning status, standard output and standard error.
  static func run(_ arguments: [String], zone: String = "UTC") throws -> (Int32, String, String) {
    let output = try CommandRunner.run(arguments, environment: ["TZ": zone])
    return (output.status, output.stdout, output.stderr)
  }

  /// The titles `list --format tsv` printed, in order.
  static func titles(_ stdout: String) -> [String] {
    stdout.split(separator: "\n").dropFirst().map {
      String($0.split(separator: "\t", omittingEmptySubsequences: false)[3])
    }
  }

  @Test func queryFiltersWithRelatedCoverageWildcardsAndNumbers() throws {
    let directory = try Self.corpus()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for (query, expected) in [
      ("earthquake", ["Earthquake in Türkiye", "Jordbävning i Turkiet"]),
      ("domain:*.wikipedia.org", ["Москва", "Jordbävning i Turkiet"]),
      ("domain:sv.* or quality>50", ["Earthquake in Türkiye", "Jordbävning i Turkiet"]),
      ("wikipedia -москва", ["Jordbävning i Turkiet"]),
      ("topic:\"power apps\"", ["Earthquake in Türkiye"]),
      ("", ["Москва", "Earthquake in Türkiye", "Jordbävning i Turkiet"]),
    ] {
      let (status, stdout, stderr) = try Self.run(["list", directory, "--format", "tsv", "--query", query])
      #expect(status == 0, "\(query): \(stderr)")
      #expect(Self.titles(stdout) == expected, "\(query)")
    }
  }

  @Test func textMarksArticlesFoundOnlyInRelatedCoverage() throws {
    let directory = try Self.corpus()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let (status, stdout, _) = try Self.run(["list", directory, "--query", "earthquake"])
    #expect(status == 0)
    #expect(
      stdout == """
        2023-03-01  BBC        Earthquake in Türkiye
        2023-02-28  Wikipedia  Jordbävning i Turkiet  (in related coverage)

        """)
  }

  @Test func datesAreDaysInTheUsersTimeZone() throws {
    let directory = try Self.corpus()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for (zone, expected) in [
      ("UTC", ["Москва", "Earthquake in Türkiye"]),
      ("Asia/Tokyo", ["Earthquake in Türkiye", "Jordbävning i Turkiet"]),
      ("America/Los_Angeles", ["Москва"]),
    ] {
      let (status, stdout, _) = try Self.run(
        ["list", directory, "--format", "tsv", "--query", "date:2023-03"], zone: zone)
      #expect(status == 0)
      #expect(Self.titles(stdout) == expected, "\(zone)")
    }
  }

  @Test func newerCountsFromTheRealClock() throws {
    let directory = try Self.corpus()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // Every fixture date is years before any clock this test will run on.
    let (_, newer, _) = try Self.run(["list", directory, "--format", "tsv", "--query", "newer:1w"])
    #expect(Self.titles(newer).isEmpty)
    let (_, older, _) = try Self.run(["list", directory, "--format", "tsv", "--query", "older:1w"])
    #expect(Self.titles(older).count == 3)
  }

  @Test func shorthandsCombineWithTheQuery() throws {
    let directory = try Self.corpus()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let (_, provider, _) = try Self.run([
      "list", directory, "--format", "tsv", "--provider", "WIKIPEDIA", "--query", "earthquake",
    ])
    #expect(Self.titles(provider) == ["Jordbävning i Turkiet"])
    let (_, topics, _) = try Self.run([
      "list", directory, "--format", "tsv", "--topic", "world", "--topic", "nothing", "--category", "News",
    ])
    #expect(Self.titles(topics) == ["Earthquake in Türkiye"])
    let (_, search, _) = try Self.run(["list", directory, "--format", "tsv", "--search", "москва or bbc"])
    #expect(Self.titles(search) == ["Москва", "Earthquake in Türkiye"])
  }

  @Test func unreadableQueryPrintsColumnAndExits64() throws {
    let directory = try Self.corpus()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for (query, line) in [
      ("earthquake (a or b", "query:1:12: error: '(' is never closed"),
      ("quality>high", "query:1:9: error: quality> needs a whole number"),
      (
        "colour:red",
        "query:1:1: error: unknown field 'colour:'; fields are topic, provider, domain, category, type, title, url, is, date, newer, older (quote the word to search for it)"
      ),
    ] {
      let (status, stdout, stderr) = try Self.run(["list", directory, "--query", query])
      #expect(status == 64, "\(query)")
      #expect(stdout.isEmpty)
      #expect(stderr == line + "\n")
    }
    let (status, _, stderr) = try Self.run(["list", directory, "--search", "\"open"])
    #expect(status == 64)
    #expect(stderr == "search:1:1: error: quote is never closed\n")
  }
}
