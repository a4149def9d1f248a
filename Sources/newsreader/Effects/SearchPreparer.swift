import NewsCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Builds the token index of the reader's newest catalog off the run loop (`ArticleCatalog.prepareSearch`),
/// one build at a time: after a full load at once, after watched changes once they have paused for `quiet`
/// seconds. A build takes about a second of the cores at 100,000 records, so a burst of arrivals is not
/// followed by a build per arrival; until the newest catalog's index is built, a search reads the text.
final class SearchPreparer: Sendable {
  let quiet: Double
  private let state = Mutex<State>(State())

  private struct State {
    /// The newest catalog not yet prepared, and when it may be.
    var pending: ArticleCatalog?
    var dueAt: Double = 0
    /// A preparing thread is running (it prepares whatever is pending until nothing is).
    var hasThread = false
  }

  init(quiet: Double = 1) { self.quiet = quiet }

  /// Prepares `catalog` (dropping any older one still waiting): at once, or when nothing newer has come
  /// for `quiet` seconds.
  func schedule(_ catalog: ArticleCatalog, waiting: Bool) {
    let due = IndexWriter.monotonicSeconds() + (waiting ? quiet : 0)
    let starts = state.withLock { state -> Bool in
      state.pending = catalog
      state.dueAt = due
      guard !state.hasThread else { return false }
      state.hasThread = true
      return true
    }
    if starts { DetachedThread.detach { self.prepareWhenDue() } }
  }

  private func prepareWhenDue() {
    while true {
      enum Step {
        case wait(Double)
        case prepare(ArticleCatalog)
        case done
      }
      let step = state.withLock { state -> Step in
        guard let pending = state.pending else {
          state.hasThread = false
          return .done
        }
        let wait = state.dueAt - IndexWriter.monotonicSeconds()
        if wait > 0 { return .wait(wait) }
        state.pending = nil
        return .prepare(pending)
      }
      switch step {
      case .done: return
      case .wait(let seconds): usleep(UInt32(min(seconds, 1) * 1_000_000))
      case .prepare(let catalog): catalog.prepareSearch()
      }
    }
  }
}
