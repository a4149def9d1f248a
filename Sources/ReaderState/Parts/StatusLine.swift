/// The transient message of the status bar: one message at a time, gone when it expires.
public struct StatusLine: Sendable, Equatable {
  /// How long a message stays, in seconds.
  public static let duration: Double = 4

  public var message: StatusMessage?

  public init(message: StatusMessage? = nil) { self.message = message }

  /// Shows `text` from `now` for `duration` seconds.
  public mutating func show(_ text: String, isError: Bool = false, now: Double) {
    message = StatusMessage(text: text, isError: isError, expires: now + StatusLine.duration)
  }

  /// Drops the message once its time is up.
  public mutating func expire(now: Double) {
    if let message, now >= message.expires { self.message = nil }
  }
}

/// A short message for the status bar that disappears at `expires` (seconds on the caller's clock).
public struct StatusMessage: Sendable, Hashable {
  public var text: String
  public var isError: Bool
  public var expires: Double

  public init(text: String, isError: Bool = false, expires: Double) {
    self.text = text
    self.isError = isError
    self.expires = expires
  }
}
