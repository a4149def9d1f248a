import NewsCore

/// Editing the query as you type: whether it is being typed or kept, the cursor, what Esc restores, the
/// results of texts already evaluated in this edit, and the history of kept queries.
///
/// The query text itself is the listing's; this part owns the editing around it. Every edit sets the new
/// text on the listing, which evaluates it once (or not at all when its result is kept here).
public struct SearchSession: Sendable, Equatable {
  public var mode: SearchMode
  /// Where the next typed character goes, in characters from the start of the query text.
  public var cursor: Int
  /// What cancelling the edit in progress restores.
  public var snapshot: SearchSnapshot?
  /// Results of the queries met in this edit (newest last, a few at most), so deleting back to one of them
  /// does not evaluate it again.
  public var kept: [SearchStep]
  /// Kept queries, oldest first, as loaded from the history file and added to at each Enter.
  public var history: [String]
  /// Which entry of `history` Up has reached, or nil when editing the draft.
  public var historyPosition: Int?
  /// The text being typed before Up went into the history, restored by Down past the newest entry.
  public var draft: String

  /// How many results `kept` holds: each is as large as its list.
  static let keptLimit = 16

  public init(mode: SearchMode = .off, history: [String] = []) {
    self.mode = mode
    cursor = 0
    snapshot = nil
    kept = []
    self.history = history
    historyPosition = nil
    draft = ""
  }

  /// Starts editing, the cursor at the end, remembering `listing` as Esc will put it back.
  public mutating func start(from listing: Listing) {
    guard mode != .editing else { return }
    snapshot = SearchSnapshot(
      queryText: listing.queryText, query: listing.query, queryError: listing.queryError, mode: mode,
      visible: listing.visible, relatedOnly: listing.relatedOnly, articleList: listing.articleList)
    cursor = listing.queryText.count
    historyPosition = nil
    mode = .editing
  }

  /// Adds typed text at the cursor.
  public mutating func insert(_ text: String, into listing: inout Listing) {
    var characters = Array(listing.queryText)
    let at = clampedCursor(listing)
    characters.insert(contentsOf: text, at: at)
    replace(with: String(characters), cursor: at + text.count, in: &listing)
  }

  /// Backspace: the character before the cursor.
  public mutating func deleteBackward(in listing: inout Listing) {
    let at = clampedCursor(listing)
    guard at > 0 else { return }
    var characters = Array(listing.queryText)
    characters.remove(at: at - 1)
    replace(with: String(characters), cursor: at - 1, in: &listing)
  }

  /// One readline edit at the cursor.
  public mutating func edit(_ edit: SearchEdit, in listing: inout Listing) {
    guard mode == .editing else { return }
    let characters = Array(listing.queryText)
    let at = clampedCursor(listing)
    switch edit {
    case .moveLeft: cursor = max(0, at - 1)
    case .moveRight: cursor = min(characters.count, at + 1)
    case .moveToStart: cursor = 0
    case .moveToEnd: cursor = characters.count
    case .deleteForward:
      guard at < characters.count else { return }
      var changed = characters
      changed.remove(at: at)
      replace(with: String(changed), cursor: at, in: &listing)
    case .deleteWordBackward:
      // Like readline's Ctrl-W: the spaces before the cursor, then the word before them.
      var start = at
      while start > 0 && characters[start - 1] == " " { start -= 1 }
      while start > 0 && characters[start - 1] != " " { start -= 1 }
      guard start < at else { return }
      replace(with: String(characters[..<start] + characters[at...]), cursor: start, in: &listing)
    case .deleteToStart:
      guard at > 0 else { return }
      replace(with: String(characters[at...]), cursor: 0, in: &listing)
    case .deleteToEnd:
      guard at < characters.count else { return }
      replace(with: String(characters[..<at]), cursor: at, in: &listing)
    case .historyPrevious:
      guard !history.isEmpty else { return }
      let position: Int
      if let current = historyPosition {
        guard current > 0 else { return }
        position = current - 1
      } else {
        draft = listing.queryText
        position = history.count - 1
      }
      historyPosition = position
      replace(with: history[position], cursor: history[position].count, in: &listing, keepsHistory: true)
    case .historyNext:
      guard let current = historyPosition else { return }
      let text: String
      if current + 1 < history.count {
        historyPosition = current + 1
        text = history[current + 1]
      } else {
        historyPosition = nil
        text = draft
      }
      replace(with: text, cursor: text.count, in: &listing, keepsHistory: true)
    }
  }

  /// Enter: keeps the query (or ends the search when empty); returns the text to add to the history file,
  /// nil when it is empty or the same as the newest entry.
  ///
  /// A query that cannot be read is not kept: the edit goes on, the caret still showing where it fails.
  public mutating func commit(_ listing: Listing) -> String? {
    guard mode == .editing, listing.queryError == nil else { return nil }
    mode = listing.queryText.isEmpty ? .off : .applied
    snapshot = nil
    kept = []
    historyPosition = nil
    cursor = 0
    let text = listing.queryText
    guard text.contains(where: { !$0.isWhitespace }), history.last != text else { return nil }
    history.append(text)
    return text
  }

