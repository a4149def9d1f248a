import ArgumentParser
import Foundation
import NewsStore

/// `newsreader state`: the reading state as a file of JSON lines, for backups and other machines.
struct StateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "state", abstract: "Export or import the reading state.",
    subcommands: [StateExportCommand.self, StateImportCommand.self, StateStressCommand.self])
}

/// `newsreader state export`: every mark as one JSON object per line.
struct StateExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Print every mark as JSON lines (id, url, readAt, starredAt, firstSeenAt).",
    discussion: """
      Times are ISO 8601 in UTC with milliseconds; a field without a value is left out. Marks of \
      articles not loaded now are included. Prints nothing when there is no state file yet.
      """)

  @OptionGroup var state: StateOptions

  func run() throws {
    guard let opening = try state.open(createIfMissing: false, reportUnsaved: false) else {
      throw ValidationError("there is no reading state to export with --no-state")
    }
    guard let store = opening.store else {
      if let reason = opening.unsavedReason {
        printError("newsreader: reading state cannot be read: \(reason)")
        throw ExitCode(66)
      }
      return
    }
    let marks = try store.marks()
    store.close()
    var chunk = ""
    for mark in marks {
      chunk += MarkLines.line(mark)
      chunk += "\n"
      if chunk.utf8.count > 1 << 16 {
        writeOut(chunk)
        chunk = ""
      }
    }
    writeOut(chunk)
  }
}

/// `newsreader state import FILE`: merges an export into this state.
struct StateImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Merge marks from a file that `state export` wrote.",
    discussion: """
      A merge, never a replacement: an article read or starred on either side stays so, the earlier \
      time is kept, and importing the same file twice changes nothing. Each bad line is reported with \
      its number and the good lines are imported. Exit status: 0, 65 when some lines were bad, 66 when \
      FILE cannot be read, 73 when the state file cannot be created or written.
      """)

  @Argument(help: "The file of JSON lines, or - for standard input.")
  var file: String

  @OptionGroup var state: StateOptions

  func validate() throws {
    if state.disabled {
      throw ValidationError("import changes the reading state; it cannot run with --no-state")
    }
  }

  func run() throws {
    let data: Data
    if file == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard let contents = FileManager.default.contents(atPath: file) else {
        printError("newsreader: \(file): cannot be read")
        throw ExitCode(66)
      }
      data = contents
    }
    let parsed = MarkLines.parse(String(decoding: data, as: UTF8.self))
    let name = file == "-" ? "<stdin>" : file
    for bad in parsed.bad { printError("newsreader: \(name):\(bad.line): \(bad.reason)") }
    let store = try state.openForWriting()
    let result: StateStore.MergeResult
    do {
      result = try store.merge(parsed.marks)
    } catch {
      printError("newsreader: reading state is not saved: \(error)")
      throw ExitCode(73)
    }
    store.close()
    printError(
      "newsreader: imported \(result.merged) mark\(result.merged == 1 ? "" : "s") from \(name) "
        + "(\(result.changed) changed), \(parsed.bad.count) bad line\(parsed.bad.count == 1 ? "" : "s")")
    if !parsed.bad.isEmpty { throw ExitCode(65) }
  }
}

/// Writes text to standard output without Swift's line buffering in between.
func writeOut(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}
