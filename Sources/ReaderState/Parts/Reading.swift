import NewsCore

/// The reading state of one article as the store keeps it: when it was read and starred (seconds since
/// 1970), nil when it is not.
public struct ReadingMark: Sendable, Hashable {
  public var id: String
  public var readAt: Double?
  public var starredAt: Double?

  public init(id: String, readAt: Double? = nil, starredAt: Double? = nil) {
    self.id = id
    self.readAt = readAt
    self.starredAt = starredAt
  }
}

/// One change of reading state for the program to save: the value `.writeMarks` carries.
public struct MarkWrite: Sendable, Hashable {
  /// What the change does.
  public enum Kind: String, Sendable, Hashable {
    case read, unread, star, unstar
  }

  public var id: String
  /// The article's link, so the saved mark still says which article it was.
  public var url: String?
  public var kind: Kind
  public var at: Double

  public init(id: String, url: String?, kind: Kind, at: Double) {
    self.id = id
    self.url = url
    self.kind = kind
    self.at = at
  }
}

/// Which articles the reading filter lets through.
public enum ReadingFilter: String, Sendable, Hashable {
  case all, unread, starred
}

/// Read, starred and new articles, what undo reverts, and how long the selected article has been shown.
///
/// Marks are kept by article id, including those of articles not loaded now (a reload may bring them
/// back); per-catalog-index flags mirror them for the loaded articles so the list, the counts and the
/// filters never hash an id per row.
public struct Reading: Sendable, Equatable {
  /// Every mark known, by article id.
  public private(set) var marks: [String: ReadingMark] = [:]
  /// Ids of the articles first loaded in this run (no earlier run had loaded them).
  public private(set) var newIDs: Set<String> = []
  /// Per loaded article (index into the catalog): read, starred, new.
  public private(set) var isRead: [Bool] = []
  public private(set) var isStarred: [Bool] = []
  public private(set) var isNew: [Bool] = []
  public private(set) var unreadCount = 0
  public private(set) var starredCount = 0
  public private(set) var newCount = 0
  /// The writes this reader has asked to save that the marks last received may not include, oldest
  /// first (their ids, kinds and times; no URLs): applied again on top of marks re-read after another
  /// process's change (see ``receive(_:catalog:)``).
  public private(set) var unconfirmedWrites: [MarkWrite] = []
  /// The writes this reader has asked to save since it started; the program counts the same ones.
  public private(set) var writesAsked = 0
  /// Groups of changes, the last one first to be undone.
  public private(set) var undoGroups: [[UndoStep]] = []
  /// The filter applied to the list.
  public var filter = ReadingFilter.all
  /// Seconds an article must be shown in the details pane before it counts as read.
  public var readDelay: Double
  /// Whether reading an article reads the loaded articles of its story too (the `story-read` setting).
  public var readsStory: Bool
  /// The article shown since when (checked on the tick), and whether the delay has already marked it.
  public private(set) var shown: ShownArticle?
  /// Whether marks came from a store: only then are external changes checked for.
  public private(set) var isKept = false
  /// When the program last checked the store for other processes' changes.
  public private(set) var lastCheck = -Double.infinity
  /// Seconds between checks for other processes' changes (on the tick, so never while idle-free).
  public static let checkInterval = 0.25
  /// Undo groups kept; older ones are dropped.
  public static let undoLimit = 200
  /// Unconfirmed writes kept: only a re-read in flight while more marks than this were made could
  /// show the oldest of them as the store had them, until the next change.
  public static let unconfirmedLimit = 10_000

  /// One reverted change: the field, and the time it had before (nil: not read, not starred).
  public struct UndoStep: Sendable, Hashable {
    public var id: String
    public var url: String?
    public var field: Field
    public var previous: Double?
  }

  /// The article in the details pane, since when, and whether the delay has marked it read already.
  public struct ShownArticle: Sendable, Hashable {
    public var id: String
    public var since: Double
    public var done: Bool