  /// The history file was read: its entries go before any kept in this run.
  public mutating func historyLoaded(_ entries: [String]) {
    history = entries + history
    if let position = historyPosition { historyPosition = position + entries.count }
  }

  /// Esc while typing: the query and list as they were before; false when no edit was in progress.
  public mutating func cancel(in listing: inout Listing) -> Bool {
    guard mode == .editing, let snapshot else { return false }
    listing.queryText = snapshot.queryText
    listing.query = snapshot.query
    listing.queryError = snapshot.queryError
    listing.visible = snapshot.visible
    listing.relatedOnly = snapshot.relatedOnly
    listing.articleList = snapshot.articleList
    listing.resetRelated()
    mode = snapshot.mode
    self.snapshot = nil
    kept = []
    historyPosition = nil
    cursor = 0
    return true
  }

  /// Esc after a kept query: drops all of it (topics included: they are terms of it).
  public mutating func clear(in listing: inout Listing) {
    guard mode == .applied else { return }
    mode = .off
    listing.setQuery("")
  }

  /// A picker or a digit changed the query outside an edit: it is kept when it says anything.
  public mutating func queryChanged(_ listing: Listing) {
    guard mode != .editing else {
      cursor = listing.queryText.count
      return
    }
    mode = listing.queryText.isEmpty ? .off : .applied
  }

  /// The list was sorted anew: what Esc restores is sorted the same way, and the kept results are dropped.
  public mutating func resort(in catalog: ArticleCatalog, by sort: SortOrder) {
    kept = []
    guard var snapshot else { return }
    snapshot.visible = catalog.sorted(snapshot.visible, by: sort)
    self.snapshot = snapshot
  }

  /// New records arrived: a query being typed is kept as typed, and nothing from the old records is
  /// restorable.
  public mutating func catalogReplaced(_ listing: Listing) {
    snapshot = nil
    kept = []
    if mode == .editing {
      mode = listing.queryText.isEmpty ? .off : .applied
      cursor = 0
    }
  }

  /// The query was cleared (a jump to an article not listed): no search any more.
  public mutating func end() {
    mode = .off
    cursor = 0
    snapshot = nil
    kept = []
    historyPosition = nil
  }

  private func clampedCursor(_ listing: Listing) -> Int { min(max(0, cursor), listing.queryText.count) }

  /// Sets `text` on the listing, from a kept result when this edit met its query before.
  private mutating func replace(
    with text: String, cursor newCursor: Int, in listing: inout Listing, keepsHistory: Bool = false
  ) {
    guard mode == .editing else { return }
    if !keepsHistory { historyPosition = nil }
    remember(listing.query.expression, listing.queryResult)
    let known = (try? Query(text)).flatMap { parsed in
      kept.first { $0.expression == parsed.expression }?.result
    }
    listing.setQuery(text, known: known)
    cursor = newCursor
  }

  private mutating func remember(_ expression: QueryExpression, _ result: QueryResult) {
    if let index = kept.firstIndex(where: { $0.expression == expression }) { kept.remove(at: index) }
    kept.append(SearchStep(expression: expression, result: result))
    if kept.count > Self.keptLimit { kept.removeFirst(kept.count - Self.keptLimit) }
  }
}

/// One readline edit of the query being typed.
public enum SearchEdit: Sendable, Hashable {
  case moveLeft, moveRight, moveToStart, moveToEnd
  /// Delete: the character under the cursor.
  case deleteForward
  /// Ctrl-W, Ctrl-U, Ctrl-K.
  case deleteWordBackward, deleteToStart, deleteToEnd
  /// Up and Down: older and newer kept queries.
  case historyPrevious, historyNext
}

/// Whether the query is being typed, kept, or absent.
public enum SearchMode: Sendable, Hashable {
  case off, editing, applied
}

/// The list as it was when an edit started, so Esc can put it back without evaluating again.
public struct SearchSnapshot: Sendable, Equatable {
  public var queryText: String
  public var query: Query
  public var queryError: QueryError?
  public var mode: SearchMode
  public var visible: [Int]
  public var relatedOnly: Set<Int>
  public var articleList: ListViewport

  public init(
    queryText: String, query: Query, queryError: QueryError?, mode: SearchMode, visible: [Int],
    relatedOnly: Set<Int>, articleList: ListViewport
  ) {
    self.queryText = queryText
    self.query = query
    self.queryError = queryError
    self.mode = mode
    self.visible = visible
    self.relatedOnly = relatedOnly
    self.articleList = articleList
  }
}

/// The result of one query, kept while its text is edited further.
public struct SearchStep: Sendable, Equatable {
  public var expression: QueryExpression
  public var result: QueryResult

  public init(expression: QueryExpression, result: QueryResult) {
    self.expression = expression
    self.result = result
  }
}
