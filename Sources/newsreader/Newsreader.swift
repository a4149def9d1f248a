import ArgumentParser
import Foundation

/// The `newsreader` command: the interactive reader by default, and the `list`, `check`, `topics` and
/// `config` subcommands.
@main
struct Newsreader: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "newsreader",
    abstract: "Read directories of news records in the terminal.",
    usage: """
      newsreader [<paths> ...] [--config <file>] [--theme <theme>] [--sort <sort>] [--max-file-size <max-file-size>]
      newsreader <subcommand>
      """,
    discussion: readerHelp,
    version: version,
    subcommands: [
      ReadCommand.self, ListCommand.self, CheckCommand.self, TopicsCommand.self, ConfigCommand.self,
    ],
    defaultSubcommand: ReadCommand.self
  )

  /// What `newsreader PATH...` does and the reader's own arguments and options, taken from the read
  /// command's help so the two never disagree.
  static var readerHelp: String {
    let summary = """
      `newsreader PATH...` (the default command, `read`) opens the reader on the record files and \
      directories given; without PATH it opens the config's paths (see `newsreader config path`), else \
      seeds.
      """
    // The manual generator (`swift package generate-manual`) reads this text through
    // --experimental-dump-help and lists the read command's options itself; the help screen's
    // preformatted columns would only be rewrapped into a mess there.
    if CommandLine.arguments.contains("--experimental-dump-help") { return summary }
    let readHelp = ReadCommand.helpMessage()
    var sections = ""
    if let start = readHelp.range(of: "ARGUMENTS:") {
      sections = String(readHelp[start.lowerBound...])
        .split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.contains("-h, --help") && !$0.contains("--version") }
        .map { $0.hasSuffix(":") && !$0.hasPrefix(" ") ? "READER " + $0 : String($0) }
        .joined(separator: "\n")
    }
    return summary + "\n\n" + sections.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
