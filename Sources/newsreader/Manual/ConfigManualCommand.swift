import ArgumentParser

/// `newsreader config manual`: prints newsreader-config(5) in roff, the page `make install` installs.
struct ConfigManualCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "manual",
    abstract: "Print newsreader-config(5), the config file's manual page, in roff.",
    discussion: "Read it with: newsreader config manual | man -l -")

  func run() { print(ConfigManual.withActions().text, terminator: "") }
}
