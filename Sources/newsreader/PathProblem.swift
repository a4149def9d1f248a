import NewsCore

/// A path given on the command line that yields nothing: the one wording `check`, `list`, `topics` and the
/// reader all use for it.
struct PathProblem {
  var path: String
  var message: String

  static let missing = "no such file or directory"
  static let empty = "holds no record file (.txt, .md, .markdown, .yaml, .yml)"

  /// The missing paths, then the paths holding no record file, with their displayed (sanitized) form.
  static func all(in result: LoadResult) -> [PathProblem] {
    result.missingPaths.map { PathProblem(path: TextSanitizer.sanitize($0), message: missing) }
      + result.emptyPaths.map { PathProblem(path: TextSanitizer.sanitize($0), message: empty) }
  }

  /// As a diagnostic of the whole path (no line or column), counted as an error.
  var diagnostic: Diagnostic {
    Diagnostic(path: path, line: 0, column: 0, severity: .error, message: message)
  }

  /// As one line for standard error: `newsreader: path: message`.
  var errorLine: String { "newsreader: \(path): \(message)" }
}
