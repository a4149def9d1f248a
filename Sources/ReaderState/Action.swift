import NewsCore

/// An intent the reader can carry out; keys are mapped to these in one table, never interpreted here.
public enum Action: Sendable, Equatable {
  /// Moves the selection of the focused list (scrolls the details pane), or of the open overlay.
  case move(Movement)
  /// Tab order: articles, details, related, around.
  case focusNext, focusPrevious
  /// Towards the article list, or away from it, without wrapping.
  case focusLeft, focusRight
  /// Focuses one pane directly (a mouse click).
  case focus(Pane)
  /// Focuses a list and selects its row `row` (a mouse click on that row); out-of-range rows are ignored.
  case select(Pane, row: Int)
  /// Enter: on an article, focus its related coverage; on a related item that is also an article, jump to it.
  case activate

  case startSearch
  /// Adds typed text at the end of the search and narrows the list.
  case searchInsert(String)
  case searchDeleteBackward
  /// Keeps the search (Enter).
  case commitSearch
  /// Restores the search and list from before editing started (Esc).
  case cancelSearch
  /// Drops a kept search.
  case clearSearch

  case toggleTopic(String)
  /// Toggles the topic numbered `n` (1–9) in `topicShortcuts`.
  case toggleTopicShortcut(Int)
  case clearTopics
  /// Toggles the topic under the topic picker's selection.
  case togglePickerTopic

  case cycleSort

  /// Lists stories instead of articles, or articles again.
  case toggleStories
  /// Narrows the listing to the selected story's articles.
  case openStory
  /// Back from an opened story to the stories view.
  case closeStory
  /// Lists only the selected article's period of the timeline, or every date again.
  case togglePeriodFilter
  /// Moves the period listed by this many bars (negative: earlier).
  case shiftPeriod(Int)

  /// Copies the focused item's URL.
  case copyLink
  /// Copies the focused item as a Markdown link `[title](url)`.
  case copyMarkdownLink
  case openInBrowser

  case showHelp, showTopicPicker, showDiagnostics, closeOverlay

  /// Loads the records (again); a load still running is superseded.
  case reload
  /// How far load `generation` has got: record files read of those found.
  case loadProgress(filesRead: Int, filesTotal: Int, generation: Int)
  /// Load `generation` finished with these records (filters and the selection are kept); a superseded
  /// load's result is dropped.
  case loaded(ArticleCatalog, [Diagnostic], generation: Int)

  /// The terminal changed size.
  case resize(TerminalSize)
  /// Time passed: expires the status message.
  case tick
  /// Shows a transient message, for example how a copy went once the clipboard program has finished.
  case showStatus(String, isError: Bool)

  case redraw
  /// Closes an open overlay, or quits when none is open.
  case quit
  /// Quits whatever is open (Ctrl-C).
  case forceQuit
}

/// Something for the program to do after an action: the outside world, never state.
public enum Effect: Sendable, Hashable {
  /// Put `text` on the clipboard; `description` says what it is ("link from webUrl"). The performer
  /// reports how it went, so the message is its alone.
  case copyToClipboard(text: String, description: String)
  case openURL(String)
  /// Load the records as load `generation`; long-lived, and superseding any older load still running.
  case load(generation: Int)
  /// Repaint every cell of the terminal.
  case redraw

  /// The identity of a long-lived effect (one that runs on after `apply` returns and can be cancelled);
  /// nil for effects that are done once started.
  public var id: EffectID? {
    switch self {
    case .load(let generation): EffectID(kind: .load, generation: generation)
    case .copyToClipboard, .openURL, .redraw: nil
    }
  }
}

/// Names one run of a long-lived effect: starting one of a `kind` cancels the runs of that kind still going
/// (TCA's `cancelInFlight`), and `generation` tells the runs apart.
public struct EffectID: Sendable, Hashable, CustomStringConvertible {
  /// The kinds of long-lived effects.
  public enum Kind: String, Sendable, Hashable {
    case load
  }

  public var kind: Kind
  public var generation: Int

  public init(kind: Kind, generation: Int) {
    self.kind = kind
    self.generation = generation
  }

  public var description: String { "\(kind.rawValue)#\(generation)" }
}
