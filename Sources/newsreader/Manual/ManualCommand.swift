import ArgumentParser

/// `newsreader _man config`: prints newsreader-config(5) for `make install` (hidden from help).
struct ManualCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_man", abstract: "Print a manual page in roff.", shouldDisplay: false)

  /// The pages this command writes.
  enum Page: String, ExpressibleByArgument, CaseIterable {
    case config
  }

  @Argument(help: "The page: config (newsreader-config(5)).")
  var page: Page

  func run() {
    switch page {
    case .config: print(ConfigManual().text, terminator: "")
    }
  }
}
