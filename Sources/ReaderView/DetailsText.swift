import NewsCore
import ReaderState
import ScreenKit

/// The details pane's text for the current item, already word-wrapped to the pane's columns: the same
/// lines are drawn and counted (`LayoutGeometry.detailsLineCount`), so scrolling stops at the last one.
struct DetailsText {
  /// One wrapped line and the role it is drawn in.
  struct Line: Equatable {
    var text: String
    var role: ThemeRole
    /// The exact URL this line shows (part of), for a hyperlink.
    var link: String? = nil
  }

  /// Everything the text is made of, read off the state: two equal sources make the same lines at the same
  /// columns, which is what lets a `FrameCache` keep the wrapped lines from one frame to the next.
  struct Source: Equatable {
    var item: NewsItem
    /// The article's own parts; nil when the details show a related item.
    var secured: SecuredContent?
    var body: String?
    /// The date as shown, its relative part ("2 days ago") included, so the clock is part of the source.
    var dateLine: String?
    /// The article is listed only for what its related coverage matched.
    var matchedInRelatedOnly: Bool
    /// The note that the related item shown is also a loaded article, with the key that goes there.
    var loadedArticleNote: String?
    /// The reading view's form: each http(s) link numbered as a digit copies it.
    var numberedLinks: Bool
    /// The article is listed from the listing beside the index: its excerpt, topics and the rest are still
    /// being read.
    var detailsPending: Bool

    /// The source of what the details show for `state`; nil when nothing is selected.
    init?(
      state: ReaderModel, now: Double, keyMap: KeyMap, timeZone: DisplayTimeZone, numberedLinks: Bool
    ) {
      guard let item = state.listing.detailsItem else { return nil }
      self.item = item
      self.numberedLinks = numberedLinks
      detailsPending = state.loading.listsListingOnly
      let showsRelated = state.listing.detailsShowsRelated && state.listing.selectedRelated != nil
      let article = showsRelated ? nil : state.listing.selectedArticle
      secured = article?.secured
      body = article?.body
      if let date = item.publishedDateTime {
        if let seconds = date.secondsSince1970 {
          dateLine =
            DateText.absolute(seconds, in: timeZone) + " (" + DateText.relative(seconds, now: now) + ")"
        } else {
          dateLine = date.text
        }
      }
      if let index = state.listing.selectedArticleIndex, article != nil {
        matchedInRelatedOnly = state.listing.relatedOnly.contains(index)
      } else {
        matchedInRelatedOnly = false
      }
      if showsRelated, let row = state.listing.relatedList.selectedIndex,
        state.listing.linkedArticle(forRelatedRow: row) != nil
      {
        let key = keyMap.keyName(for: .activate, in: .focused(.related))
        loadedArticleNote = "Also a loaded article" + (key.map { ": \($0) goes there" } ?? "")
      }
    }
  }

  private(set) var lines: [Line] = []
  private let columns: Int
  /// Where the date line is (or would be, for a source without one).
  private var datePosition = 0

  /// The columns text wraps to inside a details pane of `content` (one column of margin each side).
  static func textColumns(in content: Rect) -> Int { max(1, content.columns - 2) }

  /// - Parameter numberedLinks: the reading view's form: each http(s) link numbered as a digit copies it.
  init(
    state: ReaderModel, columns: Int, now: Double, keyMap: KeyMap, timeZone: DisplayTimeZone,
    numberedLinks: Bool = false
  ) {
    self.init(
      source: Source(
        state: state, now: now, keyMap: keyMap, timeZone: timeZone, numberedLinks: numberedLinks),
      columns: columns)
  }

