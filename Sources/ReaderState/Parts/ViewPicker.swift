import NewsCore

/// A saved view as the reader knows it: a name and a query text (the config file's `views:`), read once.
public struct NamedQuery: Sendable, Equatable {
  public var name: String
  /// The query as written; applying the view puts exactly this text in the query.
  public var text: String
  /// The query read from `text`, nil when it cannot be read (the view then says so instead of applying).
  public let query: Query?

  public init(name: String, text: String) {
    self.name = name
    self.text = text
    query = try? Query(text)
  }

  /// Whether the listing's query is this view's (the same terms, however spaced).
  public func isActive(in listing: Listing) -> Bool {
    guard let query, listing.queryError == nil else { return false }
    return query.expression == listing.query.expression
  }
}

/// One row of the view picker: a view, its unread and total counts over the catalog, whether it is listed.
public struct ViewRow: Sendable, Hashable {
  public var name: String
  public var query: String
  public var unread: Int
  public var total: Int
  public var isActive: Bool

  public init(name: String, query: String, unread: Int, total: Int, isActive: Bool) {
    self.name = name
    self.query = query
    self.unread = unread
    self.total = total
    self.isActive = isActive
  }
}

/// The saved views' live counts while the view picker is open: each view's query evaluated over the whole
/// catalog (not over what is listed: a view replaces the query), its unread articles from the reading state.
public struct ViewPicker: Sendable, Equatable {
  /// Per view, the articles its query matches; nil for a query that cannot be read.
  public var totals: [Int?]
  /// Per view, those of them not read.
  public var unread: [Int]

  /// Counts `views` over `listing`'s catalog, with its query environment, against `reading`.
  public init(_ views: [NamedQuery], listing: Listing, reading: Reading) {
    totals = []
    unread = []
    refresh(views, listing: listing, reading: reading)
  }

  /// Counts again: new records, or marks from the store.
  public mutating func refresh(_ views: [NamedQuery], listing: Listing, reading: Reading) {
    totals = []
    unread = []
    // The reading state as it is now, even within an action that has just marked something.
    let environment = listing.queryEnvironment
    let context = QueryContext(
      now: environment.now, timeZone: environment.timeZone, readingState: reading.snapshot)
    for view in views {
      guard let query = view.query else {
        totals.append(nil)
        unread.append(0)
        continue
      }
      let matched = listing.catalog.select(query, context: context, order: listing.sort).indices
      totals.append(matched.count)
      unread.append(matched.reduce(0) { $0 + (reading.isRead($1) ? 0 : 1) })
    }
  }

  /// The rows of `views`, with whether each is the listed query.
  public func rows(_ views: [NamedQuery], listing: Listing) -> [ViewRow] {
    views.enumerated().map { position, view in
      ViewRow(
        name: view.name, query: view.text, unread: position < unread.count ? unread[position] : 0,
        total: position < totals.count ? totals[position] ?? 0 : 0, isActive: view.isActive(in: listing))
    }
  }
}

extension ReaderModel {
  /// Puts view number `number` (from 1) in the query, as if typed and kept: "Query: …" shows it and Esc
  /// clears it. A number without a view, or a view whose query cannot be read, says so instead.
  mutating func applyView(_ number: Int, now: Double) {
    guard number >= 1, number <= views.count else {
      status.show(
        views.isEmpty ? "No views: define them in the config file" : "No view numbered \(number)",
        isError: true, now: now)
      return
    }
    let view = views[number - 1]
    guard view.query != nil else {
      status.show("View \"\(view.name)\": its query cannot be read", isError: true, now: now)
      return
    }
    listing.setQuery(view.text)
    search.queryChanged(listing)
    let shown = listing.visible.count
    status.show("View \(view.name): \(shown) article\(shown == 1 ? "" : "s") shown", now: now)
  }

  /// Counts the open view picker's views again (marks or records changed under it).
  mutating func refreshViewPicker() {
    guard overlays.current == .viewPicker else { return }
    overlays.viewPicker?.refresh(views, listing: listing, reading: reading)
  }

  /// The saved views in the picker's order with their live counts while the picker is open.
  public var viewPickerRows: [ViewRow] { overlays.viewPicker?.rows(views, listing: listing) ?? [] }

  /// The views the digits 1–9 apply when the key map gives the digits to views: the first nine.
  public var viewShortcutRows: [ViewRow] {
    views.prefix(9).map {
      ViewRow(name: $0.name, query: $0.text, unread: 0, total: 0, isActive: $0.isActive(in: listing))
    }
  }
}
