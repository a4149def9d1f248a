import NewsCore
import ReaderState
import Testing

/// Read, starred and new articles in the reader: each action's change to the state and the marks it
/// asks the program to save.
@Suite struct ReadingTests {
  /// a links to c through its related coverage (the same story); b, d and e stand alone.
  private func read(_ id: String, at time: Double = 0) -> MarkWrite {
    let urls = [
      "a": "https://lemonde.fr/a", "b": "https://nhk.or.jp/b", "c": "https://example.com/c",
      "d": "javascript:alert(1)", "e": "ftp://reuters.com/e",
    ]
    return MarkWrite(id: id, url: urls[id], kind: .read, at: time)
  }

  private func write(_ id: String, _ kind: MarkWrite.Kind, at time: Double) -> MarkWrite {
    var change = read(id, at: time)
    change.kind = kind
    return change
  }

  @Test func marksFromTheStoreSetFlagsAndCountsAndKeepMarksOfArticlesNotLoaded() {
    var model = Fixtures.model()
    let marks: ReadingMarks = [
      ReadingMark(id: "b", readAt: 5), ReadingMark(id: "c", starredAt: 6),
      ReadingMark(id: "gone", readAt: 1, starredAt: 2),
    ]
    #expect(model.apply(.marksLoaded(marks), now: 10) == [])
    #expect(model.reading.isRead == [false, true, false, false, false])
    #expect(model.reading.isStarred == [false, false, true, false, false])
    #expect(model.reading.unreadCount == 4 && model.reading.starredCount == 1)
    #expect(model.reading.marks["gone"] == ReadingMark(id: "gone", readAt: 1, starredAt: 2))
    #expect(model.reading.isKept)

    // A reload that brings back "gone" shows its marks.
    let back = ArticleCatalog(articles: [Fixtures.article("gone"), Fixtures.article("b")])
    model.apply(.reload, now: 11)
    model.apply(.loaded(back, [], generation: 1), now: 12)
    #expect(model.reading.isRead == [true, true] && model.reading.isStarred == [true, false])
    #expect(model.reading.unreadCount == 0 && model.reading.starredCount == 1)
  }

  @Test func newSinceTheLastRunIsCountedAmongTheLoadedArticles() {
    var model = Fixtures.model()
    expectApply(&model, .newSinceLastRun(["a", "e", "not-loaded"])) {
      $0.reading.receiveNew(["a", "e", "not-loaded"], catalog: $0.listing.catalog)
    }
    #expect(model.reading.newCount == 2 && model.reading.isNew == [true, false, false, false, true])
  }

  /// A watched change's arrivals are new along with what was new at start; a whole reload's answer
  /// replaces it.
  @Test func arrivalsAreNewAlongWithWhatWasNewBefore() {
    var model = Fixtures.model()
    model.apply(.newSinceLastRun(["a"]), now: 0)
    expectApply(&model, .newArrivals(["e"])) {
      $0.reading.receiveNew(["a", "e"], catalog: $0.listing.catalog)
    }
    #expect(model.reading.newCount == 2 && model.reading.isNew == [true, false, false, false, true])
    model.apply(.newSinceLastRun(["b"]), now: 0)
    #expect(model.reading.newCount == 1 && model.reading.isNew == [false, true, false, false, false])
  }

  /// Shown 1.5 s in the details pane: read, with the rest of its story, in one undo group.
  @Test func anArticleShownForTheDelayBecomesReadWithItsStory() {
    var model = Fixtures.model()
    #expect(model.apply(.tick, now: 100) == [])
    #expect(model.reading.shown == Reading.ShownArticle(id: "a", since: 100, done: false))
    #expect(model.apply(.tick, now: 101.4) == [])
    expectApply(
      &model, .tick, now: 101.5, effects: [.writeMarks([read("a", at: 101.5), read("c", at: 101.5)])]
    ) {
      _ = $0.reading.shownArticle("a", now: 101.5)
      _ = $0.reading.markRead([0, 2], in: $0.listing.catalog, now: 101.5)
    }
    #expect(model.reading.isRead == [true, false, true, false, false] && model.reading.undoGroups.count == 1)
    // Shown on, it is not marked again, even after an undo made it unread.
    model.apply(.undoMarking, now: 102)
    #expect(model.apply(.tick, now: 110) == [])
    #expect(model.reading.unreadCount == 5)
  }

