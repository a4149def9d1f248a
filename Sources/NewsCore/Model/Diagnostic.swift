/// A problem found while loading, located in a file.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How bad a problem is: an error loses a record or a file, a warning loses a field.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
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

  /// `path:line:column: error|warning: message`, the form compilers use so editors can jump to it.
  public var description: String {
    "\(path):\(line):\(column): \(severity.rawValue): \(message)"
  }
}
