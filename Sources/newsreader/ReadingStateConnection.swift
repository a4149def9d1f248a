import Foundation
import NewsCore
import NewsStore
import ReaderState
import ReaderView

/// The reader's link to its reading state: the store, the background writer that saves marks off the
/// run loop, and the one status message about a fault.
///
/// Opened before the first screen; any fault is said once on the status line ("reading state is not
/// saved: <reason>") and the reader runs on without it. `finish` writes the marks still queued at exit.
struct ReadingStateConnection: Sendable {
  /// The store for reading marks (nil when none could be opened or with `--no-state`).
  var store: StateStore?
  /// Saves marks; nil when they cannot be saved.
  var writer: MarkWriter?
  /// This run, for counting the articles new since the last one; nil when it could not be recorded.
  var session: ReadingSession?

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
          connection.session = try? store.beginSession(now: Date().timeIntervalSince1970)
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
    connection.postMarks(inbox: inbox, flushingFirst: false)
    return connection
  }

  /// Reads every mark off the run loop and posts them; with `flushingFirst` this process's queued marks
  /// are written first, so the marks read include them.
  func postMarks(inbox: ActionInbox, flushingFirst: Bool) {
    guard let store else { return }
    let writer = writer
    DispatchQueue.global(qos: .userInitiated).async {
      if flushingFirst { writer?.flush() }
      guard let marks = try? store.marks() else { return }
      inbox.post(
        .marksLoaded(marks.map { ReadingMark(id: $0.id, readAt: $0.readAt, starredAt: $0.starredAt) }))
    }
  }

  /// The tick's check: when another process has committed marks, re-reads them (off the run loop).
  func reloadIfChanged(inbox: ActionInbox) {
    guard let store, store.hasExternalChanges() else { return }
    postMarks(inbox: inbox, flushingFirst: true)
  }

  /// Queues the reader's marks for the background writer.
  func queue(_ writes: [MarkWrite]) {
    guard let writer else { return }
    for write in writes {
      let kind: MarkChange.Kind =
        switch write.kind {
        case .read: .read
        case .unread: .unread
        case .star: .star
        case .unstar: .unstar
        }
      writer.queue(MarkChange(id: write.id, url: write.url, kind: kind, at: write.at))
    }
  }

  /// Records that these articles were loaded now and posts which are new since the last run; called on
  /// the loading thread after each load.
  func recordFirstSeen(_ articles: [Article], inbox: ActionInbox) {
    guard let store, let session, writer != nil else { return }
    let seen = articles.map { (id: $0.id.rawValue, url: $0.item.identifyingURL) }
    guard let fresh = try? store.recordFirstSeen(seen, now: Date().timeIntervalSince1970, session: session)
    else { return }
    inbox.post(.newSinceLastRun(fresh))
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
