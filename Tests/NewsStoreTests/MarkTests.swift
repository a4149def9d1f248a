import Foundation
import Testing

@testable import NewsStore

/// Marks written and read back: each kind of change, repeats, and articles not loaded now.
@Suite struct MarkTests {
  let now = 1_780_000_000.0

  func store(_ directory: TemporaryDirectory) throws -> StateStore {
    try #require(StateStore.open(path: directory.file("state.sqlite"), now: now).store)
  }

  @Test func eachKindOfChange() throws {
    let directory = try TemporaryDirectory()
    let store = try store(directory)
    try store.apply([
      MarkChange(id: "a", url: "https://a.example/1", kind: .read, at: now),
      MarkChange(id: "b", kind: .star, at: now + 1),
      MarkChange(id: "c", kind: .read, at: now + 2),
      MarkChange(id: "c", kind: .star, at: now + 3),
    ])
    try store.apply([
      MarkChange(id: "c", kind: .unread, at: now + 4), MarkChange(id: "b", kind: .unstar, at: now + 5),
    ])
    let marks = try store.marks().sorted { $0.id < $1.id }
    #expect(
      marks == [
        ArticleMark(id: "a", url: "https://a.example/1", readAt: now),
        ArticleMark(id: "b"),
        ArticleMark(id: "c", starredAt: now + 3),
      ])
  }

  @Test func readingAgainKeepsTheFirstTimeAndTheURL() throws {
    let directory = try TemporaryDirectory()
    let store = try store(directory)
    try store.apply([MarkChange(id: "a", url: "https://a.example/1", kind: .read, at: now)])
    try store.apply([MarkChange(id: "a", kind: .read, at: now + 60)])
    #expect(try store.marks() == [ArticleMark(id: "a", url: "https://a.example/1", readAt: now)])
  }

  @Test func timesKeepMillisecondsExactly() throws {
    let directory = try TemporaryDirectory()
    let store = try store(directory)
    try store.apply([MarkChange(id: "a", kind: .read, at: now + 0.123_4)])
    #expect(try store.marks().first?.readAt == now + 0.123)
  }

  @Test func firstSeenCountsNewArticlesPerSession() throws {
    let directory = try TemporaryDirectory()
    let store = try store(directory)
    let first = try store.beginSession(now: now)
    #expect(first == ReadingSession(startedAt: now, previousStartedAt: nil))
    let loaded: [(id: String, url: String?)] = [("a", "https://a.example"), ("b", nil)]
    #expect(try store.recordFirstSeen(loaded, now: now + 1, session: first) == ["a", "b"])
    // A reload in the same session: still new, since no earlier session saw them.
    #expect(try store.recordFirstSeen(loaded, now: now + 30, session: first) == ["a", "b"])

    let second = try store.beginSession(now: now + 3600)
    #expect(second.previousStartedAt == now)
    let next: [(id: String, url: String?)] = [("a", nil), ("b", "https://b.example"), ("c", nil)]
    #expect(try store.recordFirstSeen(next, now: now + 3601, session: second) == ["c"])
    let marks = Dictionary(uniqueKeysWithValues: try store.marks().map { ($0.id, $0) })
    #expect(marks["a"] == ArticleMark(id: "a", url: "https://a.example", firstSeenAt: now + 1))
    #expect(marks["b"] == ArticleMark(id: "b", url: "https://b.example", firstSeenAt: now + 1))
    #expect(marks["c"]?.firstSeenAt == now + 3601)
  }

  @Test func marksOfArticlesNotLoadedAreKeptAndFirstSeenLater() throws {
    let directory = try TemporaryDirectory()
    let store = try store(directory)
    // `newsreader mark read ID` before any reader loaded the article.
    try store.apply([MarkChange(id: "gone", kind: .read, at: now)])
    let session = try store.beginSession(now: now + 10)
    #expect(try store.recordFirstSeen([("other", nil)], now: now + 10, session: session) == ["other"])
    #expect(try store.marks().first { $0.id == "gone" } == ArticleMark(id: "gone", readAt: now))
    // When it does come back it has its mark, and counts as first seen now.
    #expect(try store.recordFirstSeen([("gone", nil)], now: now + 20, session: session) == ["gone"])
    #expect(
      try store.marks().first { $0.id == "gone" }
        == ArticleMark(id: "gone", readAt: now, firstSeenAt: now + 20))
  }

  @Test func mergeIsAUnionThatKeepsEarlierTimesAndIsIdempotent() throws {
    let directory = try TemporaryDirectory()
    let store = try store(directory)
    try store.apply([
      MarkChange(id: "a", kind: .read, at: now + 100), MarkChange(id: "b", kind: .star, at: now),
    ])
    let incoming = [
      ArticleMark(id: "a", url: "https://a.example", readAt: now, firstSeenAt: now - 5),
      ArticleMark(id: "b", readAt: now + 7),
      ArticleMark(id: "new", starredAt: now + 9),
    ]
    #expect(try store.merge(incoming) == StateStore.MergeResult(merged: 3, changed: 3))
    #expect(try store.merge(incoming) == StateStore.MergeResult(merged: 3, changed: 0))
    let marks = try store.marks().sorted { $0.id < $1.id }
    #expect(
      marks == [
        ArticleMark(id: "a", url: "https://a.example", readAt: now, firstSeenAt: now - 5),
        ArticleMark(id: "b", readAt: now + 7, starredAt: now),
        ArticleMark(id: "new", starredAt: now + 9),
      ])
  }
}
