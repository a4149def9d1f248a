import Foundation
import Testing

@testable import NewsStore

/// The background writer: off the caller's thread, flushed at exit, its lifecycle visible.
@Suite struct MarkWriterTests {
  let now = 1_780_000_000.0

  @Test func queuedMarksAreWrittenWithoutAFlush() throws {
    let directory = try TemporaryDirectory()
    let store = try #require(StateStore.open(path: directory.file("state.sqlite"), now: now).store)
    let writer = MarkWriter(store: store)
    #expect(writer.phase == .running)
    for index in 0..<50 { #expect(writer.queue(MarkChange(id: "a\(index)", kind: .read, at: now))) }
    #expect(try eventually { try store.markCount() == 50 })
    #expect(eventually { writer.writtenCount == 50 && writer.pendingCount == 0 })
    #expect(writer.batchCount >= 1)
  }

  @Test func finishWritesTheRestThenRefuses() throws {
    let directory = try TemporaryDirectory()
    let store = try #require(StateStore.open(path: directory.file("state.sqlite"), now: now).store)
    let written = FailureLog()
    let writer = MarkWriter(store: store, onWritten: { batch in batch.forEach { written.record($0.id) } })
    for index in 0..<200 { writer.queue(MarkChange(id: "m\(index)", kind: .star, at: now)) }
    #expect(writer.finish() == 0)
    #expect(writer.phase == .finished)
    #expect(writer.writtenCount == 200)
    #expect(written.reasons == (0..<200).map { "m\($0)" })
    #expect(try store.marks().filter(\.isStarred).count == 200)
    #expect(writer.queue(MarkChange(id: "late", kind: .read, at: now)) == false)
    #expect(try store.markCount() == 200)
  }

  @Test func aFailingWriteIsReportedOnceAndKept() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("state.sqlite")
    do { StateStore.open(path: path, now: now).store?.close() }
    let pages = try #require(
      (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).map { $0 / 4096 })
    // Two pages of room: GRDB's WAL set-up needs one at open; the marks below need many more.
    let opening = StateStore.open(path: path, options: StoreOptions(maximumPageCount: pages + 2), now: now)
    #expect(opening.unsavedReason == nil)
    let store = try #require(opening.store)
    let failures = FailureLog()
    let writer = MarkWriter(store: store, retryDelay: 60, onFailure: failures.record)
    // Each mark alone is larger than the room left, however the writer batches them.
    let long = String(repeating: "q", count: 20_000)
    for index in 0..<100 { writer.queue(MarkChange(id: "\(index)-\(long)", kind: .read, at: now)) }
    writer.flush()
    writer.queue(MarkChange(id: "one-more-\(long)", kind: .read, at: now))
    writer.flush()
    #expect(failures.reasons == ["\(path): the disk is full"])
    #expect(writer.pendingCount == 101)
    #expect(writer.finish() == 101)
  }
}