  @Test func theDelayIsAParameterAndMovingOnRestartsIt() {
    var model = Fixtures.model()
    model.reading.readDelay = 3
    model.apply(.tick, now: 0)
    #expect(model.apply(.tick, now: 2) == [])
    model.apply(.move(.down), now: 2.5)  // to b before a's 3 s are up
    #expect(model.apply(.tick, now: 3) == [])
    #expect(model.reading.shown?.id == "b" && model.reading.shown?.since == 3)
    #expect(model.apply(.tick, now: 6) == [.writeMarks([read("b", at: 6)])])
    #expect(!model.reading.isRead(0))
  }

  @Test func noArticleCountsAsShownWhileAnOverlayCoversTheDetails() {
    var model = Fixtures.model()
    model.apply(.showHelp, now: 0)
    model.apply(.tick, now: 0)
    #expect(model.apply(.tick, now: 5) == [] && model.reading.shown == nil)
  }

  @Test func toggleReadReadsTheStoryAndUnreadsOnlyTheArticle() {
    var model = Fixtures.model()
    expectApply(&model, .toggleRead, now: 7, effects: [.writeMarks([read("a", at: 7), read("c", at: 7)])]) {
      _ = $0.reading.markRead([0, 2], in: $0.listing.catalog, now: 7)
      $0.status.show("Marked read with 1 of its story", now: 7)
    }
    expectApply(&model, .toggleRead, now: 8, effects: [.writeMarks([write("a", .unread, at: 8)])]) {
      _ = $0.reading.toggle(.read, of: 0, in: $0.listing.catalog, now: 8)
      $0.status.show("Marked unread", now: 8)
    }
    #expect(model.reading.isRead == [false, false, true, false, false])
  }

  @Test func markAllShownReadIsOneGroupThatOneUndoReverts() {
    var model = Fixtures.model()
    model.apply(.marksLoaded([ReadingMark(id: "b", readAt: 1)]), now: 0)
    model.apply(.toggleTopic("Weather"), now: 0)  // c and d listed
    let effects = model.apply(.markAllShownRead, now: 9)
    #expect(effects == [.writeMarks([read("c", at: 9), read("d", at: 9)])])
    #expect(model.status.message?.text == "Marked 2 articles read")
    model.apply(.clearTopics, now: 9)
    #expect(model.reading.isRead == [false, true, true, true, false])
    expectApply(
      &model, .undoMarking, now: 10,
      effects: [.writeMarks([write("d", .unread, at: 10), write("c", .unread, at: 10)])]
    ) {
      _ = $0.reading.undo(in: $0.listing.catalog, now: 10)
      $0.status.show("Undid the marking of 2 articles", now: 10)
    }
    #expect(model.reading.isRead == [false, true, false, false, false])  // b's earlier mark stays
    expectApply(&model, .undoMarking, now: 11) {
      $0.status.show("Nothing to undo", isError: true, now: 11)
    }
  }

  @Test func undoKeepsAtLeastAHundredStepsAndRestoresEarlierTimes() {
    var model = Fixtures.model()
    model.apply(.marksLoaded([ReadingMark(id: "a", starredAt: 3)]), now: 0)
    for step in 0..<150 { model.apply(.toggleStar, now: Double(10 + step)) }
    #expect(model.reading.isStarred(0))  // 150 toggles of a starred article: starred again
    var undone = 0
    while !model.apply(.undoMarking, now: 500).isEmpty { undone += 1 }
    #expect(undone == 150)
    // Back to the star it had from the store, at its old time.
    #expect(model.reading.marks["a"] == ReadingMark(id: "a", starredAt: 3))
  }

