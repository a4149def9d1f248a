import NewsCore
import ReaderState
import ScreenKit

extension Canvas {
  /// The article list: date, provider, title and "+N" when the article has related coverage; only the rows
  /// on screen are read.
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
    let columns = ListColumns(width: rect.columns - 2)
    let viewport = state.listing.articleList
    for (screenRow, row) in viewport.visibleRows(height: rect.rows).enumerated() {
      let article = state.listing.visibleArticle(at: row)
      let rowRole = selectionRole(isSelected: row == viewport.selection, pane: .articles)
      let related = article.related.count
      drawRow(
        in: rect.row(screenRow), columns: columns, rowRole: rowRole, date: article.publishedDateTime,
        provider: providerName(article.provider), title: article.title ?? "(untitled)",
        mark: related > 0 ? "+\(min(related, 99))" : "")
    }
  }

  /// The related-coverage list: provider, date, title, and "→" when the item is also a loaded article.
  mutating func drawRelated() {
    let rect = layout.related.content
    guard !rect.isEmpty else { return }
    let items = state.listing.relatedItems
    if items.isEmpty {
      drawEmpty([state.listing.selectedArticle == nil ? "" : "No related coverage"], in: rect)
      return
    }
    let columns = ListColumns(width: rect.columns - 2)
    let viewport = state.listing.relatedList
    for (screenRow, row) in viewport.visibleRows(height: rect.rows).enumerated() where row < items.count {
      let item = items[row]
      let rowRole = selectionRole(isSelected: row == viewport.selection, pane: .related)
      drawRow(
        in: rect.row(screenRow), columns: columns, rowRole: rowRole, date: item.publishedDateTime,
        provider: providerName(item.provider), title: item.title ?? "(untitled)",
        mark: state.listing.linkedArticle(forRelatedRow: row) != nil ? "→" : "")
    }
  }

  /// The style role of a list row: the selected row is `selected` in the focused pane (and with no overlay
  /// open), `selectedUnfocused` elsewhere; other rows are nil (their parts keep their own roles).
  private func selectionRole(isSelected: Bool, pane: Pane) -> ThemeRole? {
    guard isSelected else { return nil }
    return state.listing.focus == pane && state.overlays.current == nil ? .selected : .selectedUnfocused
  }

  private mutating func drawRow(
    in rect: Rect, columns: ListColumns, rowRole: ThemeRole?, date: NewsDate?, provider: String,
    title: String,
    mark: String
  ) {
    if let rowRole { grid.fill(rect, style: style(rowRole)) }
    func partStyle(_ role: ThemeRole) -> Style { rowRole.map(style) ?? style(role) }
    var column = rect.column + 1
    let dateText = date.map { columns.dateText($0) } ?? ""
    grid.put(dateText, row: rect.row, column: column, maxColumns: columns.date, style: partStyle(.dim))
    column += columns.date + 1
    if columns.provider > 0 {
      grid.put(provider, row: rect.row, column: column, maxColumns: columns.provider, style: partStyle(.dim))
      column += columns.provider + 1
    }
    let titleEnd = rect.endColumn - 1 - columns.mark
    grid.put(title, row: rect.row, column: column, maxColumns: titleEnd - column, style: partStyle(.normal))
    if !mark.isEmpty {
      let markColumns = DisplayWidth.columns(of: mark)
      grid.put(mark, row: rect.row, column: rect.endColumn - 1 - markColumns, style: partStyle(.accent))
    }
  }

  private func providerName(_ provider: Provider?) -> String {
    provider?.name ?? provider?.domain ?? ""
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
    case .editing: ways.append(way(.cancelSearch, .searchEditing, "cancels the search"))  // T would be typed
    case .applied: ways.append(way(.clearSearch, .normal, "clears the search"))
    case .off: break
    }
    if !state.listing.activeTopics.isEmpty && state.search.mode != .editing {
      ways.insert(way(.clearTopics, .normal, "clears topics"), at: 0)
    }
    let named = ways.compactMap { $0 }
    return ["No article matches" + (named.isEmpty ? "" : " — " + named.joined(separator: ", "))]
  }
}

/// The columns of a list row, decided by the pane's width: narrow panes drop the provider and the year.
struct ListColumns {
  let date: Int
  let provider: Int
  let mark = 3

  init(width: Int) {
    date = width >= 60 ? 10 : 5
    provider = width >= 70 ? 16 : width >= 50 ? 12 : 0
  }

  func dateText(_ date: NewsDate) -> String {
    guard let seconds = date.secondsSince1970 else { return date.text }
    return self.date >= 10 ? DateText.day(seconds) : DateText.shortDay(seconds)
  }
}
