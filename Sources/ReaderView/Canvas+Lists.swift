import NewsCore
import ReaderState
import ScreenKit

extension Canvas {
  /// The article list: date (or, sorted by date, the time under a row naming the day), provider, title
  /// and "+N" when the article has related coverage; only the rows on screen are read.
  mutating func drawArticles() {
    drawTimeline()
    let rect = layout.articles.content
    guard !rect.isEmpty else { return }
    if state.listing.visible.isEmpty {
      drawEmpty(emptyListMessage, in: rect)
      return
    }
    if state.stories.isShown {
      drawStories(in: rect)
      return
    }
    let listing = state.listing
    let byDay = ArticleRows.groupsByDay(listing.sort)
    let viewport = listing.articleList
    let rows = ArticleRows(listing: listing, height: rect.rows, timeZone: timeZone).rows
    let focused = focusedPane
    let providers = rows.compactMap { row -> String? in
      guard case .article(let index) = row else { return nil }
      return listing.providerLabel(listing.visibleArticle(at: index).provider)
    }
    let columns = ListColumns(
      width: rect.columns - 2,
      dates: byDay ? .time : ListColumns.dateForm(spanning: listedYears(), in: timeZone),
      providers: providers, timeZone: timeZone)
    for (screenRow, entry) in rows.enumerated() {
      let rowRect = rect.row(screenRow)
      guard case .article(let row) = entry else {
        if case .day(let heading) = entry {
          let key = FrameCache.RowKey.day(heading: heading, columns: rowRect.columns)
          if reuseRow(key, in: rowRect) { continue }
          drawDayHeading(heading, in: rowRect)
          keepRow(key, in: rowRect)
        }
        continue
      }
      let rowRole = Self.selectionRole(
        isSelected: row == viewport.selection, pane: .articles, focused: focused)
      let index = state.listing.visible[row]
      let isStarred = state.reading.isStarred(index)
      let isUnread = !state.reading.isRead(index)
      let relatedOnly = state.listing.isRelatedOnly(row: row)
      // Everything the row draws, besides what the whole frame shares (see `FrameCache`).
      let key = FrameCache.RowKey.article(
        index: index, role: rowRole, unread: isUnread, starred: isStarred, relatedOnly: relatedOnly,
        dateForm: columns.form, providerColumns: columns.provider, columns: rowRect.columns)
      if reuseRow(key, in: rowRect) { continue }
      let article = listing.visibleArticle(at: row)
      let related = article.related.count
      let title = article.title ?? "(untitled)"
      // "↳" before the title (`relatedOnly`): this article is listed for what its related coverage says.
      drawRow(
        in: rowRect, columns: columns, rowRole: rowRole, date: article.publishedDateTime,
        provider: listing.providerLabel(article.provider),
        title: isStarred ? glyphs.starred + " " + title : title,
        mark: related > 0 ? "+\(min(related, 99))" : "", unread: isUnread, relatedOnly: relatedOnly)
      keepRow(key, in: rowRect)
    }
  }

  /// The related-coverage list: provider, date, title, and "→" when the item is also a loaded article.
  mutating func drawRelated() {
    let rect = layout.related.content
    guard !rect.isEmpty else { return }
    let items = state.listing.relatedItems
    if items.isEmpty {
      let none = state.loading.listsListingOnly ? "Reading related coverage…" : "No related coverage"
      drawEmpty([state.listing.selectedArticle == nil ? "" : none], in: rect)
      return
    }
    let years = items.compactMap { $0.publishedDateTime?.secondsSince1970 }
    let columns = ListColumns(
      width: rect.columns - 2,
      dates: ListColumns.dateForm(
        spanning: years.min().flatMap { low in years.max().map { (low, $0) } }, in: timeZone),
      providers: items.map { state.listing.providerLabel($0.provider) }, timeZone: timeZone)
    let viewport = state.listing.relatedList
    let focused = focusedPane
    // Looked up once per selected article when a cache keeps them, else for the rows on screen only.
    let linked = state.listing.selectedArticleIndex.flatMap { article in
      cache?.linkedArticles(of: article, in: state.listing)
    }
    for (screenRow, row) in viewport.visibleRows(height: rect.rows).enumerated() where row < items.count {
      let item = items[row]
      let rowRole = Self.selectionRole(
        isSelected: row == viewport.selection, pane: .related, focused: focused)
      let target: Int? =
        if let linked { row < linked.count ? linked[row] : nil } else {
          state.listing.linkedArticle(forRelatedRow: row)
        }
      drawRow(
        in: rect.row(screenRow), columns: columns, rowRole: rowRole, date: item.publishedDateTime,
        provider: state.listing.providerLabel(item.provider), title: item.title ?? "(untitled)",
        mark: target != nil ? "→" : "")
    }
  }

