import NewsCore

/// An intent the reader can carry out; keys are mapped to these in one table, never interpreted here.
public enum Action: Sendable, Equatable {
  /// Moves the selection of the focused list (scrolls the details pane), or of the open overlay.
  case move(Movement)
  /// Tab order: articles, details, related, around.
  case focusNext, focusPrevious
  /// Spatially: left is the article list, right the details pane (side by side) or the next tab (tabs).
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
  /// A readline edit of the query being typed: cursor moves, deletions, history.
  case searchEdit(SearchEdit)
  /// Asks for the query history file to be read (once, at start).
  case requestSearchHistory
  /// The kept queries read from the history file, oldest first.
  case searchHistoryLoaded([String])
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

  /// Opens the picker of provider, domain or category values with live counts.
  case showFacetPicker(Facet)
  /// Adds or removes the term of the value under the facet picker's selection.
  case togglePickerFacet

  /// Opens the picker of the saved views, with their unread and total counts.
  case showViewPicker
  /// Applies the view under the view picker's selection (and closes the picker).
  case applyPickerView
  /// Puts saved view number `n` (from 1, in the config file's order) in the query.
  case applyView(Int)

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
  /// The records load `generation` has parsed so far (a first load lists them while it runs); the load's
  /// own `.loaded` follows with every record.
  case loadedPart(ArticleCatalog, generation: Int)
  /// Every record of load `generation` as the listing beside the index holds it (the fields a list shows),
  /// listed while a warm start decodes the records; the load's own `.loaded` follows with them whole.
  case loadedListing(ArticleCatalog, generation: Int)
  /// How much of load `generation` the load index gave (`parsed 1, reused 99,999`), said after its records.
  case loadStatistics(String, generation: Int)
  /// The stories of `catalog`, grouped off the run loop after it was loaded.
  case storiesGrouped(StoryIndex, for: ArticleCatalog)

  /// The reading marks the store has (at start, and again after another process changed them).
  case marksLoaded(ReadingMarks)
  /// The ids of the loaded articles that no earlier run had loaded (after a whole load: they replace
  /// what was new before).
  case newSinceLastRun(Set<String>)
  /// The ids among a watched change's arrivals that no earlier run had loaded: new along with those
  /// already new.
  case newArrivals(Set<String>)
  /// Read ↔ unread of the selected article.
  case toggleRead
  /// Marks every listed article read (one undo step).
  case markAllShownRead
  /// Reverts the last marking (a whole group: a story, or all shown).
  case undoMarking
  case toggleStar
  /// Selects the next (previous) unread article in the list, wrapping around.
  case nextUnread, previousUnread
  /// Lists only unread (only starred) articles, or everything again.
  case toggleUnreadOnly, toggleStarredOnly
  /// The file watcher saw a first change: `filesChanged` follows shortly (the run loop waits less meanwhile).
  case filesChanging
  /// The file watcher saw these record files change: read them again and merge in place.
  case filesChanged(FileChanges)
  /// Load `generation`, which read only changed files, gave this change of the catalog and these problems
  /// (of every file, as a full load gives them).
  case changesLoaded(CatalogChange, [Diagnostic], generation: Int)
  /// Selects the newest of the articles that arrived through watching and have not been looked at.
  case goToNewestArrival

  /// The terminal changed size.
  case resize(TerminalSize)
  /// Time passed: expires the status message, marks an article shown long enough read, and asks for a
  /// check of the store's marks every `Reading.checkInterval` seconds.
  case tick
  /// Shows a transient message, for example how a copy went once the clipboard program has finished.
  case showStatus(String, isError: Bool)

  /// Opens the selected article (or the related item the details show) full-screen; closes it again.
  case openReader, closeReader
  /// In the reading view: the next or previous article of the list.
  case readNext, readPrevious
  /// In the reading view: copies its link numbered `n` (from 1).
  case copyReadingLink(Int)

  /// Back to where the last jump left (filter, search, sort, selection, scroll and focus), or forward again.
  case goBack, goForward

  case redraw
  /// Goes back: closes an open overlay, else goes back in the jump history, else quits.
  case quit
  /// Quits whatever is open (`Q`, Ctrl-C).
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
  /// Read only the files in `changes` again as load `generation` (a load, superseding as `load` does) and
  /// post their records as a change of the catalog, sorted by `order` ahead.
  case loadChanges(generation: Int, FileChanges, order: SortOrder)
  /// Repaint every cell of the terminal.
  case redraw
  /// Save these reading marks (queued, written off the run loop).
  case writeMarks([MarkWrite])
  /// Ask the store whether another process changed the marks, and post `.marksLoaded` if so.
  case checkMarkChanges
  /// Watch the record files for changes until the reader ends; long-lived, started once after the first load.
  case watch
  /// Group `catalog`'s articles into stories off the run loop and answer with `.storiesGrouped`, so the
  /// stories view opens at once.
  case groupStories(ArticleCatalog)
  /// Read the query history file and answer with `.searchHistoryLoaded`.
  case loadSearchHistory
  /// Append `query` to the query history file.
  case recordSearch(String)

  /// Whether the state changed along with this effect in a way the screen shows (a mark written).
  public var changesScreen: Bool {
    if case .writeMarks = self { return true }
    return false
  }

  /// The identity of a long-lived effect (one that runs on after `apply` returns and can be cancelled);
  /// nil for effects that are done once started.
  public var id: EffectID? {
    switch self {
    case .load(let generation), .loadChanges(let generation, _, _):
      EffectID(kind: .load, generation: generation)
    case .watch: EffectID(kind: .watch, generation: 1)
    case .copyToClipboard, .openURL, .redraw, .writeMarks, .checkMarkChanges, .loadSearchHistory,
      .recordSearch, .groupStories:
      nil
    }
  }
}

/// Names one run of a long-lived effect: starting one of a `kind` cancels the runs of that kind still going
/// (TCA's `cancelInFlight`), and `generation` tells the runs apart.
public struct EffectID: Sendable, Hashable, CustomStringConvertible {
  /// The kinds of long-lived effects.
  public enum Kind: String, Sendable, Hashable {
    case load
    case watch
  }

  public var kind: Kind
  public var generation: Int

  public init(kind: Kind, generation: Int) {
    self.kind = kind
    self.generation = generation
  }

  public var description: String { "\(kind.rawValue)#\(generation)" }
}
