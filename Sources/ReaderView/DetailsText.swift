import NewsCore
import ReaderState
import ScreenKit

/// The details pane's text for the current item, already word-wrapped to the pane's columns: the same
/// lines are drawn and counted (`LayoutGeometry.detailsLineCount`), so scrolling stops at the last one.
struct DetailsText {
  /// One wrapped line and the role it is drawn in.
  struct Line {
    var text: String
    var role: ThemeRole
  }

  private(set) var lines: [Line] = []
  private let columns: Int

  /// The columns text wraps to inside a details pane of `content` (one column of margin each side).
  static func textColumns(in content: Rect) -> Int { max(1, content.columns - 2) }

  init(state: ReaderModel, columns: Int, now: Double, keyMap: KeyMap) {
    self.columns = columns
    guard let item = state.listing.detailsItem else { return }
    let showsRelated = state.listing.detailsShowsRelated && state.listing.selectedRelated != nil
    let article = showsRelated ? nil : state.listing.selectedArticle

    add(item.title ?? "(untitled)", .accent)
    let provider = [item.provider?.name, item.provider?.domain].compactMap { $0 }.filter { !$0.isEmpty }
    if !provider.isEmpty { add(provider.joined(separator: " · "), .dim) }
    if let date = item.publishedDateTime {
      if let seconds = date.secondsSince1970 {
        add(DateText.absolute(seconds) + " (" + DateText.relative(seconds, now: now) + ")", .normal)
      } else {
        add(date.text, .normal)
      }
    }
    let kind = [item.category.map { "Category: " + $0 }, item.type.map { "Type: " + $0 }].compactMap { $0 }
    if !kind.isEmpty { add(kind.joined(separator: " · "), .dim) }
    if !item.topics.isEmpty { add("Topics: " + item.topics.joined(separator: ", "), .topic) }
    let scores = [item.quality.map { "Quality: \($0)" }, item.heat.map { "Heat: \($0)" }].compactMap { $0 }
    if !scores.isEmpty { add(scores.joined(separator: " · "), .dim) }
    if let index = state.listing.selectedArticleIndex, article != nil,
      state.listing.relatedOnly.contains(index)
    {
      add("Matched in related coverage only: the query's words are in its related items", .accent)
    }
    if showsRelated, let row = state.listing.relatedList.selectedIndex,
      state.listing.linkedArticle(forRelatedRow: row) != nil
    {
      let key = keyMap.keyName(for: .activate, in: .focused(.related))
      add("Also a loaded article" + (key.map { ": \($0) goes there" } ?? ""), .accent)
    }
    if let excerpt = item.excerpt, !excerpt.isEmpty {
      blank()
      add(excerpt, .normal)
    }

    let links: [(String, String?)] = [
      ("Original", item.originalUrl), ("Web", item.webUrl), ("AMP", item.ampWebUrl),
      ("CDN AMP", item.cdnAmpWebUrl),
    ]
    let presentLinks = links.filter { $0.1?.isEmpty == false }
    if !presentLinks.isEmpty { blank() }
    for (label, url) in presentLinks { add("\(label): \(url!)", .normal) }
    let images = item.images + (item.provider?.images ?? [])
    for image in images {
      let size = image.width.flatMap { width in image.height.map { "\(width)×\($0)" } } ?? "size unknown"
      add("Image (\(size)): \(image.url ?? "no URL")", .dim)
    }
    if let article {
      if let secured = article.secured {
        add(
          "Secured content: present, \(DateText.grouped(secured.byteCount)) bytes (encrypted, not shown)",
          .dim)
      } else {
        add("Secured content: none", .dim)
      }
    }
    if !item.extraFields.isEmpty {
      blank()
      for field in item.extraFields { add("\(field.key): \(field.value)", .dim) }
    }
    if let body = article?.body, !body.isEmpty {
      blank()
      add(body, .normal)
    }
  }

  private mutating func add(_ text: String, _ role: ThemeRole) {
    for line in TextLayout.wrap(text, columns: columns) { lines.append(Line(text: line, role: role)) }
  }

  private mutating func blank() { lines.append(Line(text: "", role: .normal)) }
}

extension Canvas {
  /// The details of `state.listing.detailsItem`, scrolled by `state.listing.details`, with a scroll position when the
  /// text is longer than the pane.
  mutating func drawDetails(in rect: Rect) {
    guard !rect.isEmpty else { return }
    // The preview under the list in tabs mode wraps to the same columns as the details tab.
    let text = DetailsText(
      state: state, columns: DetailsText.textColumns(in: layout.details.content), now: now, keyMap: keyMap)
    guard !text.lines.isEmpty else {
      drawEmpty([state.listing.catalog.articles.isEmpty ? "" : "Nothing selected"], in: rect)
      return
    }
    let offset = state.listing.details.offset(lines: text.lines.count, height: rect.rows)
    for screenRow in 0..<rect.rows {
      let index = offset + screenRow
      guard index < text.lines.count else { break }
      let line = text.lines[index]
      putHighlighted(
        line.text, row: rect.row + screenRow, column: rect.column + 1, maxColumns: rect.columns - 2,
        style: style(line.role))
    }
    if text.lines.count > rect.rows {
      let more = offset + rect.rows < text.lines.count ? "↓" : "↑"
      grid.put(more, row: rect.endRow - 1, column: rect.endColumn - 1, style: style(.dim))
    }
  }
}
