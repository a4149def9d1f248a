import NewsCore

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
