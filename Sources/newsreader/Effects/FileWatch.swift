import NewsWatch
import ReaderState
import ReaderView

/// The reader's `watch` effect: a `DirectoryWatcher` on a thread of its own, posting `.filesChanged` with
/// the files of each coalesced run of changes until the reader ends (its task is cancelled).
struct FileWatch: Sendable {
  var paths: [String]
  var calls: InotifyCalls = .system

  func start(task: EffectTask, inbox: ActionInbox) {
    let watcher = DirectoryWatcher(paths: paths, calls: calls)
    DetachedThread.detach {
      defer { task.finish() }
      watcher.run(isCancelled: { task.isCancelled }) { signal in
        switch signal {
        case .changing:
          inbox.post(.filesChanging)
        case .changed(let changes):
          inbox.post(.filesChanged(changes))
        case .rescanning(let reason):
          let every = watcher.rescanInterval.formatted()
          inbox.post(.showStatus("Watching by rescanning every \(every) s: \(reason)", isError: false))
        }
      }
    }
  }
}
