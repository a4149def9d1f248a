import ArgumentParser
import Foundation
import NewsStore

/// `newsreader mark read|unread|star|unstar ID...`: changes reading state from scripts.
struct MarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mark", abstract: "Mark articles read, unread, starred or not starred.",
    discussion: """
      IDs are those `newsreader list --format json` prints; an article need not be loaded now (its mark \
      is kept for when it is). Exit status: 0 when written, 73 when the state file cannot be created or \
      written (the reason is printed), 64 on a usage error.
      """)

  @Argument(help: "read, unread, star or unstar.")
  var change: MarkChange.Kind

  @Argument(help: "Article ids.")
  var ids: [String]

  @OptionGroup var state: StateOptions

  func validate() throws {
    if ids.isEmpty { throw ValidationError("give at least one article id") }
    if ids.contains(where: \.isEmpty) { throw ValidationError("an article id cannot be empty") }
    if state.disabled {
      throw ValidationError("mark changes the reading state; it cannot run with --no-state")
    }
  }

  func run() throws {
    let store = try state.openForWriting()
    let now = Date().timeIntervalSince1970
    do {
      try store.apply(ids.map { MarkChange(id: $0, kind: change, at: now) })
    } catch {
      printError("newsreader: reading state is not saved: \(error)")
      throw ExitCode(73)
    }
    store.close()
  }
}

extension MarkChange.Kind: ExpressibleByArgument {}