  /// "── Tuesday 11 March 2021 ──────": the day of the articles below.
  private mutating func drawDayHeading(_ heading: String, in rect: Rect) {
    grid.put(
      String(repeating: "─", count: max(0, rect.columns - 2)), row: rect.row, column: rect.column + 1,
      style: style(.border))
    grid.put(
      " \(heading) ", row: rect.row, column: rect.column + 2, maxColumns: rect.columns - 4,
      style: style(.paneTitle))
  }

  /// The earliest and latest instants among the listed articles, when the list's dates show a year only
  /// where they need one. Sorted by date the ends are enough; otherwise every listed article is looked at.
  private func listedYears() -> (Double, Double)? {
    let listing = state.listing
    var low = Double.infinity
    var high = -Double.infinity
    for row in listing.visible.indices {
      guard let seconds = listing.visibleArticle(at: row).publishedDateTime?.secondsSince1970 else {
        continue
      }
      low = min(low, seconds)
      high = max(high, seconds)
    }
    return low <= high ? (low, high) : nil
  }

  /// The pane the selection shows as focused in: none while an overlay is open.
  var focusedPane: Pane? { state.overlays.current == nil ? state.listing.focus : nil }

  /// The style role of a list row: the selected row is `selected` in the `focused` pane, `selectedUnfocused`
  /// elsewhere; other rows are nil (their parts keep their own roles). Static, so that a call per row does
  /// not copy the canvas.
  private static func selectionRole(isSelected: Bool, pane: Pane, focused: Pane?) -> ThemeRole? {
    guard isSelected else { return nil }
    return focused == pane ? .selected : .selectedUnfocused
  }

  private mutating func drawRow(
    in rect: Rect, columns: ListColumns, rowRole: ThemeRole?, date: NewsDate?, provider: String,
    title: String,
    mark: String, unread: Bool = false, relatedOnly: Bool = false
  ) {
    if let rowRole { grid.fill(rect, style: style(rowRole)) }
    // The theme, not `style(_:)`: calling the canvas's own method from a nested function (or as
    // `rowRole.map(style)`) copies the whole canvas, state and grid included, per call.
    let theme = theme
    func partStyle(_ role: ThemeRole) -> Style { theme.style(rowRole ?? role) }
    // Unread: a marker in the row's first column and a bold title, so it shows without colour.
    if unread { grid.put(glyphs.unread, row: rect.row, column: rect.column, style: partStyle(.accent)) }
    var column = rect.column + 1
    let dateText = date.map { columns.dateText($0) } ?? ""
    grid.put(dateText, row: rect.row, column: column, maxColumns: columns.date, style: partStyle(.dim))
    column += columns.date + 1
    if columns.provider > 0 {
      grid.put(provider, row: rect.row, column: column, maxColumns: columns.provider, style: partStyle(.dim))
      column += columns.provider + 1
    }
    let titleEnd = rect.endColumn - 1 - columns.mark
    var titleStyle = partStyle(.normal)
    if unread { titleStyle.attributes.insert(.bold) }
    if relatedOnly, titleEnd - column > 4 {
      column += grid.put(glyphs.relatedOnly + " ", row: rect.row, column: column, style: partStyle(.accent))
    }
    putHighlighted(title, row: rect.row, column: column, maxColumns: titleEnd - column, style: titleStyle)
    if !mark.isEmpty {
      let markColumns = DisplayWidth.columns(of: mark)
      grid.put(mark, row: rect.row, column: rect.endColumn - 1 - markColumns, style: partStyle(.accent))
    }
  }

