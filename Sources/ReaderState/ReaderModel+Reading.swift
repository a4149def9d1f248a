import NewsCore

extension ReaderModel {
  /// The loaded articles one marking reads: the article and the loaded articles its related coverage
  /// links to (the same story from other outlets), so one undo reverts them together; the article alone
  /// when `reading.readsStory` is off.
  public func story(of index: Int) -> [Int] {
    // In the stories view the selected row is the story: all of its members, not only the linked ones.
    if stories.isShown, let selected = stories.selectedStory, selected.members.contains(index) {
      return [index] + selected.members.filter { $0 != index }
    }
    let catalog = listing.catalog
    guard index < catalog.articles.count else { return [] }
    var indices = [index]
    guard reading.readsStory else { return indices }
    for item in catalog.articles[index].related {
      if let linked = catalog.articleIndex(linkedFrom: item), !indices.contains(linked) {
        indices.append(linked)
      }
    }
    return indices
  }

  /// The loaded article that copy or open acts on: the selected one, or the article a shown related
  /// item links to.
  var shareTargetArticleIndex: Int? {
    if listing.detailsShowsRelated, listing.selectedRelated != nil {
      return listing.relatedList.selectedIndex.flatMap(listing.linkedArticle(forRelatedRow:))
    }
    return listing.selectedArticleIndex
  }

  mutating func readStory(of index: Int, now: Double) -> [Effect] {
    let writes = reading.markRead(story(of: index), in: listing.catalog, now: now)
    return writes.isEmpty ? [] : [.writeMarks(writes)]
  }

  mutating func applyReading(_ action: Action, now: Double) -> [Effect] {
    let catalog = listing.catalog
    switch action {
    case .marksLoaded(let marks):
      reading.receive(marks, catalog: catalog)
      relistForReadingState()
    case .newSinceLastRun(let ids):
      reading.receiveNew(ids, catalog: catalog)
      relistForReadingState()
    case .newArrivals(let ids):
      reading.receiveNew(reading.newIDs.union(ids), catalog: catalog)
      relistForReadingState()
    case .toggleRead:
      guard let index = listing.selectedArticleIndex else { return nothingSelected(now: now) }
      if stories.isShown, let story = stories.selectedStory {
        // A story row is read when all of its articles are: N reads the rest, or, all read, unreads them.
        let members = story.members
        if members.allSatisfy({ reading.isRead($0) }) {
          let writes = reading.markUnread(members, in: catalog, now: now)
          status.show("Marked the story's \(members.count) articles unread", now: now)
          return writes.isEmpty ? [] : [.writeMarks(writes)]
        }
        let effects = readStory(of: index, now: now)
        status.show("Marked the story read (\(members.count) articles)", now: now)
        return effects
      }
      if reading.isRead(index) {
        status.show("Marked unread", now: now)
        return [.writeMarks(reading.toggle(.read, of: index, in: catalog, now: now))]
      }
      let effects = readStory(of: index, now: now)
      let count = effects.first.map { if case .writeMarks(let w) = $0 { w.count } else { 0 } } ?? 0
      status.show(count > 1 ? "Marked read with \(count - 1) of its story" : "Marked read", now: now)
      return effects
    case .markAllShownRead:
      let writes = reading.markRead(listing.visible, in: catalog, now: now)
      status.show("Marked \(writes.count) article\(writes.count == 1 ? "" : "s") read", now: now)
      return writes.isEmpty ? [] : [.writeMarks(writes)]
    case .undoMarking:
      guard let undone = reading.undo(in: catalog, now: now) else {
        status.show("Nothing to undo", isError: true, now: now)
        return []
      }
      status.show("Undid the marking of \(undone.count) article\(undone.count == 1 ? "" : "s")", now: now)
      return [.writeMarks(undone.writes)]
    case .toggleStar:
      guard let index = listing.selectedArticleIndex else { return nothingSelected(now: now) }
      let writes = reading.toggle(.starred, of: index, in: catalog, now: now)
      status.show(reading.isStarred(index) ? "Starred" : "Unstarred", now: now)
      return [.writeMarks(writes)]
    case .nextUnread, .previousUnread:
      selectUnread(forward: action == .nextUnread, now: now)
    case .toggleUnreadOnly, .toggleStarredOnly:
      let wanted: ReadingFilter = action == .toggleUnreadOnly ? .unread : .starred
      reading.filter = reading.filter == wanted ? .all : wanted
      listing.setMarkMask(reading.filterMask)
      switch reading.filter {
      case .all: status.show("Showing read and unread articles", now: now)
      case .unread: status.show("Showing unread articles only", now: now)
      case .starred: status.show("Showing starred articles only", now: now)
      }
    default:
      break
    }
    return []
  }

  /// The tick's part in reading: the shown article becomes read after `readDelay`, and the store is
  /// asked for other processes' changes every `Reading.checkInterval`.
  mutating func tickReading(now: Double) -> [Effect] {
    var effects: [Effect] = []
    let shownID =
      overlays.current == nil && !listing.detailsShowsRelated ? listing.selectedArticle?.id.rawValue : nil
    if reading.shownArticle(shownID, now: now), let index = listing.selectedArticleIndex {
      effects += readStory(of: index, now: now)
    }
    if reading.checkDue(now: now) { effects.append(.checkMarkChanges) }
    return effects
  }

  /// Marks arrived from the store (at start, or another reader's): a query asking about reading state
  /// lists again with them. Marks made here do not, so what was just read stays where it is.
  private mutating func relistForReadingState() {
    guard listing.query.readsReadingState else { return }
    listing.refreshQuery(environment: listing.queryEnvironment.with(readingState: reading.snapshot))
  }

  private mutating func selectUnread(forward: Bool, now: Double) {
    let rows = listing.visible
    guard !rows.isEmpty else { return }
    let start = listing.articleList.selectedIndex ?? (forward ? rows.count - 1 : 0)
    for step in 1...rows.count {
      let row = ((start + (forward ? step : -step)) % rows.count + rows.count) % rows.count
      if !reading.isRead(rows[row]) {
        if row != listing.articleList.selectedIndex { listing.select(row, in: .articles) }
        listing.setFocus(.articles)
        return
      }
    }
    status.show("No unread articles listed", now: now)
  }

  private mutating func nothingSelected(now: Double) -> [Effect] {
    status.show("Nothing selected", isError: true, now: now)
    return []
  }
}
