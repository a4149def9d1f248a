import Dispatch
import Foundation
import NewsCore
import NewsStore
import ReaderState
import ReaderView
import Synchronization

/// The reader's link to its reading state: the store, the background writer that saves marks off the
/// run loop, and the one status message about a fault.
///
/// The file is opened on a background thread (its `quick_check` reads the whole file, then migrations
/// and the session's write), so the first screen never waits for it: the list appears, then the marks
/// fill in. Marks made before the file is open are queued and handed to the writer once it exists. Any
/// fault is said once on the status line ("reading state is not saved: <reason>") and the reader runs
/// on without it. `finish` writes the marks still queued at exit.
final class ReadingStateConnection: Sendable {
  /// What opening gave: each part nil when there is none (`--no-state`, a fault).
  private struct Opened: Sendable {
    /// The store for reading marks (nil when none could be opened or with `--no-state`).
    var store: StateStore?
    /// Saves marks; nil when they cannot be saved.
    var writer: MarkWriter?
    /// This run, for counting the articles new since the last one; nil when it could not be recorded.
    var session: ReadingSession?
  }

  private enum Phase {
    /// Opening on the background thread; the reader's marks so far, in order.
    case opening(pending: [MarkChange])
    case open(Opened)
  }

  private let phase = Mutex(Phase.opening(pending: []))
  /// The reader's writes handed to the writer so far (the model counts the same `.writeMarks` writes);
  /// changed and read under `phase`'s lock, so a count read there covers exactly the writes queued.
  private let handedToWriter = Atomic<Int>(0)
  /// Left once the open has finished, for the threads that must wait for it (loading, exit).
  private let opening = DispatchGroup()
  /// Reads of the marks, one at a time so their results reach the inbox in the order they were read.
  private let reads = DispatchQueue(label: "newsreader.state-reads", qos: .userInitiated)

  private init() {}

  /// Starts opening the state on a background thread and returns at once; the marks are posted to
  /// `inbox` as `.marksLoaded` when read.
  static func open(_ options: StateOptions, inbox: ActionInbox) -> ReadingStateConnection {
    let connection = ReadingStateConnection()
    connection.opening.enter()
    DispatchQueue.global(qos: .userInitiated).async {
      let opened = connection.openStore(options, inbox: inbox)
      connection.phase.withLock { phase in
        if case .opening(let pending) = phase, let writer = opened.writer {
          for change in pending { writer.queue(change) }
          connection.handedToWriter.add(pending.count, ordering: .relaxed)
        }
        phase = .open(opened)
      }
      connection.opening.leave()
      connection.postMarks(inbox: inbox)
    }
    return connection
  }

  /// The open itself, on the background thread.
  private func openStore(_ options: StateOptions, inbox: ActionInbox) -> Opened {
    var messages: [String] = []
    var opened = Opened()
    do {
      if let path = try options.path() {
        let opening = StateStore.open(path: path, now: Date().timeIntervalSince1970)
        messages += opening.notices
        opened.store = opening.store
        if let reason = opening.unsavedReason {
          messages.append("reading state is not saved: \(reason)")
        } else if let store = opening.store {
          opened.session = try? store.beginSession(now: Date().timeIntervalSince1970)
          opened.writer = MarkWriter(
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
    return opened
  }

  /// What opening gave, or nil while it is still under way (never waits).
  private var opened: Opened? {
    phase.withLock { phase in
      if case .open(let opened) = phase { return opened }
      return nil
    }
  }

  /// What opening gave, waiting for it: for the loading thread and the exit, never the run loop.
  private func waitForOpen() -> Opened {
    opening.wait()
    return opened ?? Opened()
  }

  /// Reads every read or starred mark off the run loop and posts them. This process's queued marks are
  /// written first, so the marks read include them; the count of those goes with the marks, so the
  /// model can apply again the ones it made since (which the read may not have seen).
  func postMarks(inbox: ActionInbox) {
    guard let opened, let store = opened.store else { return }
    let writer = opened.writer
    reads.async {
      let saved = self.phase.withLock { _ in self.handedToWriter.load(ordering: .relaxed) }
      writer?.flush()
      // Built here, off the run loop, so the run loop only takes the dictionary over (the benchmark's
      // start-up row times this same expression).
      guard var marks = try? ReadingMarks(reading: store.forEachMark) else { return }
      marks.savedWrites = saved
      inbox.post(.marksLoaded(marks))
    }
  }

  /// The tick's check: when another process has committed marks, re-reads them (off the run loop).
  /// Before the file is open there is nothing to check: the first read comes once it is.
  func reloadIfChanged(inbox: ActionInbox) {
    guard let store = opened?.store, store.hasExternalChanges() else { return }
    postMarks(inbox: inbox)
  }

  /// Queues the reader's marks for the background writer (or until it exists); never blocks.
  func queue(_ writes: [MarkWrite]) {
    let changes = writes.map { write in
      let kind: MarkChange.Kind =
        switch write.kind {
        case .read: .read
        case .unread: .unread
        case .star: .star
        case .unstar: .unstar
        }
      return MarkChange(id: write.id, url: write.url, kind: kind, at: write.at)
    }
    phase.withLock { phase in
      switch phase {
      case .opening(var pending):
        // Replaced so the array is not shared with the enum's copy while it grows.
        phase = .opening(pending: [])
        pending += changes
        phase = .opening(pending: pending)
      case .open(let opened):
        guard let writer = opened.writer else { return }
        for change in changes { writer.queue(change) }
        handedToWriter.add(changes.count, ordering: .relaxed)
      }
    }
  }

  /// Records that these articles were loaded now and posts which are new since the last run; called on
  /// the loading thread after each load (waiting for the open if it is still under way). `arrivals`:
  /// they are a watched change's, new along with those already new, not instead of them.
  func recordFirstSeen(_ articles: [Article], arrivals: Bool = false, inbox: ActionInbox) {
    let opened = waitForOpen()
    guard let store = opened.store, let session = opened.session, opened.writer != nil else { return }
    let seen = articles.map { (id: $0.id.rawValue, url: $0.item.identifyingURL) }
    guard let fresh = try? store.recordFirstSeen(seen, now: Date().timeIntervalSince1970, session: session)
    else { return }
    inbox.post(arrivals ? .newArrivals(fresh) : .newSinceLastRun(fresh))
  }

  /// Writes what is queued and closes the file; called once, after the run loop has ended.
  func finish() {
    let opened = waitForOpen()
    // A read still under way finishes before the file closes under it.
    reads.sync {}
    let unwritten = opened.writer?.finish() ?? 0
    opened.store?.close()
    if unwritten > 0 {
      printError("newsreader: reading state is not saved: \(unwritten) mark\(unwritten == 1 ? "" : "s") lost")
    }
  }
}
