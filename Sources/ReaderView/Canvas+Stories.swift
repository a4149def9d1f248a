import NewsCore
import ReaderState
import ScreenKit

extension Canvas {
  /// The stories view in the article pane: per story its date range, lead headline, and how many articles,
  /// outlets and languages it has; only the rows on screen are summarized.
  mutating func drawStories(in rect: Rect) {
    let stories = state.stories
    let columns = StoryColumns(width: rect.columns - 2, timeZone: timeZone)
    let viewport = stories.list
    for (screenRow, row) in viewport.visibleRows(height: rect.rows).enumerated() {
      guard let story = stories.story(atRow: row), let summary = stories.summary(of: story) else { continue }
      let rowRole: ThemeRole? =
        row == viewport.selection
        ? (state.listing.focus == .articles && state.overlays.current == nil ? .selected : .selectedUnfocused)
        : nil
      let unread = summary.members.reduce(0) { $0 + (state.reading.isRead($1) ? 0 : 1) }
      let rowRect = rect.row(screenRow)
      // Everything the row draws, besides what the whole frame shares (see `FrameCache`).
      let key = FrameCache.RowKey.story(
        lead: summary.lead, dateRange: summary.dateRange, articles: summary.members.count,
        outlets: summary.outletCount, languages: summary.languageCount, unread: unread, role: rowRole,
        columns: rowRect.columns)
      if reuseRow(key, in: rowRect) { continue }
      drawStoryRow(in: rowRect, columns: columns, rowRole: rowRole, summary: summary, unread: unread)
      keepRow(key, in: rowRect)
    }
  }

  private mutating func drawStoryRow(
    in rect: Rect, columns: StoryColumns, rowRole: ThemeRole?, summary: StorySummary, unread: Int?
  ) {
    if let rowRole { grid.fill(rect, style: style(rowRole)) }
    // The theme, not `style(_:)`: see `drawRow`.
    let theme = theme
    func partStyle(_ role: ThemeRole) -> Style { theme.style(rowRole ?? role) }
    // A story with unread articles reads like an unread article row: the marker and a bold headline.
    let hasUnread = (unread ?? 0) > 0
    if hasUnread { grid.put(glyphs.unread, row: rect.row, column: rect.column, style: partStyle(.accent)) }
    var column = rect.column + 1
    grid.put(
      columns.dateText(summary.dateRange), row: rect.row, column: column, maxColumns: columns.date,
      style: partStyle(.dim))
    column += columns.date + 1
    let counts = columns.countsText(summary, unread: unread)
    let countColumns = DisplayWidth.columns(of: counts)
    let titleEnd = rect.endColumn - 1 - (countColumns > 0 ? countColumns + 1 : 0)
    let lead = state.listing.catalog.articles[summary.lead].item
    var titleStyle = partStyle(.normal)
    if hasUnread { titleStyle.attributes.insert(.bold) }
    putHighlighted(
      lead.title ?? lead.excerpt ?? "(untitled)", row: rect.row, column: column,
      maxColumns: max(0, titleEnd - column), style: titleStyle)
    if countColumns > 0 {
      grid.put(counts, row: rect.row, column: rect.endColumn - 1 - countColumns, style: partStyle(.accent))
    }
  }
}

/// The columns of a story row, decided by the pane's width: the date range shrinks to the latest day,
/// the counts to the number of articles.
struct StoryColumns {
  let width: Int
  /// Where the dates are shown in.
  let timeZone: DisplayTimeZone

  /// Columns of the date: a range `2023-02-06–2023-02-11` when wide, else the latest day.
  var date: Int { width >= 90 ? 21 : width >= 60 ? 10 : 5 }

  func dateText(_ range: ClosedRange<Double>?) -> String {
    guard let range else { return "" }
    if date == 5 { return DateText.shortDay(range.upperBound, in: timeZone) }
    let last = DateText.day(range.upperBound, in: timeZone)
    guard date == 21 else { return last }
    let first = DateText.day(range.lowerBound, in: timeZone)
    return first == last ? last : first + "–" + last
  }

  /// `3 articles · 2 outlets · 2 languages`, shorter as the pane narrows (languages only when some are
  /// known); the unread count first when known.
  func countsText(_ summary: StorySummary, unread: Int?) -> String {
    func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }
    let articles = summary.members.count
    var parts: [String] = []
    if width >= 90 {
      if let unread { parts.append("\(unread) unread") }
      parts += [count(articles, "article"), count(summary.outletCount, "outlet")]
      // No language known (most outlets do not say) is not "0 languages".
      if summary.languageCount > 0 { parts.append(count(summary.languageCount, "language")) }
    } else if width >= 50 {
      if let unread { parts.append("\(unread) unread") }
      parts += ["\(articles) art", "\(summary.outletCount) out"]
      if summary.languageCount > 0 { parts.append("\(summary.languageCount) lang") }
    } else {
      parts.append(unread.map { "\($0)/\(articles)" } ?? "\(articles)")
    }
    return parts.joined(separator: " · ")
  }
}
