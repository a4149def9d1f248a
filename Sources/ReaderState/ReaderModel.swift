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
  public var size: TerminalSize
  /// Set by `.quit` (with no overlay open) and `.forceQuit`: the run loop ends.
  public var hasQuit: Bool

  /// A reader over `catalog` with `filter` applied (for command-line category or provider), sized for `size`.
  public init(
    catalog: ArticleCatalog, diagnostics: [Diagnostic] = [], filter: ArticleFilter = ArticleFilter(),
    sort: SortOrder = .newest, size: TerminalSize = TerminalSize(columns: 80, rows: 24)
  ) {
    listing = Listing(catalog: catalog, filter: filter, sort: sort)
    search = SearchSession()
    overlays = OverlayState()
    stories = StoryView()
    timeline = Timeline()
    status = StatusLine()
    loading = LoadingState(diagnostics: diagnostics)
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
