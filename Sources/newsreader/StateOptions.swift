import ArgumentParser
import Foundation
import NewsStore

/// `--state FILE` and `--no-state`, shared by the reader, `list`, `mark` and `state`.
struct StateOptions: ParsableArguments {
  @Option(
    name: .customLong("state"),
    help: ArgumentHelp(
      "Reading state file (default: $XDG_DATA_HOME/newsreader/state.sqlite, else ~/.local/share/newsreader/state.sqlite).",
      valueName: "file"))
  var file: String?

  @Flag(name: .customLong("no-state"), help: "Neither read nor write any reading state.")
  var disabled = false

  func validate() throws {
    if disabled, file != nil { throw ValidationError("--state and --no-state cannot be used together") }
  }

  /// The state file, or nil with `--no-state`; throws when there is no data directory to put it in.
  func path(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
    if disabled { return nil }
    if let file { return file }
    guard let path = StateLocation.defaultPath(environment: environment) else {
      throw StateUnavailable(
        reason: "no data directory: HOME and XDG_DATA_HOME are unset (give --state FILE)")
    }
    return path
  }

  /// Opens the state (nil with `--no-state`), printing once to standard error what the user must know:
  /// a corrupt file moved aside, and, when `reportUnsaved`, why marks will not be saved.
  func open(createIfMissing: Bool, reportUnsaved: Bool) throws -> StoreOpening? {
    guard let path = try path() else { return nil }
    let opening = StateStore.open(
      path: path, options: StoreOptions(createIfMissing: createIfMissing), now: Date().timeIntervalSince1970)
    for notice in opening.notices { printError("newsreader: \(notice)") }
    if reportUnsaved, let reason = opening.unsavedReason {
      printError("newsreader: reading state is not saved: \(reason)")
    }
    return opening
  }

  /// Opens the state for a command whose whole point is to write it (`mark`, `state import`): any
  /// reason the marks would not be saved ends the command with that reason and status 73.
  func openForWriting() throws -> StateStore {
    guard let opening = try open(createIfMissing: true, reportUnsaved: false) else {
      throw ValidationError("this command changes the reading state; it cannot run with --no-state")
    }
    guard let store = opening.store, opening.unsavedReason == nil else {
      printError("newsreader: reading state is not saved: \(opening.unsavedReason ?? "cannot open it")")
      throw ExitCode(73)
    }
    return store
  }
}

/// The reading state cannot be found or opened, in words for the user.
struct StateUnavailable: Error, CustomStringConvertible {
  var reason: String
  var description: String { "reading state: \(reason)" }
}