    public init(id: String, since: Double, done: Bool) {
      self.id = id
      self.since = since
      self.done = done
    }
  }

  /// The two marks a user sets.
  public enum Field: Sendable, Hashable {
    case read, starred
  }

  public init(readDelay: Double = 1.5, readsStory: Bool = true) {
    self.readDelay = readDelay
    self.readsStory = readsStory
  }

  // MARK: Arriving values

  /// Replaces every mark with those the store has (at start, and after another process changed them).
  ///
  /// The store was read off the run loop, so this reader may have made marks since, which the read
  /// did not see: those after the `savedWrites` the store had are applied again on top.
  public mutating func receive(_ loaded: ReadingMarks, catalog: ArticleCatalog) {
    let firstUnconfirmed = writesAsked - unconfirmedWrites.count
    unconfirmedWrites.removeFirst(min(max(loaded.savedWrites - firstUnconfirmed, 0), unconfirmedWrites.count))
    var byID = loaded.byID
    for write in unconfirmedWrites {
      var mark = byID[write.id] ?? ReadingMark(id: write.id)
      switch write.kind {
      case .read: mark.readAt = write.at
      case .unread: mark.readAt = nil
      case .star: mark.starredAt = write.at
      case .unstar: mark.starredAt = nil
      }
      byID[write.id] = mark.readAt == nil && mark.starredAt == nil ? nil : mark
    }
    marks = byID
    isKept = true
    attach(catalog)
  }

  /// Counts one write as asked to be saved, and keeps it until a read of the store includes it.
  private mutating func asked(_ write: MarkWrite) {
    writesAsked += 1
    unconfirmedWrites.append(write)
    if unconfirmedWrites.count > Reading.unconfirmedLimit {
      unconfirmedWrites.removeFirst(unconfirmedWrites.count - Reading.unconfirmedLimit)
    }
  }

  /// The ids first loaded in this run.
  public mutating func receiveNew(_ ids: Set<String>, catalog: ArticleCatalog) {
    newIDs = ids
    attach(catalog)
  }

  /// Recomputes the per-article flags for `catalog` (after a load or new marks).
  public mutating func attach(_ catalog: ArticleCatalog) {
    let count = catalog.articles.count
    isRead = [Bool](repeating: false, count: count)
    isStarred = [Bool](repeating: false, count: count)
    isNew = [Bool](repeating: false, count: count)
    unreadCount = count
    starredCount = 0
    newCount = 0
    guard !marks.isEmpty || !newIDs.isEmpty else { return }
    let articles = catalog.articles
    for index in articles.indices {
      // The id alone: a copy of the whole article would retain each of its strings.
      let id = articles[index].id.rawValue
      if !marks.isEmpty, let mark = marks[id] {
        if mark.readAt != nil {
          isRead[index] = true
          unreadCount -= 1
        }
        if mark.starredAt != nil {
          isStarred[index] = true
          starredCount += 1
        }
      }
      if !newIDs.isEmpty, newIDs.contains(id) {
        isNew[index] = true
        newCount += 1
      }
    }
  }

  /// The per-article flags for `change.catalog`, carried from those of `change.base`, which this state must
  /// be attached to (marks are by id, and a kept article keeps its id): only the arrivals are looked up.
  public mutating func attach(_ change: CatalogChange) {
    let oldCount = change.base.articles.count
    guard isRead.count == oldCount, isStarred.count == oldCount, isNew.count == oldCount else {
      attach(change.catalog)
      return
    }
    let count = change.catalog.articles.count
    var read = [Bool](repeating: false, count: count)
    var starred = [Bool](repeating: false, count: count)
    var new = [Bool](repeating: false, count: count)
    for (old, index) in change.newIndices.enumerated() {
      if index >= 0 {
        read[Int(index)] = isRead[old]
        starred[Int(index)] = isStarred[old]
        new[Int(index)] = isNew[old]
      } else {
        // Gone or read again (the arrival is counted below).
        if !isRead[old] { unreadCount -= 1 }
        if isStarred[old] { starredCount -= 1 }
        if isNew[old] { newCount -= 1 }
      }
    }
    for index in change.reread {
      unreadCount += 1
      guard !marks.isEmpty || !newIDs.isEmpty else { continue }
      let id = change.catalog.articles[index].id.rawValue
      if let mark = marks[id] {
        if mark.readAt != nil {
          read[index] = true
          unreadCount -= 1
        }
        if mark.starredAt != nil {
          starred[index] = true
          starredCount += 1
        }
      }
      if newIDs.contains(id) {
        new[index] = true
        newCount += 1
      }
    }
    isRead = read
    isStarred = starred
    isNew = new
  }

