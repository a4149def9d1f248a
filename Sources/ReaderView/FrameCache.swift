import NewsCore
import ReaderState
import ScreenKit

/// What a frame reuses from the frames drawn before it on the same screen: the details pane's wrapped
/// lines, the rows of the article and story lists as drawn, and which related items are loaded articles.
///
/// A frame draws the same cells with the cache as without it (`FrameCacheTests` holds it to that): every
/// entry is kept under all the inputs its drawing reads. What a whole frame shares (the catalog the
/// records come from, the theme, the marks, the time zone, the words highlighted) is compared once per
/// frame, and every entry goes when any of it changed; what is particular to an entry is its own key. So a
/// reload or a watched change (a new catalog), a new query, a resize (other columns) or another theme shows
/// at once. The run loop keeps one for its screen (`ReaderApp`); not thread-safe: one screen's frames only.
public final class FrameCache {
  /// The inputs of a frame that every entry shares.
  struct Shared: Equatable {
    var theme: Theme
    var glyphs: ReadingGlyphs
    var timeZone: DisplayTimeZone
    var highlightTerms: [String]
  }

  /// What a list row draws, besides what the frame shares. The article's title, date, provider label and
  /// related count are the catalog's (the provider labels depend on the catalog only).
  enum RowKey: Hashable {
    /// A story row: its summary's parts, its lead's headline being the catalog's.
    case story(
      lead: Int, dateRange: ClosedRange<Double>?, articles: Int, outlets: Int, languages: Int, unread: Int?,
      role: ThemeRole?, columns: Int)
    /// An article row of the list, its date written as `dateForm`, its provider in `providerColumns`.
    case article(
      index: Int, role: ThemeRole?, unread: Bool, starred: Bool, relatedOnly: Bool,
      dateForm: ListColumns.DateForm, providerColumns: Int, columns: Int)
    /// The row naming the day of the articles below it.
    case day(heading: String, columns: Int)
  }

  /// Rows kept at most: a few screens' worth, so paging back and forth reuses them.
  static let rowLimit = 512

  /// The catalog the entries were drawn from. Weak, so a replaced catalog is not kept alive by the
  /// cache, and a catalog allocated where a freed one was never passes for it.
  private weak var catalog: ArticleCatalog?
  private var shared: Shared?
  /// The last details texts wrapped without their date line, most recent first. The date is the only line
  /// the clock changes, and the layout measures the text with a fixed clock while the pane draws it with
  /// the real one: both date the same wrapped text.
  private var detailsTexts: [(source: DetailsText.Source, columns: Int, text: DetailsText)] = []
  private var rows: [RowKey: [Cell]] = [:]
  /// Per related row of the article `article`, the loaded article it links to.
  private var linkedArticles: (article: Int, rows: [Int?])?
  /// Entries reused so far, for tests that a frame does reuse what the one before kept.
  private(set) var reusedEntries = 0

  public init() {}

  /// Starts a frame over `catalog`: every entry goes unless the frame shares the previous one's inputs.
  func begin(catalog: ArticleCatalog, shared: Shared) {
    guard catalog !== self.catalog || shared != self.shared else { return }
    self.catalog = catalog
    self.shared = shared
    detailsTexts.removeAll()
    rows.removeAll()
    linkedArticles = nil
  }

  /// The lines of `source` at `columns`, wrapped again only when no recent frame wrapped the same.
  func detailsText(_ source: DetailsText.Source?, columns: Int) -> DetailsText {
    guard var undated = source else { return DetailsText(source: nil, columns: columns) }
    undated.dateLine = nil
    if let position = detailsTexts.firstIndex(where: { $0.columns == columns && $0.source == undated }) {
      reusedEntries += 1
      var entry = detailsTexts.remove(at: position)
      // The source just compared equal: keeping the newer copy lets the next comparison see shared storage.
      entry.source = undated
      detailsTexts.insert(entry, at: 0)
      return entry.text.dated(source?.dateLine)
    }
    let text = DetailsText(source: undated, columns: columns)
    detailsTexts.insert((undated, columns, text), at: 0)
    if detailsTexts.count > 2 { detailsTexts.removeLast() }
    return text.dated(source?.dateLine)
  }

  /// The cells of a row drawn before under `key`.
  func row(_ key: RowKey) -> [Cell]? {
    guard let cells = rows[key] else { return nil }
    reusedEntries += 1
    return cells
  }

  /// Keeps the cells a row was drawn as under `key`.
  func keep(row cells: [Cell], for key: RowKey) {
    if rows.count >= Self.rowLimit { rows.removeAll(keepingCapacity: true) }
    rows[key] = cells
  }

  /// The loaded article each related row of the article at `article` links to, looked up in `listing`
  /// once per selected article.
  func linkedArticles(of article: Int, in listing: Listing) -> [Int?] {
    if let known = linkedArticles, known.article == article {
      reusedEntries += 1
      return known.rows
    }
    let rows = listing.relatedItems.indices.map { listing.linkedArticle(forRelatedRow: $0) }
    linkedArticles = (article, rows)
    return rows
  }
}

extension Canvas {
  /// Pastes the cells drawn under `key` into `rect` (one row) when an earlier frame kept them.
  mutating func reuseRow(_ key: FrameCache.RowKey, in rect: Rect) -> Bool {
    guard let cells = cache?.row(key) else { return false }
    grid.paste(cells, row: rect.row, column: rect.column)
    return true
  }

  /// Keeps the cells just drawn in `rect` (one row, drawn over the frame's blank background) under `key`.
  func keepRow(_ key: FrameCache.RowKey, in rect: Rect) {
    cache?.keep(row: grid.cells(row: rect.row, column: rect.column, columns: rect.columns), for: key)
  }
}
