import Foundation

/// Opens URLs the way the user asked: `$BROWSER`, else the desktop's opener.
struct BrowserLauncher: Sendable, Equatable {
  /// The command to run; the URL is appended, or put in place of `%s` when the command has one.
  var command: [String]

  /// `$BROWSER` (its first `:`-separated entry, split on spaces), else xdg-open, else open; nil when none exists.
  static func detect(
    environment: [String: String], isInstalled: (String) -> Bool = { ExternalProgram.isInstalled($0) }
  ) -> BrowserLauncher? {
    if let browser = environment["BROWSER"],
      let first = browser.split(separator: ":").first.map(String.init),
      case let words = first.split(separator: " ").map(String.init), let program = words.first,
      isInstalled(program)
    {
      return BrowserLauncher(command: words)
    }
    for opener in ["xdg-open", "open"] where isInstalled(opener) {
      return BrowserLauncher(command: [opener])
    }
    return nil
  }

  /// The full argument list for `url`: never through a shell, so the URL is one argument whatever it holds.
  func arguments(for url: String) -> [String] {
    if command.contains(where: { $0.contains("%s") }) {
      return command.map { $0.replacingOccurrences(of: "%s", with: url) }
    }
    return command + [url]
  }

  /// Starts the browser in the background; false when it could not be started.
  func open(_ url: String, completion: (@Sendable (Bool) -> Void)? = nil) -> Bool {
    ExternalProgram(arguments: arguments(for: url)).start(completion: completion)
  }
}
