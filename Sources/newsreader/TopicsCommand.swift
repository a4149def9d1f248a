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

  func run() throws {
    let result = SeedLoader(options: LoadOptions(maxFileBytes: maxFileSize, maxFiles: maxFiles)).load(
      paths: paths)
    let counts = ArticleCatalog(articles: result.articles).topicCounts()
    switch format {
    case .text:
      let width = String(counts.first?.count ?? 0).count
      for (topic, count) in counts {
        let number = String(count)
        print(String(repeating: " ", count: width - number.count) + number + "  " + topic)
      }
    case .json:
      let json = JSONOutput()
      json.array(counts) { entry in
        json.object {
          json.field("topic", entry.topic)
          json.field("count", entry.count)
        }
      }
      print(json.text)
    }
    if result.hasPathProblem {
      for path in result.missingPaths + result.emptyPaths + result.unreadablePaths {
        printError("newsreader: \(TextSanitizer.sanitize(path)): no record file there")
      }
      throw ExitCode(66)
    }
  }
}
