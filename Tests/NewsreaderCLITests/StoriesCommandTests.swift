import Foundation
import Testing

/// `newsreader stories`: the stories of a fixture directory in text and JSON, and the real corpus's
/// earthquake story when `../shared/corpus/real` is beside the package.
@Suite struct StoriesCommandTests {
  static let stories = CommandRunner.packageRoot + "/Tests/Fixtures/Stories"
  static let realCorpus = CommandRunner.packageRoot + "/../shared/corpus/real"

  static func json(_ output: CommandRunner.Output) throws -> [[String: Any]] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
  }

  @Test func fixtureStoriesInTheReadersOrderWithTheLeadInTheAskedLanguage() throws {
    let output = try CommandRunner.run(["stories", Self.stories, "--format", "json", "--language", "de"])
    #expect(output.status == 0)
    #expect(output.stderr == "")
    let stories = try Self.json(output)
    // Newest first: the lone story (March) before the quake (its newest article is Feb 8).
    #expect(stories.count == 2)
    #expect((stories[0]["members"] as? [String])?.count == 1)
    #expect(stories[0]["title"] as? String == "A story of its own")
    #expect((stories[1]["members"] as? [String])?.count == 3)
    #expect(stories[1]["title"] as? String == "Erdbeben in der Türkei 2023")
    #expect(stories[1]["outlets"] as? Int == 2)
    #expect(stories[1]["languages"] as? Int == 2)
    #expect(stories[1]["from"] as? String == "2023-02-06T08:00:00Z")
    #expect(stories[1]["to"] as? String == "2023-02-08T12:00:00Z")
    #expect((stories[1]["id"] as? String)?.hasPrefix("s") == true)
  }

  @Test func textFormatGivesOneLineAStoryAndItsMemberIds() throws {
    let output = try CommandRunner.run(["stories", Self.stories, "--language", "sv"])
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == 5)
    #expect(
      lines[2].hasSuffix(
        "  3 articles, 2 outlets, 2 languages, 2023-02-06 to 2023-02-08  Jordbävningen i Turkiet 2023"))
    #expect(lines[3].hasPrefix("  ") && lines[3].split(separator: " ").count == 3)
    #expect(lines[4] == "")
  }

  /// The config's `languages:` decides as it does in the reader's stories view, over the locale; the
  /// command line's `--language` over both.
  @Test func theConfigsLanguagesChooseTheLeadOverTheLocale() throws {
    let base = NSTemporaryDirectory() + "nr-stories-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: base) }
    try FileManager.default.createDirectory(atPath: base + "/newsreader", withIntermediateDirectories: true)
    try "languages: [sv, de]\n".write(
      toFile: base + "/newsreader/config.yaml", atomically: true, encoding: .utf8)
    let environment = ["XDG_CONFIG_HOME": base, "LANGUAGE": "", "LC_ALL": "de_DE.UTF-8"]
    let configured = try Self.json(
      try CommandRunner.run(["stories", Self.stories, "--format", "json"], environment: environment))
    #expect(configured.last?["title"] as? String == "Jordbävningen i Turkiet 2023")
    let byLocale = try Self.json(
      try CommandRunner.run(
        ["stories", Self.stories, "--format", "json"],
        environment: ["XDG_CONFIG_HOME": base + "/none", "LANGUAGE": "", "LC_ALL": "de_DE.UTF-8"]))
    #expect(byLocale.last?["title"] as? String == "Erdbeben in der Türkei 2023")
    let asked = try Self.json(
      try CommandRunner.run(
        ["stories", Self.stories, "--format", "json", "--language", "de"], environment: environment))
    #expect(asked.last?["title"] as? String == "Erdbeben in der Türkei 2023")
  }

  @Test func withoutAPreferredLanguageTheEarliestArticleLeads() throws {
    let output = try CommandRunner.run(
      ["stories", Self.stories, "--format", "json", "--language", "ja"])
    let stories = try Self.json(output)
    #expect(stories.last?["title"] as? String == "Erdbeben in der Türkei 2023")
  }

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: realCorpus),
      "../shared/corpus/real is not beside the package"))
  func theEarthquakeStoryOfTheRealCorpusGathersItsLanguagesTheSameOnEveryRun() throws {
    let listed = try CommandRunner.run(["list", Self.realCorpus, "--format", "json"])
    let articles = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    // The German article of the 2023 Turkey–Syria earthquake (29 related items in every language).
    let quake = try #require(
      articles.first {
        ($0["webUrl"] as? String)
          == "https://de.wikipedia.org/wiki/Erdbeben_in_der_T%C3%BCrkei_und_Syrien_2023"
      })
    #expect((quake["related"] as? [Any])?.count == 29)
    let quakeID = try #require(quake["id"] as? String)

    let first = try CommandRunner.run(["stories", Self.realCorpus, "--format", "json", "--language", "en"])
    let second = try CommandRunner.run(["stories", Self.realCorpus, "--format", "json", "--language", "en"])
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    let stories = try Self.json(first)
    let story = try #require(stories.first { ($0["members"] as? [String])?.contains(quakeID) == true })
    let members = try #require(story["members"] as? [String])
    #expect(members.count >= 10)
    #expect(story["outlets"] as? Int == 1)
    #expect((story["languages"] as? Int ?? 0) >= 10)
    // Every article is in exactly one story.
    let everyMember = stories.flatMap { $0["members"] as? [String] ?? [] }
    #expect(everyMember.count == articles.count)
    #expect(Set(everyMember).count == articles.count)
  }
}
