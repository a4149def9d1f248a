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

  /// Copies the focused item's URL.
  case copyLink
  /// Copies the focused item as a Markdown link `[title](url)`.
  case copyMarkdownLink
  case openInBrowser

  case showHelp, showTopicPicker, showDiagnostics, closeOverlay

  /// Asks the program to load the records again.
  case reload
  /// How far a load has got: record files read of those found.
  case loadProgress(filesRead: Int, filesTotal: Int)
  /// New records arrived (from a reload or the first load); filters and the selection are kept.
  case loaded(ArticleCatalog, [Diagnostic])

  /// The terminal changed size; pane heights take the standard split until the view sets them.
  case resize(TerminalSize)
  case setPaneHeights(PaneHeights)
  /// The open overlay's content has this many rows (the help text's length is the view's to know).
  case setOverlayRowCount(Int)
  /// The details text of the current item wraps to this many lines (reported by the view).
  case setDetailsLineCount(Int)
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
  /// Put `text` on the clipboard; `description` says what it is ("link", "Markdown link").
  case copyToClipboard(text: String, description: String)
  case openURL(String)
  case reload
  case quit
  case redraw
}