  @Test func toggleStarWritesStarAndUnstar() {
    var model = Fixtures.model()
    model.apply(.move(.down), now: 0)
    expectApply(&model, .toggleStar, now: 4, effects: [.writeMarks([write("b", .star, at: 4)])]) {
      _ = $0.reading.toggle(.starred, of: 1, in: $0.listing.catalog, now: 4)
      $0.status.show("Starred", now: 4)
    }
    #expect(model.reading.starredCount == 1)
    #expect(model.apply(.toggleStar, now: 5) == [.writeMarks([write("b", .unstar, at: 5)])])
    #expect(model.reading.starredCount == 0 && model.status.message?.text == "Unstarred")
  }

  @Test func nextAndPreviousUnreadSkipReadArticlesAndWrap() {
    var model = Fixtures.model()
    model.apply(.marksLoaded([ReadingMark(id: "b", readAt: 1), ReadingMark(id: "c", readAt: 1)]), now: 0)
    expectApply(&model, .nextUnread) {
      $0.listing.articleList.select(3)
      $0.listing.relatedList = ListViewport(count: 0)
    }
    model.apply(.nextUnread, now: 0)
    #expect(model.listing.selectedArticle?.id == ArticleID("e"))
    model.apply(.nextUnread, now: 0)
    #expect(model.listing.selectedArticle?.id == ArticleID("a"))  // wrapped
    model.apply(.previousUnread, now: 0)
    #expect(model.listing.selectedArticle?.id == ArticleID("e"))
    model.apply(.markAllShownRead, now: 0)
    model.apply(.nextUnread, now: 1)
    #expect(model.listing.selectedArticle?.id == ArticleID("e"))
    #expect(model.status.message?.text == "No unread articles listed")
  }

  @Test func unreadOnlyAndStarredOnlyFilterTheListAndToggleBack() {
    var model = Fixtures.model()
    model.apply(
      .marksLoaded([ReadingMark(id: "a", readAt: 1), ReadingMark(id: "d", readAt: 1, starredAt: 2)]), now: 0)
    model.apply(.toggleUnreadOnly, now: 0)
    #expect(Fixtures.ids(model) == ["b", "c", "e"] && model.reading.filter == .unread)
    #expect(model.status.message?.text == "Showing unread articles only")
    // Reading the selected row keeps it listed until the filter is chosen again.
    model.apply(.toggleRead, now: 1)
    #expect(Fixtures.ids(model) == ["b", "c", "e"])
    model.apply(.toggleStarredOnly, now: 2)
    #expect(Fixtures.ids(model) == ["d"] && model.reading.filter == .starred)
    model.apply(.toggleStarredOnly, now: 3)
    #expect(Fixtures.ids(model) == ["a", "b", "c", "d", "e"] && model.reading.filter == .all)
    model.apply(.toggleUnreadOnly, now: 4)
    #expect(Fixtures.ids(model) == ["c", "e"])
    // The filter holds over a reload, with the new catalog's marks.
    model.apply(.reload, now: 5)
    model.apply(.loaded(Fixtures.five(), [], generation: 1), now: 6)
    #expect(Fixtures.ids(model) == ["c", "e"])
  }

  @Test func theTickAsksForOtherProcessesChangesOnlyWithAStoreAndNotMoreOftenThanTheInterval() {
    var model = Fixtures.model()
    model.apply(.showHelp, now: 0)  // nothing counts as shown: only the check is left to see
    #expect(model.apply(.tick, now: 1) == [])  // no store: no marks ever arrived
    model.apply(.marksLoaded([]), now: 1)
    #expect(model.apply(.tick, now: 2) == [.checkMarkChanges])
    #expect(model.apply(.tick, now: 2 + Reading.checkInterval / 2) == [])
    #expect(model.apply(.tick, now: 2 + Reading.checkInterval) == [.checkMarkChanges])
  }

  @Test func openingARelatedItemThatIsALoadedArticleReadsThatArticle() {
    var model = Fixtures.model()
    model.apply(.focusPrevious, now: 0)  // related coverage of a
    model.apply(.move(.down), now: 0)  // "Storm story": article c
    let effects = model.apply(.openInBrowser, now: 3)
    #expect(effects == [.openURL("https://example.com/c"), .writeMarks([read("c", at: 3)])])
    #expect(!model.reading.isRead(0) && model.reading.isRead(2))
  }
}
