import ArgumentParser
import CursesScreen
import Foundation
import NewsCore

#if canImport(Glibc)
  import Glibc
#endif

/// The `newsreader` command: the interactive reader by default, and the `list`, `check`, `topics`,
/// `config`, `mark` and `state` subcommands.
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
      ReadCommand.self, ListCommand.self, CheckCommand.self, TopicsCommand.self, StoriesCommand.self,
      ConfigCommand.self, MarkCommand.self, StateCommand.self, KeysCommand.self,
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

  /// ArgumentParser's `main`, with the process prepared first and every message it prints sanitized (a
  /// usage error repeats the argument it did not understand, escape sequences included).
  static func main() {
    StandardDescriptors.occupyClosed()
    let environment = ProcessInfo.processInfo.environment
    CursesScreen.installCrashHandlers(
      program: "newsreader \(version)", started: ISO8601DateFormatter().string(from: Date()),
      notePath: CrashNote.path(environment: environment, processID: getpid(), date: Date()))
    do {
      var command = try parseAsRoot()
      try command.run()
      IndexWriteBeforeExit.finish()
    } catch let failure as OutputFailure {
      end(after: failure)
    } catch {
      IndexWriteBeforeExit.finish()
      let message = fullMessage(for: error)
      let status = exitCode(for: error)
      if !message.isEmpty {
        if status.isSuccess {
          // Help and version: standard output, checked like any other output.
          let output = StandardOutput()
          do {
            try output.line(TextSanitizer.sanitize(message, layout: .paragraphs))
            try output.flush()
          } catch let failure as OutputFailure {
            end(after: failure)
          } catch {}
        } else {
          printError(message)
        }
      }
      Glibc.exit(status.rawValue)
    }
  }

  /// A reader that went away (a closed pipe, as `newsreader list … | head -1` makes) is not an error: the
  /// process ends as the default SIGPIPE would, quietly (the shell reports 141), even when the parent had
  /// SIGPIPE ignored. Any other failed write is one line on standard error and status 74 (EX_IOERR).
  static func end(after failure: OutputFailure) -> Never {
    // The load index is still written: the next start would otherwise parse everything again.
    IndexWriteBeforeExit.finish()
    if failure.code == EPIPE {
      signal(SIGPIPE, SIG_DFL)
      raise(SIGPIPE)
      Glibc.exit(128 + SIGPIPE)
    }
    printError(failure.message)
    Glibc.exit(OutputFailure.exitStatus)
  }
}

/// Where a crash note goes: `$XDG_STATE_HOME/newsreader/`, else `~/.local/state/newsreader/`.
enum CrashNote {
  /// The note's path for this process; nil without a usable state directory. XDG_STATE_HOME must be
  /// absolute to count, as the XDG specification says; a directory whose name holds control characters
  /// does not count either, since the crash handler prints the path as it is.
  static func path(environment: [String: String], processID: Int32, date: Date) -> String? {
    func usable(_ directory: String?) -> String? {
      guard let directory, directory.hasPrefix("/"), TextSanitizer.sanitize(directory) == directory else {
        return nil
      }
      return directory
    }
    let base: String
    if let state = usable(environment["XDG_STATE_HOME"]) {
      base = state
    } else if let home = usable(environment["HOME"]) {
      base = home + "/.local/state"
    } else {
      return nil
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    return base + "/newsreader/crash-\(formatter.string(from: date))-\(processID).txt"
  }
}
