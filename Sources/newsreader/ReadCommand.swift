import ArgumentParser
import NewsCore

/// The default command: opens the records in the reader (for now: loads them and prints a summary).
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read", abstract: "Open records in the reader (the default command).")

  @Argument(help: "Record files or directories.")
  var paths: [String] = ["seeds"]

  @Option(help: "Theme name or path to a theme YAML file.")
  var theme: String?

  @Option(help: "Largest record file read, in bytes.")
  var maxFileSize: Int = LoadOptions().maxFileBytes

  func run() throws {
    let result = SeedLoader(options: LoadOptions(maxFileBytes: maxFileSize)).load(paths: paths)
    print(LoadSummary(result).line)
  }
}

/// The `N records from M files, E errors, W warnings` line that ends `check` and summarizes a load.
struct LoadSummary {
  var records: Int
  var files: Int
  var errors: Int
  var warnings: Int

  init(_ result: LoadResult) {
    records = result.articles.count
    files = result.fileCount
    errors = result.errorCount + result.missingPaths.count + result.emptyPaths.count
    warnings = result.warningCount
  }

  var line: String {
    func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }
    return
      "\(count(records, "record")) from \(count(files, "file")), \(count(errors, "error")), \(count(warnings, "warning"))"
  }
}
