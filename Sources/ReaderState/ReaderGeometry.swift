/// The sizes paging needs, computed from the state by the view's layout: the one source of pane heights
/// and wrapped line counts, which the state asks for when it moves and never stores.
public protocol ReaderGeometry: Sendable {
  /// Rows each pane's content and the open overlay's list show on a terminal of `size`.
  func paneHeights(for size: TerminalSize) -> PaneHeights
  /// Lines the details text of `state` wraps to, with relative dates counted from `now`.
  func detailsLineCount(of state: ReaderModel, now: Double) -> Int
  /// Lines of the help overlay's text.
  func helpLineCount(of state: ReaderModel) -> Int
}

/// Rows available to each pane's content, which paging needs; the view's layout decides them.
public struct PaneHeights: Sendable, Hashable {
  public var articles: Int
  public var related: Int
  public var details: Int
  /// Rows an overlay's list shows.
  public var overlay: Int
  /// Bars the timeline row has room for, 0 when the terminal has no room for the row.
  public var timelineBars: Int

  public init(articles: Int, related: Int, details: Int, overlay: Int, timelineBars: Int = 0) {
    self.articles = articles
    self.related = related
    self.details = details
    self.overlay = overlay
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
