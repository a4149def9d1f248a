import ReaderState
import ScreenKit

/// Where every part of the reader goes on a screen of a given size: all geometry is decided here.
///
/// Three arrangements, chosen by size alone so that pane heights only change on a resize:
/// - wide (at least `wideColumns` columns): the article list on the left (45 %), a vertical rule, and the
///   details pane above the related-coverage pane (a third of the height at most) on the right;
/// - tabs (narrower): a tab row and one pane below it using the whole width. The focused pane is the one
///   shown, so Tab (focus next) cycles through articles, details and related coverage. Tabs rather than
///   three stacked panes because at 80x24 those leave each too few rows to read. When there are at least
///   `previewMinimumRows` rows, the articles and related tabs keep their list in the upper part and preview
///   the selected item's details below it (the article's, or the related item's), so no tab is a bare list;
/// - too small (under `minimumSize`, 40x10): only a centered message asking for a larger terminal; the
///   next resize recovers.
///
/// Every arrangement has a header row at the top and two status rows at the bottom (filters, then key
/// hints or the transient message).
public struct ReaderLayout: Sendable, Hashable {
  /// How the panes are arranged.
  public enum Mode: Sendable, Hashable {
    case wide, tabs, tooSmall
  }

  /// The smallest terminal the reader draws panes in.
  public static let minimumSize = Size(columns: 40, rows: 10)
  /// From this many columns the panes sit side by side.
  public static let wideColumns = 100
  /// Tabs mode: content rows from which the articles tab also previews the details.
  public static let previewMinimumRows = 16

  public let size: Size
  public let mode: Mode
  /// The pane shown in tabs mode (and the one with focus otherwise).
  public let focus: Pane
  public let header: Rect
  /// The filters row: search, topics, sort and numbered topic shortcuts.
  public let statusBar: Rect
  /// The key hints row, replaced by the transient status message while there is one.
  public let messageBar: Rect
  /// Tabs mode only: the row naming the three panes.
  public let tabBar: Rect
  /// Wide mode only: the column between the article list and the right side.
  public let separator: Rect
  public let articles: PaneFrame
  public let details: PaneFrame
  public let related: PaneFrame
  /// Tabs mode only, when tall enough: the details preview under the article or related list (empty
  /// otherwise).
  public let preview: PaneFrame
  /// The box of an open overlay (help, topic picker, diagnostics), border included.
  public let overlay: Rect
  /// The timeline row above the article list, when the terminal has `timelineMinimumRows` (empty otherwise).
  public let timeline: Rect
  /// Terminal rows from which the timeline gets its own row.
  public static let timelineMinimumRows = 30

  /// The layout for a terminal of `size` showing `focus` (which matters only in tabs mode); with `needs`,
  /// the related pane of the wide layout grows to show every related item when the details leave room.
  public init(size: Size, focus: Pane = .articles, needs: PaneNeeds? = nil) {
    self.size = size
    self.focus = focus
    let empty = Rect(columns: 0, rows: 0)
    let none = PaneFrame(title: empty, content: empty)
    guard size.columns >= ReaderLayout.minimumSize.columns, size.rows >= ReaderLayout.minimumSize.rows else {
      mode = .tooSmall
      (header, statusBar, messageBar, tabBar, separator, overlay) = (empty, empty, empty, empty, empty, empty)
      timeline = empty
      (articles, details, related, preview) = (none, none, none, none)
      return
    }
    let screen = Rect(size)
    let (top, rest) = screen.split(rows: 1)
    let (body, bottom) = rest.split(bottomRows: 2)
    header = top
    statusBar = bottom.row(0)
    messageBar = bottom.row(1)

    let overlayColumns =
      size.columns >= ReaderLayout.wideColumns ? min(120, size.columns - 8) : size.columns - 2
    overlay = Rect(
      row: body.row, column: (size.columns - overlayColumns) / 2, columns: overlayColumns, rows: body.rows)

    if size.columns >= ReaderLayout.wideColumns {
      mode = .wide
      tabBar = empty
      let (left, rightWithRule) = body.split(columns: size.columns * 45 / 100)
      let (rule, right) = rightWithRule.split(columns: 1)
      separator = rule
      (timeline, articles) = ReaderLayout.timelineAndList(PaneFrame(titled: left), terminalRows: size.rows)
      // Up to 8 rows of related coverage on ordinary terminals; a tall one (over 40 rows) gives half of its
      // extra rows to it, since details rarely need 40 rows and some articles have 20 related items.
      var relatedRows = max(2, min(body.rows / 3, 8 + max(0, body.rows - 37) / 2))
      if let needs {
        // Space where the content is: rows the details do not use go to related items that need them,
        // keeping at least 8 rows of details (two title rows besides).
        let spare = body.rows - 2 - max(needs.detailsLines, min(8, body.rows - 2 - relatedRows))
        relatedRows = max(relatedRows, min(needs.relatedItems, spare))
      }
      let (upper, lower) = right.split(bottomRows: relatedRows + 1)
      details = PaneFrame(titled: upper)
      related = PaneFrame(titled: lower)
      preview = none
    } else {
      mode = .tabs
      separator = empty
      let (tabs, content) = body.split(rows: 1)
      tabBar = tabs
      let untitled = Rect(row: tabs.row, column: 0, columns: 0, rows: 0)
      let frame = PaneFrame(title: untitled, content: content)
      details = frame
      if content.rows >= ReaderLayout.previewMinimumRows {
        let (list, below) = content.split(rows: content.rows * 45 / 100)
        (timeline, articles) = ReaderLayout.timelineAndList(
          PaneFrame(title: untitled, content: list), terminalRows: size.rows)
        related = PaneFrame(title: untitled, content: list)
        preview = PaneFrame(titled: below)
      } else {
        (articles, related) = (frame, frame)
        preview = none
        timeline = empty
      }
    }
  }

