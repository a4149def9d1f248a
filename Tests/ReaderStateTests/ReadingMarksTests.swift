import ReaderState
import Testing

/// The marks as the program builds them off the run loop, from a store's reading function.
@Suite struct ReadingMarksTests {
  @Test func aReadingFunctionsMarksAreKeptByIDAndRoomIsMadeForTheAnnouncedCount() {
    var announced: [Int] = []
    let marks = ReadingMarks { expect, body in
      expect(3)
      announced.append(3)
      body("a", 1, nil)
      body("b", nil, 2)
      body("c", 3, 4)
    }
    #expect(announced == [3])
    #expect(marks.count == 3)
    #expect(marks.byID["a"] == ReadingMark(id: "a", readAt: 1))
    #expect(marks.byID["b"] == ReadingMark(id: "b", starredAt: 2))
    #expect(marks.byID["c"] == ReadingMark(id: "c", readAt: 3, starredAt: 4))
    #expect(marks.byID.capacity >= 3)
  }

  @Test func aMarkWithNeitherTimeIsNotKeptAndALaterOneReplacesAnEarlierOne() {
    var marks: ReadingMarks = [ReadingMark(id: "a", readAt: 1), ReadingMark(id: "b")]
    #expect(marks.byID.keys.sorted() == ["a"])
    marks.add(id: "a", readAt: nil, starredAt: 5)
    #expect(marks.byID == ["a": ReadingMark(id: "a", starredAt: 5)])
    marks.add(id: "a", readAt: nil, starredAt: nil)
    #expect(marks.byID.isEmpty)
  }
}

/// Marks re-read from the store while this reader keeps marking: the reader's own marks the read did
/// not include are applied again on top, those it did include give way to the store.
@Suite struct ReadingRereadTests {
  @Test func aMarkMadeWhileTheStoreWasReadIsNotUndoneOnScreen() {
    var model = Fixtures.model()
    model.apply(.marksLoaded([]), now: 0)
    // The star is asked to be saved (write 1); the store is read before the writer has it.
    #expect(model.apply(.toggleStar, now: 5).count == 1)
    #expect(model.reading.writesAsked == 1 && model.reading.unconfirmedWrites.count == 1)
    var stale: ReadingMarks = [ReadingMark(id: "b", readAt: 4)]  // another reader read b
    stale.savedWrites = 0
    expectApply(&model, .marksLoaded(stale), now: 6) {
      $0.reading.receive(stale, catalog: $0.listing.catalog)
    }
    #expect(model.reading.isStarred == [true, false, false, false, false])
    #expect(model.reading.isRead == [false, true, false, false, false])
    #expect(model.reading.marks["a"] == ReadingMark(id: "a", starredAt: 5))
    #expect(model.reading.unconfirmedWrites.count == 1)

    // A later read that includes write 1 is the truth, even when it says another process unstarred a.
    var current: ReadingMarks = [ReadingMark(id: "b", readAt: 4)]
    current.savedWrites = 1
    model.apply(.marksLoaded(current), now: 7)
    #expect(
      model.reading.isStarred == [false, false, false, false, false] && model.reading.starredCount == 0)
    #expect(model.reading.unconfirmedWrites.isEmpty && model.reading.writesAsked == 1)
  }

  @Test func anUnreadMadeWhileTheStoreWasReadStaysUnread() {
    var model = Fixtures.model()
    model.apply(.marksLoaded([ReadingMark(id: "b", readAt: 1)]), now: 0)
    model.apply(.move(.down), now: 1)
    model.apply(.toggleRead, now: 2)  // b unread: write 1
    model.apply(.toggleRead, now: 3)  // b read again: write 2
    model.apply(.toggleRead, now: 4)  // b unread: write 3
    var stale: ReadingMarks = [ReadingMark(id: "b", readAt: 3)]  // had writes 1 and 2
    stale.savedWrites = 2
    model.apply(.marksLoaded(stale), now: 5)
    #expect(!model.reading.isRead(1) && model.reading.unreadCount == 5 && model.reading.marks["b"] == nil)
    #expect(model.reading.unconfirmedWrites.map(\.kind) == [.unread])
  }
}
