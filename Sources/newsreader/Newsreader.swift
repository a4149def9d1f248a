import ArgumentParser

/// The `newsreader` command: the interactive reader by default, and the `list`, `check`, `topics`, `mark` and `state` subcommands.
@main
struct Newsreader: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "newsreader",
    abstract: "Read directories of news records in the terminal.",
    version: version,
    subcommands: [
      ReadCommand.self, ListCommand.self, CheckCommand.self, TopicsCommand.self, MarkCommand.self,
      StateCommand.self,
    ],
    defaultSubcommand: ReadCommand.self
  )
}
