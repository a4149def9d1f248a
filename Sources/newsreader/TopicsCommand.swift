import ArgumentParser
import NewsCore

/// `newsreader topics`: every topic with its article count, most common first.
struct TopicsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "topics", abstract: "Every topic with its article count, most common first.")

  @Argument(help: "Record files or directories.")
  var paths: [String]

  @Option(help: "Output format: text or json.")
  var format: CheckFormat = .text

  @Option(help: "Largest record file read, in bytes.")
  var maxFileSize: Int = LoadOptions().maxFileBytes

  @Option(help: "Files and directories examined at most; past it the walk stops with an error.")
  var maxFiles: Int = LoadOptions().maxFiles

  func validate() throws {
    if maxFiles < 1 { throw ValidationError("--max-files must be positive") }
  }

  @OptionGroup var index: IndexOptions

  func run() throws {
    let result = index.loader(for: paths, options: LoadOptions(maxFileBytes: maxFileSize, maxFiles: maxFiles))
      .loadThenWriteIndex(paths: paths)
    // Counted as the catalog counts them, without folding every article's text for searching.
    let counts = ArticleOrdering.topicCounts(of: result.articles)
    let output = StandardOutput()
    switch format {
    case .text:
      let width = String(counts.first?.count ?? 0).count
      for (topic, count) in counts {
        let number = String(count)
        try output.line(String(repeating: " ", count: width - number.count) + number + "  " + topic)
      }
    case .json:
      let json = JSONOutput()
      json.array(counts) { entry in
        json.object {
          json.field("topic", entry.topic)
          json.field("count", entry.count)
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
}