  /// What the article list says when nothing is listed, with the keys (as the key map names them) that
  /// get articles back; a way whose action has no key is left out.
  private var emptyListMessage: [String] {
    func way(_ action: Action, _ context: KeyContext, _ text: String) -> String? {
      keyMap.keyName(for: action, in: context).map { "\($0) \(text)" }
    }
    if state.listing.catalog.articles.isEmpty {
      if state.loading.isLoading { return ["Loading records…", ReaderRenderer.loadingText(state)] }
      let problems = state.loading.diagnosticCount
      let next =
        problems > 0
        ? way(.showDiagnostics, .normal, "shows \(problems) load problem\(problems == 1 ? "" : "s")")
        : way(.reload, .normal, "reloads")
      return ["No articles loaded"] + (next.map { [$0] } ?? [])
    }
    var ways: [String?] = []
    switch state.search.mode {
    case .editing: ways.append(way(.cancelSearch, .searchEditing, "cancels the edit"))  // T would be typed
    case .applied: ways.append(way(.clearSearch, .normal, "clears the query"))
    case .off: break
    }
    if !state.listing.activeTopics.isEmpty && state.search.mode != .editing {
      ways.insert(way(.clearTopics, .normal, "clears the topic terms"), at: 0)
    }
    let named = ways.compactMap { $0 }
    return ["No article matches" + (named.isEmpty ? "" : " — " + named.joined(separator: ", "))]
  }
}

/// The columns of a list row, decided by the pane's width and what its dates need: narrow panes drop the
/// provider, and the year is shown only when the dates listed span more than one year.
struct ListColumns {
  /// How a row's date is written.
  enum DateForm {
    /// `2021-03-11`
    case full
    /// `03-11`: every date listed is in one year.
    case monthDay
    /// `17:13`: the day is named by the row above (sorted by date).
    case time
  }

  let date: Int
  /// As wide as the widest provider shown needs, up to a cap set by the pane's width; the title gets the
  /// rest.
  let provider: Int
  /// "+29" or "→" and a column before it, so a badge never touches the title's ellipsis.
  let mark = 4
  let form: DateForm
  let timeZone: DisplayTimeZone

  init(width: Int, dates: DateForm, providers: [String], timeZone: DisplayTimeZone) {
    form = dates
    self.timeZone = timeZone
    date = dates == .full ? 10 : 5
    let cap = width >= 70 ? 20 : width >= 44 ? 16 : 0
    provider = min(cap, providers.map { DisplayWidth.columns(of: $0) }.max() ?? 0)
  }

  /// The year is left out when `span` (earliest, latest) lies in one year of `timeZone`.
  static func dateForm(spanning span: (Double, Double)?, in zone: DisplayTimeZone) -> DateForm {
    guard let span else { return .monthDay }
    return DateText.civil(span.0, in: zone).year == DateText.civil(span.1, in: zone).year ? .monthDay : .full
  }

  func dateText(_ date: NewsDate) -> String {
    guard let seconds = date.secondsSince1970 else { return date.text }
    switch form {
    case .full: return DateText.day(seconds, in: timeZone)
    case .monthDay: return DateText.shortDay(seconds, in: timeZone)
    case .time:
      let time = DateText.civil(seconds, in: timeZone)
      return (time.hour < 10 ? "0" : "") + "\(time.hour):" + (time.minute < 10 ? "0" : "") + "\(time.minute)"
    }
  }
}

/// The marks drawn for reading state: Unicode where the user's locale is UTF-8, ASCII where it is not (the
/// terminal may not show `•` and `★` then).
public struct ReadingGlyphs: Sendable, Equatable {
  public var unread: String
  public var starred: String
  /// Before the title of an article listed only for what its related coverage matched.
  public var relatedOnly: String

  public static let unicode = ReadingGlyphs(unread: "•", starred: "★", relatedOnly: "↳")
  public static let ascii = ReadingGlyphs(unread: "*", starred: "+", relatedOnly: ">")

  /// The glyphs for the locale the environment names (LC_ALL, then LC_CTYPE, then LANG, as POSIX
  /// looks them up): ASCII unless its codeset is UTF-8.
  public static func forLocale(environment: [String: String]) -> ReadingGlyphs {
    let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
    let codeset = String(name.lowercased().filter { $0 != "-" })
    return codeset.contains("utf8") ? .unicode : .ascii
  }
}
