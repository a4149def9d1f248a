import Foundation
import NewsStore
import ReaderState
import ReaderView

/// The reader's link to its reading state: the store, the background writer that saves marks off the
/// run loop, and the one status message about a fault.
///
/// Opened before the first screen; any fault is said once on the status line ("reading state is not
/// saved: <reason>") and the reader runs on without it. `finish` writes the marks still queued at exit.
struct ReadingStateConnection {
  /// The store for reading marks (nil when none could be opened or with `--no-state`).
  var store: StateStore?
  /// Saves marks; nil when they cannot be saved.
  var writer: MarkWriter?

  static func open(_ options: StateOptions, inbox: ActionInbox) -> ReadingStateConnection {
    var messages: [String] = []
    var connection = ReadingStateConnection()
    do {
      if let path = try options.path() {
        let opening = StateStore.open(path: path, now: Date().timeIntervalSince1970)
        messages += opening.notices
        connection.store = opening.store
        if let reason = opening.unsavedReason {
          messages.append("reading state is not saved: \(reason)")
        } else if let store = opening.store {
          connection.writer = MarkWriter(
            store: store,
            onFailure: { reason in
              inbox.post(.showStatus("reading state is not saved: \(reason)", isError: true))
            })
        }
      }
    } catch {
      messages.append("reading state is not saved: \(error)")
    }
    if !messages.isEmpty { inbox.post(.showStatus(messages.joined(separator: "; "), isError: true)) }
    return connection
  }

  /// Writes what is queued and closes the file; called once, after the run loop has ended.
  func finish() {
    let unwritten = writer?.finish() ?? 0
    store?.close()
    if unwritten > 0 {
      printError("newsreader: reading state is not saved: \(unwritten) mark\(unwritten == 1 ? "" : "s") lost")
    }
  }
}
