import NewsCore

/// The whole reader as one value, made of parts that each own one concern; everything the screen shows is
/// derived from it, and only `apply` changes it.
///
/// A part is a value with its own operations and tests; `apply` routes each action to the parts it
/// concerns and keeps them consistent where one depends on another (the search narrows the listing, the
/// topic picker counts the listing's search result).
public struct ReaderModel: Sendable, Equatable {
  /// The articles listed, their selection, the details scroll and the focus.
  public var listing: Listing
  /// Search as you type around the listing's search text.
  public var search: SearchSession
  /// The help, topic picker or load problems window.
  public var overlays: OverlayState
  /// The stories view and the story opened from it.
  public var stories: StoryView
  /// Articles per period of the current filter, for the timeline row.
  public var timeline: Timeline
  /// The transient message of the status bar.
  public var status: StatusLine
  /// The records' load and what it found wrong.
  public var loading: LoadingState
  /// Where jumps came from, for going back and forward.
  public var history: JumpHistory
  /// The full-screen reading view, when open.
  public var readingView: ReadingView?
  /// Read, starred and new articles, and the undo of markings.
  public var reading: Reading
  /// Watching the record files, and the articles that arrived unseen.
  public var watch: WatchState
  /// The saved views of the config file, in its order (the view picker's rows, the digits' views).
  public var views: [NamedQuery]
  public var size: TerminalSize
  /// Set by `.quit` (with no overlay open and nowhere to go back to) and `.forceQuit`: the run loop ends.
  public var hasQuit: Bool

  /// A reader over `catalog` listing `query` (kept, as if typed and Enter pressed), sized for `size`.
  public init(
    catalog: ArticleCatalog, diagnostics: [Diagnostic] = [], query: String = "",
    sort: SortOrder = .newest, size: TerminalSize = TerminalSize(columns: 80, rows: 24),
    environment: QueryEnvironment = QueryEnvironment()
  ) {
    listing = Listing(catalog: catalog, query: query, sort: sort, environment: environment)
    search = SearchSession(mode: query.isEmpty ? .off : .applied)
    overlays = OverlayState()
    stories = StoryView()
    timeline = Timeline()
    status = StatusLine()
    loading = LoadingState(diagnostics: diagnostics)
    history = JumpHistory()
    readingView = nil
    reading = Reading()
    reading.attach(catalog)
    watch = WatchState()
    views = []
    self.size = size
    hasQuit = false
    timeline.refresh(listing)
  }
}

/// The terminal's size in columns and rows.
public struct TerminalSize: Sendable, Hashable {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }
}
