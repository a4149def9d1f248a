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