  /// The lines of `source` wrapped to `columns`; none when there is no source.
  init(source: Source?, columns: Int) {
    self.columns = columns
    guard let source else { return }
    let item = source.item
    let numbered = source.numberedLinks ? ReadingView.links(of: item) : []
    func number(_ label: String, _ url: String) -> String {
      guard let index = numbered.firstIndex(where: { $0.label == label && $0.url == url }) else { return "" }
      return "[\(index + 1)] "
    }

    add(item.title ?? "(untitled)", .accent)
    let provider = [item.provider?.name, item.provider?.domain].compactMap { $0 }.filter { !$0.isEmpty }
    if !provider.isEmpty { add(provider.joined(separator: " · "), .dim) }
    datePosition = lines.count
    if let dateLine = source.dateLine { add(dateLine, .normal) }
    let kind = [item.category.map { "Category: " + $0 }, item.type.map { "Type: " + $0 }].compactMap { $0 }
    if !kind.isEmpty { add(kind.joined(separator: " · "), .dim) }
    if !item.topics.isEmpty { add("Topics: " + item.topics.joined(separator: ", "), .topic) }
    let scores = [item.quality.map { "Quality: \($0)" }, item.heat.map { "Heat: \($0)" }].compactMap { $0 }
    if !scores.isEmpty { add(scores.joined(separator: " · "), .dim) }
    if source.matchedInRelatedOnly {
      add("Matched in related coverage only: the query's words are in its related items", .accent)
    }
    if let note = source.loadedArticleNote { add(note, .accent) }
    if source.detailsPending {
      blank()
      add("Reading the rest of the record…", .dim)
    }
    if let excerpt = item.excerpt, !excerpt.isEmpty {
      blank()
      add(excerpt, .normal)
    }

    // A record listed from the listing holds only the link it would open, not which of its links that is.
    let links: [(String, String?)] =
      source.detailsPending
      ? [("Link", item.originalUrl)]
      : [
        ("Original", item.originalUrl), ("Web", item.webUrl), ("AMP", item.ampWebUrl),
        ("CDN AMP", item.cdnAmpWebUrl),
      ]
    let presentLinks = links.filter { $0.1?.isEmpty == false }
    if !presentLinks.isEmpty { blank() }
    // A URL gets lines of its own, decoded for reading, so the terminal's URL detection can follow it; one
    // wider than the pane is cut only at the pane's edge, never at a hyphen or slash mid-flow.
    for (label, url) in presentLinks {
      add(number(label, url!) + "\(label):", .dim)
      addURL(ReadableURL.decoded(url!), exact: url!)
    }
    let images = item.images + (item.provider?.images ?? [])
    for image in images {
      let size = image.width.flatMap { width in image.height.map { "\(width)×\($0)" } } ?? "size unknown"
      if let url = image.url {
        add(number("Image", url) + "Image (\(size)):", .dim)
        addURL(ReadableURL.decoded(url), exact: url)
      } else {
        add("Image (\(size)): no URL", .dim)
      }
    }
    // Said only when there is some: a "none" on every record is noise.
    if let secured = source.secured {
      add(
        "Secured content: present, \(DateText.grouped(secured.byteCount)) bytes (encrypted, not shown)", .dim)
    }
    if !item.extraFields.isEmpty {
      blank()
      for field in item.extraFields { add("\(field.key): \(field.value)", .dim) }
    }
    if let body = source.body, !body.isEmpty {
      blank()
      add(body, .normal)
    }
  }

  /// The text of a source without a date line, given `dateLine`: the lines of the same source with it,
  /// since each part of the text is wrapped on its own.
  func dated(_ dateLine: String?) -> DetailsText {
    guard let dateLine else { return self }
    var dated = self
    dated.lines.insert(
      contentsOf: TextLayout.wrap(dateLine, columns: columns).map { Line(text: $0, role: .normal) },
      at: datePosition)
    return dated
  }

  private mutating func add(_ text: String, _ role: ThemeRole) {
    for line in TextLayout.wrap(text, columns: columns) { lines.append(Line(text: line, role: role)) }
  }

  /// A URL on lines of its own, cut only where the pane ends.
  private mutating func addURL(_ url: String, exact: String) {
    let link = URLPolicy.isOpenable(exact) ? exact : nil
    var line = ""
    var used = 0
    DisplayWidth.forEachCluster(in: url) { cluster, width in
      if used + width > columns, used > 0 {
        lines.append(Line(text: line, role: .normal, link: link))
        line = ""
        used = 0
      }
      line += cluster
      used += width
      return true
    }
    if !line.isEmpty { lines.append(Line(text: line, role: .normal, link: link)) }
  }

  private mutating func blank() { lines.append(Line(text: "", role: .normal)) }
}

extension Canvas {
  /// The details of `state.listing.detailsItem`, scrolled by `state.listing.details`, with a scroll position when the
  /// text is longer than the pane.
  mutating func drawDetails(in rect: Rect) {
    guard !rect.isEmpty else { return }
    // The preview under the list in tabs mode wraps to the same columns as the details tab.
    let source = DetailsText.Source(
      state: state, now: now, keyMap: keyMap, timeZone: timeZone, numberedLinks: false)
    let columns = DetailsText.textColumns(in: layout.details.content)
    let text = cache?.detailsText(source, columns: columns) ?? DetailsText(source: source, columns: columns)
    guard !text.lines.isEmpty else {
      drawEmpty([state.listing.catalog.articles.isEmpty ? "" : "Nothing selected"], in: rect)
      return
    }
    let offset = state.listing.details.offset(lines: text.lines.count, height: rect.rows)
    for screenRow in 0..<rect.rows {
      let index = offset + screenRow
      guard index < text.lines.count else { break }
      let line = text.lines[index]
      let used = putHighlighted(
        line.text, row: rect.row + screenRow, column: rect.column + 1, maxColumns: rect.columns - 2,
        style: style(line.role))
      if let url = line.link, used > 0 {
        grid.hyperlinks.append(
          Hyperlink(row: rect.row + screenRow, column: rect.column + 1, columns: used, url: url))
      }
    }
    if text.lines.count > rect.rows {
      let more = offset + rect.rows < text.lines.count ? "↓" : "↑"
      grid.put(more, row: rect.endRow - 1, column: rect.endColumn - 1, style: style(.dim))
    }
  }
}