  /// The article list's first content row given to the timeline on a terminal of `terminalRows` rows.
  private static func timelineAndList(_ frame: PaneFrame, terminalRows: Int) -> (Rect, PaneFrame) {
    guard terminalRows >= timelineMinimumRows, frame.content.rows >= 4 else {
      return (Rect(columns: 0, rows: 0), frame)
    }
    let (row, list) = frame.content.split(rows: 1)
    return (row, PaneFrame(title: frame.title, content: list))
  }

  /// Bars the timeline row holds: its columns less a margin each side and the period's name.
  public var timelineBars: Int { max(0, timeline.columns - 2 - timelineLabelColumns - 1) }
  /// Columns of the period's name at the row's end (`by month`).
  public var timelineLabelColumns: Int { 8 }

  /// The frame of one pane.
  public func frame(of pane: Pane) -> PaneFrame {
    switch pane {
    case .articles: articles
    case .details: details
    case .related: related
    }
  }

  /// Whether `pane` is drawn at all in this layout.
  public func shows(_ pane: Pane) -> Bool {
    switch mode {
    case .wide: true
    case .tabs: pane == focus
    case .tooSmall: false
    }
  }

  /// Whether the details preview is drawn under the shown list (tabs mode, tall enough, a list tab shown).
  public var showsPreview: Bool {
    mode == .tabs && focus != .details && !preview.content.isEmpty
  }

  /// The rows each pane's content has: what `LayoutGeometry` gives the state for paging.
  public var paneHeights: PaneHeights {
    PaneHeights(
      articles: max(1, articles.content.rows), related: max(1, related.content.rows),
      details: max(1, details.content.rows), overlay: max(1, overlay.rows - 2), timelineBars: timelineBars)
  }

  /// The rows of the overlay's content inside its border.
  public var overlayContent: Rect { overlay.inset(top: 1, left: 2, bottom: 1, right: 2) }

  /// The tab labels' columns in tabs mode, in pane order.
  public var tabs: [(pane: Pane, label: String, columns: Range<Int>)] {
    guard mode == .tabs else { return [] }
    var column = tabBar.column + 1
    return Pane.allCases.map { pane in
      let label = " \(pane.title) "
      let start = column
      column += label.utf8.count + 1
      return (pane, label, start..<(start + label.utf8.count))
    }
  }

  /// The pane under a screen position and the content row hit, counted from the pane's first content row
  /// (-1 on its title row or its tab); nil outside every shown pane.
  public func pane(atRow row: Int, column: Int) -> (pane: Pane, row: Int)? {
    switch mode {
    case .tooSmall:
      return nil
    case .tabs:
      if tabBar.contains(row: row, column: column) {
        return tabs.first { $0.columns.contains(column) }.map { ($0.pane, -1) }
      }
      if showsPreview {
        if preview.title.contains(row: row, column: column) { return (.details, -1) }
        if preview.content.contains(row: row, column: column) { return (.details, row - preview.content.row) }
      }
      let content = frame(of: focus).content
      return content.contains(row: row, column: column) ? (focus, row - content.row) : nil
    case .wide:
      for pane in Pane.allCases {
        let frame = frame(of: pane)
        if frame.content.contains(row: row, column: column) { return (pane, row - frame.content.row) }
        if frame.title.contains(row: row, column: column) { return (pane, -1) }
      }
      return nil
    }
  }
}

/// A pane's title row and the rectangle of its content.
public struct PaneFrame: Sendable, Hashable {
  /// Empty in tabs mode, where the tab row names the pane.
  public var title: Rect
  public var content: Rect

  public init(title: Rect, content: Rect) {
    self.title = title
    self.content = content
  }

  /// A frame whose first row is the title.
  init(titled area: Rect) {
    let (title, content) = area.split(rows: 1)
    self.init(title: title, content: content)
  }
}

extension Pane {
  /// The pane's name on its title or tab.
  public var title: String {
    switch self {
    case .articles: "Articles"
    case .details: "Details"
    case .related: "Related"
    }
  }
}

/// What the panes hold, for a layout that gives space where the content is.
public struct PaneNeeds: Sendable, Hashable {
  /// Lines of the details text at the details pane's width.
  public var detailsLines: Int
  /// Rows of the related list.
  public var relatedItems: Int

  public init(detailsLines: Int, relatedItems: Int) {
    self.detailsLines = detailsLines
    self.relatedItems = relatedItems
  }
}
