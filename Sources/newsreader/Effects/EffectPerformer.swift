import NewsCore
import ReaderState
import ReaderView

/// Carries out the reader's effects: the one switch over `Effect`, so adding an effect is a case here
/// (and, when it is long-lived, its kind in `EffectID`).
///
/// A copy goes to the terminal's clipboard (OSC 52) and, when there is one, the desktop's clipboard
/// program; the message saying how it went is set here alone, from what actually happened.
struct EffectPerformer: Sendable {
  var clipboard: ClipboardProgram?
  /// False when the config says `clipboard: off`: a copy then goes nowhere, not even to the terminal.
  var copies = true
  var browser: BrowserLauncher?
  /// Starts one load in the background that posts its progress and result to the inbox.
  var load: BackgroundLoad
  /// Saves reading marks and notices other processes' changes; nil without a state file.
  var readingState: ReadingStateConnection? = nil
  /// Watches the record files while the reader is open; nil with `--no-watch`.
  var watch: FileWatch?
  /// Where the reader's kept queries are read from and appended to.
  var searchHistory = SearchHistoryFile(path: nil)

  func perform(_ effect: Effect, context: EffectContext) -> [Action] {
    let inbox = context.inbox
    switch effect {
    case .copyToClipboard(let text, let description):
      guard copies else {
        return [.showStatus("Copying is off (clipboard: off in the config)", isError: true)]
      }
      context.screen.writeClipboard(text)
      guard let clipboard else {
        return [.showStatus("Copied \(description) by OSC 52: \(text)", isError: false)]
      }
      let name = clipboard.name
      let started = clipboard.copy(text) { succeeded in
        if !succeeded {
          inbox.post(.showStatus("\(name) failed; \(description) sent by OSC 52 only", isError: true))
        }
      }
      let how = started ? "by OSC 52 and \(name)" : "by OSC 52 only; \(name) did not start"
      return [.showStatus("Copied \(description) \(how): \(text)", isError: !started)]
    case .openURL(let url):
      guard let browser else {
        return [.showStatus("No browser found: set $BROWSER or install xdg-open", isError: true)]
      }
      let program = browser.command[0]
      let started = browser.open(url) { succeeded in
        if !succeeded { inbox.post(.showStatus("\(program) could not open the link", isError: true)) }
      }
      return started ? [] : [.showStatus("\(program) did not start", isError: true)]
    case .load(let generation):
      if let task = context.task { load.start(generation: generation, task: task, inbox: inbox) }
      return []
    case .loadChanges(let generation, let changes, let order):
      if let task = context.task {
        load.startChanges(generation: generation, changes: changes, order: order, task: task, inbox: inbox)
      }
      return []
    case .watch:
      if let task = context.task {
        if let watch { watch.start(task: task, inbox: inbox) } else { task.finish() }
      }
      return []
    case .groupStories(let catalog):
      DetachedThread.detach {
        inbox.post(.storiesGrouped(StoryIndex(articles: catalog.articles), for: catalog))
      }
      return []
    case .loadSearchHistory:
      let history = searchHistory
      DetachedThread.detach { inbox.post(.searchHistoryLoaded(history.read())) }
      return []
    case .recordSearch(let query):
      let history = searchHistory
      DetachedThread.detach {
        if history.path != nil, !history.append(query) {
          inbox.post(.showStatus("Could not keep the query in \(history.path ?? "")", isError: true))
        }
      }
      return []
    case .redraw:
      context.screen.invalidate()  // the frame drawn after every event then repaints every cell
      return []
    case .writeMarks(let writes):
      readingState?.queue(writes)
      return []
    case .checkMarkChanges:
      readingState?.reloadIfChanged(inbox: inbox)
      return []
    }
  }
}
