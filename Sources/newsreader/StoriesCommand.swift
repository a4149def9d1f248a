import ArgumentParser
import Foundation
import NewsCore
import ReaderConfig

/// `newsreader stories`: every story (articles linked through their related coverage) with its member ids
/// and lead headline, in the order the reader's stories view lists them.
struct StoriesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stories",
    abstract: "Every story with its member ids and lead headline, in the reader's order.")

  @Argument(help: "Record files or directories.")
  var paths: [String]

  @Option(help: "Output format: text or json.")
  var format: CheckFormat = .text

  @Option(
    name: .customLong("language"),
    help:
      "A language the lead headline should be in, best first (repeatable; default: the config's languages, else LANGUAGE, LC_ALL, LANG)."
  )
  var languages: [String] = []

  @Option(help: "Largest record file read, in bytes.")
  var maxFileSize: Int = LoadOptions().maxFileBytes

  @Option(help: "Files and directories examined at most; past it the walk stops with an error.")
  var maxFiles: Int = LoadOptions().maxFiles

  func validate() throws {
    if maxFiles < 1 { throw ValidationError("--max-files must be positive") }
  }

  func run() throws {
    let result = SeedLoader(options: LoadOptions(maxFileBytes: maxFileSize, maxFiles: maxFiles)).load(
      paths: paths)
    let catalog = ArticleCatalog(articles: result.articles)
    let index = StoryIndex(articles: result.articles)
    let environment = ProcessInfo.processInfo.environment
    // As the reader's stories view: `--language` first, else the config's `languages:`, else the locale.
    // The config's problems are the reader's and `newsreader config check`'s to report, not this listing's.
    let preferred =
      languages.isEmpty
      ? ReaderLaunch(
        config: ConfigFile.load(explicitPath: nil, environment: environment, parser: ConfigCommand.parser)
          .config,
        environment: environment
      ).storyLanguages(environment: environment) : languages
    // The reader's default listing: every article, newest first; a story comes where its first article is.
    let order = index.storyOrder(following: catalog.select(ArticleFilter(), order: .newest))
    let summaries = order.map { index.summary(of: index.stories[$0], preferredLanguages: preferred) }
    let output = StandardOutput()
    switch format {
    case .text:
      for summary in summaries { try output.line(Self.textLine(summary, articles: result.articles)) }
    case .json:
      let json = JSONOutput()
      json.array(summaries) { summary in
        json.object {
          json.field("id", summary.id.rawValue)
          json.field("lead", result.articles[summary.lead].id.rawValue)
          json.field("title", result.articles[summary.lead].title ?? result.articles[summary.lead].excerpt)
          json.field("outlets", summary.outletCount)
          json.field("languages", summary.languageCount)
          if let range = summary.dateRange {
            json.field("from", DateParser.iso8601(range.lowerBound))
            json.field("to", DateParser.iso8601(range.upperBound))
          }
          json.key("members")
          json.array(summary.members) { json.value(result.articles[$0].id.rawValue) }
        }
      }
      try output.line(json)
    }
    try output.flush()
    if result.hasPathProblem {
      for problem in PathProblem.all(in: result) { printError(problem.errorLine) }
      for path in result.unreadablePaths {
        printError("newsreader: \(TextSanitizer.sanitize(path)): cannot be read; `newsreader check` says why")
      }
      throw ExitCode(66)
    }
  }

  /// `id  N articles, O outlets, L languages, FROM–TO  headline`, then the member ids on one indented line.
  static func textLine(_ summary: StorySummary, articles: [Article]) -> String {
    func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }
    var line = summary.id.rawValue + "  " + count(summary.members.count, "article") + ", "
    line += count(summary.outletCount, "outlet") + ", " + count(summary.languageCount, "language")
    if let range = summary.dateRange {
      let from = String(DateParser.iso8601(range.lowerBound).prefix(10))
      let to = String(DateParser.iso8601(range.upperBound).prefix(10))
      line += ", " + (from == to ? from : from + " to " + to)
    }
    let lead = articles[summary.lead]
    line += "  " + (lead.title ?? lead.excerpt ?? "")
    line += "\n  " + summary.members.map { articles[$0].id.rawValue }.joined(separator: " ")
    return line
  }
}
