/// A problem found while loading, located in a file.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How bad a problem is: an error loses a record or a file, a warning loses a field, a note tells of
  /// something skipped that is no record (a FIFO or a dangling link named like one) and counts as neither.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
    case note
  }

  public var path: String
  /// One-based line, or 0 when the problem concerns the whole file.
  public var line: Int
  /// One-based column, or 0 when the problem concerns the whole file.
  public var column: Int
  public var severity: Severity
  /// Sanitized text: it can never carry a control sequence to the terminal.
  public var message: String

  public init(path: String, line: Int, column: Int, severity: Severity, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.severity = severity
    self.message = message
  }

  /// `path:line:column: error|warning|note: message`, the form compilers use so editors can jump to it;
  /// `path: error: message` when the problem concerns the whole file (line 0).
  public var description: String { path + locatedMessage }

  /// What `description` puts after the path: `:line:column: severity: message`, or `: severity: message`
  /// for the whole file (for displays that shorten the path).
  public var locatedMessage: String {
    line > 0
      ? ":\(line):\(column): \(severity.rawValue): \(message)" : ": \(severity.rawValue): \(message)"
  }
}
