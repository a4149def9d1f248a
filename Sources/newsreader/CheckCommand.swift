import ArgumentParser
import NewsCore

/// `newsreader check`: loads everything and reports each problem like a compiler would.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Load records and print every problem found.",
    discussion: """
      Exit status: 0 without errors (warnings too with --strict), 65 with errors, 66 when a path does not \
      exist, cannot be read or holds no record file, 64 on a usage error.
      """)

  @Argument(help: "Record files or directories.")
  var paths: [String]

  @Option(help: "Output format: text or json.")
  var format: CheckFormat = .text

  @Flag(help: "Treat warnings as errors for the exit status.")
  var strict = false

  @Option(help: "Largest record file read, in bytes.")
  var maxFileSize: Int = LoadOptions().maxFileBytes

  @Option(help: "Files and directories examined at most; past it the walk stops with an error.")
  var maxFiles: Int = LoadOptions().maxFiles

  @Flag(
    help:
      "Take unchanged files from the load index instead of parsing everything (check validates by parsing).")
  var cached = false

  @Flag(help: "Say how many files were parsed and how many reused from the load index.")
  var stats = false

  func validate() throws {
    if paths.isEmpty { throw ValidationError("give at least one file or directory") }
    if maxFileSize < 0 { throw ValidationError("--max-file-size must not be negative") }
    if maxFiles < 1 { throw ValidationError("--max-files must be positive") }
  }

  func run() throws {
    let options = LoadOptions(maxFileBytes: maxFileSize, maxFiles: maxFiles)
    let result =
      cached
      ? IndexOptions.loader(for: paths, options: options, indexed: true).loadThenWriteIndex(paths: paths)
      : SeedLoader(options: options).load(paths: paths)
    let diagnostics = PathProblem.all(in: result).map(\.diagnostic) + result.diagnostics
    let summary = LoadSummary(result)
    let output = StandardOutput()
    switch format {
    case .text:
      for diagnostic in diagnostics { try output.line(diagnostic.description) }
      try output.line(summary.line)
      if stats { try output.line(result.indexSummary) }
    case .json:
      let json = JSONOutput()
      json.object {
        json.key("diagnostics")
        json.array(diagnostics) { diagnostic in
          json.object {
            json.field("path", diagnostic.path)
            // A problem of the whole file has no location (line 0): the fields are left out.
            json.field("line", diagnostic.line > 0 ? diagnostic.line : nil)
            json.field("column", diagnostic.line > 0 ? diagnostic.column : nil)
            json.field("severity", diagnostic.severity.rawValue)
            json.field("message", diagnostic.message)
          }
        }
        json.field("records", summary.records)
        json.field("files", summary.files)
        json.field("errors", summary.errors)
        json.field("warnings", summary.warnings)
        if stats {
          json.field("parsedFiles", result.parsedFileCount)
          json.field("reusedFiles", result.reusedFileCount)
        }
      }
      try output.line(json)
    }
    try output.flush()
    if result.hasPathProblem { throw ExitCode(66) }
    if summary.errors > 0 || (strict && summary.warnings > 0) { throw ExitCode(65) }
  }
}

/// Output formats of `check` and `topics`.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