  // MARK: Questions

  /// The state of the loaded articles as the query's `is:` terms read it (by catalog index), sharing the
  /// flags' storage rather than copying them.
  public var snapshot: ReadingSnapshot {
    ReadingSnapshot(isRead: isRead, isStarred: isStarred, isNew: isNew)
  }

  public func isRead(_ index: Int) -> Bool { index < isRead.count && isRead[index] }
  public func isStarred(_ index: Int) -> Bool { index < isStarred.count && isStarred[index] }
  public func isNew(_ index: Int) -> Bool { index < isNew.count && isNew[index] }

  /// Per catalog index, whether the filter lets the article through; nil for `.all`.
  public var filterMask: [Bool]? {
    switch filter {
    case .all: nil
    case .unread: isRead.map { !$0 }
    case .starred: isStarred
    }
  }

  // MARK: Changes

  /// Marks the articles at `indices` read at `now` as one undo group; returns what to save (nothing for
  /// articles already read).
  public mutating func markRead(_ indices: [Int], in catalog: ArticleCatalog, now: Double) -> [MarkWrite] {
    var group: [UndoStep] = []
    var writes: [MarkWrite] = []
    var seen = Set<Int>()
    for index in indices where index < isRead.count && !isRead[index] && seen.insert(index).inserted {
      let article = catalog.articles[index]
      let url = article.item.identifyingURL
      group.append(UndoStep(id: article.id.rawValue, url: url, field: .read, previous: nil))
      set(.read, of: index, id: article.id.rawValue, to: now)
      writes.append(MarkWrite(id: article.id.rawValue, url: url, kind: .read, at: now))
    }
    remember(group)
    return writes
  }

  /// Marks the articles at `indices` unread as one undo group (a story read by mistake); returns what to
  /// save (nothing for articles already unread).
  public mutating func markUnread(_ indices: [Int], in catalog: ArticleCatalog, now: Double) -> [MarkWrite] {
    var group: [UndoStep] = []
    var writes: [MarkWrite] = []
    var seen = Set<Int>()
    for index in indices where index < isRead.count && isRead[index] && seen.insert(index).inserted {
      let article = catalog.articles[index]
      let id = article.id.rawValue
      let url = article.item.identifyingURL
      group.append(UndoStep(id: id, url: url, field: .read, previous: marks[id]?.readAt))
      set(.read, of: index, id: id, to: nil)
      writes.append(MarkWrite(id: id, url: url, kind: .unread, at: now))
    }
    remember(group)
    return writes
  }

  /// Toggles read (or starred) of the article at `index`; one undo group.
  public mutating func toggle(_ field: Field, of index: Int, in catalog: ArticleCatalog, now: Double)
    -> [MarkWrite]
  {
    guard index < isRead.count else { return [] }
    let article = catalog.articles[index]
    let id = article.id.rawValue
    let url = article.item.identifyingURL
    let previous = field == .read ? marks[id]?.readAt : marks[id]?.starredAt
    let turningOn = field == .read ? !isRead[index] : !isStarred[index]
    remember([UndoStep(id: id, url: url, field: field, previous: previous)])
    set(field, of: index, id: id, to: turningOn ? now : nil)
    let kind: MarkWrite.Kind =
      switch (field, turningOn) {
      case (.read, true): .read
      case (.read, false): .unread
      case (.starred, true): .star
      case (.starred, false): .unstar
      }
    return [MarkWrite(id: id, url: url, kind: kind, at: now)]
  }

