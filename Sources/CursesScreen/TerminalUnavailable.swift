/// Why the interactive screen cannot start, in one line meant for the user.
public struct TerminalUnavailable: Error, CustomStringConvertible, Sendable {
  public let reason: String

  public init(_ reason: String) { self.reason = reason }

  public var description: String { "no usable terminal: \(reason)" }
}
