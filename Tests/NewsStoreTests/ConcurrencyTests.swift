import Foundation
import GRDB
import Testing

@testable import NewsStore

/// Two stores on one file, as two readers (or a reader and `newsreader mark`) in two processes are.
@Suite struct ConcurrencyTests {
  let now = 1_780_000_000.0

  @Test func twoPoolsWritingAtOnceLoseNothingAndNeverReportLocked() async throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    let first = try #require(StateStore.open(path: path, now: now).store)
    let second = try #require(StateStore.open(path: path, now: now).store)
    let perWriter = 400
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (name, store) in [("one", first), ("two", second)] {
        group.addTask {
          // Small transactions, as the background writer makes them, interleaving with the other pool.
          for index in 0..<perWriter {
            try store.apply([MarkChange(id: "\(name)-\(index)", kind: index % 2 == 0 ? .read : .star, at: 1)])
          }
        }
      }
      try await group.waitForAll()
    }
    #expect(try first.markCount() == 2 * perWriter)
    #expect(try second.marks().count == 2 * perWriter)
    #expect(try first.integrityCheck() == "ok")
  }

  @Test func otherPoolsWritesAreSeenOwnWritesAreNot() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    let reader = try #require(StateStore.open(path: path, now: now).store)
    let other = try #require(StateStore.open(path: path, now: now).store)

    // An empty write on the writer connection is a barrier: the check queued before it has run when it
    // returns. Opening `other` was a commit (its probe write), which the first check may or may not see
    // depending on when the reader took its first `data_version`: drain it without judging.
    func settledCheck() throws -> Bool {
      _ = reader.hasExternalChanges()
      try reader.pool.writeWithoutTransaction { _ in }
      return reader.hasExternalChanges()
    }
    _ = try settledCheck()
    _ = try settledCheck()
    // Own writes: a check runs after them and finds nothing.
    try reader.apply([MarkChange(id: "mine", kind: .read, at: now)])
    #expect(try settledCheck() == false)

    try other.apply([MarkChange(id: "theirs", kind: .star, at: now)])
    #expect(eventually { reader.hasExternalChanges() })
    #expect(try reader.marks().contains { $0.id == "theirs" && $0.isStarred })
    // Reported once: the next checks are quiet until another commit.
    #expect(try settledCheck() == false)
  }
}