  /// Reverts the last group of changes; nil when there is nothing to undo.
  public mutating func undo(in catalog: ArticleCatalog, now: Double) -> (writes: [MarkWrite], count: Int)? {
    guard let group = undoGroups.popLast() else { return nil }
    var writes: [MarkWrite] = []
    for step in group.reversed() {
      let index = catalog.articles.firstIndex { $0.id.rawValue == step.id }
      set(step.field, of: index, id: step.id, to: step.previous)
      let kind: MarkWrite.Kind =
        switch (step.field, step.previous != nil) {
        case (.read, true): .read
        case (.read, false): .unread
        case (.starred, true): .star
        case (.starred, false): .unstar
        }
      writes.append(MarkWrite(id: step.id, url: step.url, kind: kind, at: step.previous ?? now))
    }
    return (writes, group.count)
  }

  /// The tick: starts timing a newly shown article, or says it has now been shown long enough.
  public mutating func shownArticle(_ id: String?, now: Double) -> Bool {
    guard let id else {
      shown = nil
      return false
    }
    guard let current = shown, current.id == id else {
      shown = ShownArticle(id: id, since: now, done: false)
      return false
    }
    if !current.done, now - current.since >= readDelay {
      shown?.done = true
      return true
    }
    return false
  }

  /// Whether the tick should ask the store for other processes' changes now; records the check.
  public mutating func checkDue(now: Double) -> Bool {
    guard isKept, now - lastCheck >= Reading.checkInterval else { return false }
    lastCheck = now
    return true
  }

  private mutating func remember(_ group: [UndoStep]) {
    guard !group.isEmpty else { return }
    undoGroups.append(group)
    if undoGroups.count > Reading.undoLimit { undoGroups.removeFirst(undoGroups.count - Reading.undoLimit) }
  }

  /// Sets one mark; every change that is saved goes through here exactly once (one `MarkWrite` each),
  /// so this is where the writes are counted for ``receive(_:catalog:)``.
  private mutating func set(_ field: Field, of index: Int?, id: String, to time: Double?) {
    let kind: MarkWrite.Kind =
      switch (field, time != nil) {
      case (.read, true): .read
      case (.read, false): .unread
      case (.starred, true): .star
      case (.starred, false): .unstar
      }
    asked(MarkWrite(id: id, url: nil, kind: kind, at: time ?? 0))
    var mark = marks[id] ?? ReadingMark(id: id)
    switch field {
    case .read: mark.readAt = time
    case .starred: mark.starredAt = time
    }
    marks[id] = mark.readAt == nil && mark.starredAt == nil ? nil : mark
    guard let index, index < isRead.count else { return }
    switch field {
    case .read:
      if isRead[index] != (time != nil) { unreadCount += time == nil ? 1 : -1 }
      isRead[index] = time != nil
    case .starred:
      if isStarred[index] != (time != nil) { starredCount += time == nil ? -1 : 1 }
      isStarred[index] = time != nil
    }
  }
}

/// The read, starred and new flags of the loaded articles at one moment, for `is:` terms.
public struct ReadingSnapshot: ReadingStateLookup {
  let isRead: [Bool]
  let isStarred: [Bool]
  let isNew: [Bool]

  public func readingState(of article: Article, at index: Int) -> ReadingStateFlags {
    var flags: ReadingStateFlags = []
    if index < isRead.count, isRead[index] { flags.insert(.read) }
    if index < isStarred.count, isStarred[index] { flags.insert(.starred) }
    if index < isNew.count, isNew[index] { flags.insert(.new) }
    return flags
  }
}
