/// The sizes paging needs, computed from the state by the view's layout: the one source of pane heights
/// and wrapped line counts, which the state asks for when it moves and never stores.
public protocol ReaderGeometry: Sendable {
  /// Rows each pane's content and the open overlay's list show for `state` (its size, and what its panes
  /// hold: the related pane grows with its items when the details are short).
  func paneHeights(of state: ReaderModel) -> PaneHeights
  /// Lines the details text of `state` wraps to, with relative dates counted from `now`.
  func detailsLineCount(of state: ReaderModel, now: Double) -> Int
  /// Lines the reading view's text wraps to.
  func readingLineCount(of state: ReaderModel, now: Double) -> Int
  /// Lines of the help overlay's text.
  func helpLineCount(of state: ReaderModel) -> Int
  /// Whether the article list is beside the details and related panes (else one pane shows at a time, as
  /// tabs in Tab order): what "left" and "right" mean for the focus.
  func panesSideBySide(for size: TerminalSize) -> Bool
}

/// Rows available to each pane's content, which paging needs; the view's layout decides them.
public struct PaneHeights: Sendable, Hashable {
  public var articles: Int
  public var related: Int
  public var details: Int
  /// Rows an overlay's list shows.
  public var overlay: Int
  /// Rows of text the reading view shows.
  public var reading: Int
  /// Bars the timeline row has room for, 0 when the terminal has no room for the row.
  public var timelineBars: Int

  public init(
    articles: Int, related: Int, details: Int, overlay: Int, reading: Int? = nil, timelineBars: Int = 0
  ) {
    self.articles = articles
    self.related = related
    self.details = details
    self.overlay = overlay
    self.reading = reading ?? max(1, details)
    self.timelineBars = timelineBars
  }

  /// The rows shown by the list of `pane`.
  public func rows(of pane: Pane) -> Int {
    switch pane {
    case .articles: articles
    case .related: related
    case .details: details
    }
  }
}
