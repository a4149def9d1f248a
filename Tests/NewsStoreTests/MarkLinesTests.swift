import Foundation
import Testing

@testable import NewsStore

/// The JSON-lines export format: exact round trips and bad lines named by number.
@Suite struct MarkLinesTests {
  @Test func lineHasFixedKeyOrderAndISOTimes() {
    let mark = ArticleMark(
      id: "id-1", url: "https://example.com/a?b=\"c\"", readAt: 1_780_000_000.25, starredAt: nil,
      firstSeenAt: 0)
    #expect(
      MarkLines.line(mark)
        == #"{"id":"id-1","url":"https://example.com/a?b=\"c\"","readAt":"2026-05-28T20:26:40.250Z","firstSeenAt":"1970-01-01T00:00:00.000Z"}"#
    )
  }

  @Test func isoFormattingAgreesWithFoundation() {
    for seconds in [0, 951_782_400.5, 1_709_208_000.999, 4_102_444_799.0, -86_400.0] {
      let text = MarkLines.iso8601(seconds)
      #expect(MarkLines.seconds(fromISO8601: text) == (seconds * 1000).rounded() / 1000, "\(text)")
    }
    #expect(MarkLines.iso8601(951_782_400) == "2000-02-29T00:00:00.000Z")
    #expect(MarkLines.seconds(fromISO8601: "2026-01-31T13:30:00+01:30") == 1_769_860_800)
    #expect(MarkLines.seconds(fromISO8601: "2026-01-31 12:00:00.5z") == 1_769_860_800.5)
    for bad in ["2026-01-31", "2026-13-01T00:00:00Z", "2026-01-31T12:00:00", "2026-01-31T12:00:00.Z", "x"] {
      #expect(MarkLines.seconds(fromISO8601: bad) == nil, "\(bad)")
    }
  }

  @Test func roundTripThroughAStore() throws {
    let directory = try TemporaryDirectory()
    let source = try #require(StateStore.open(path: directory.file("a.sqlite"), now: 0).store)
    _ = try source.merge([
      ArticleMark(id: "a", url: "https://a.example", readAt: 1_700_000_000.5),
      ArticleMark(id: "b\u{1}\"é", starredAt: 1_700_000_001, firstSeenAt: 1_600_000_000.001),
      ArticleMark(id: "c", firstSeenAt: 1_700_000_002),
    ])
    let text = try source.marks().map(MarkLines.line).joined(separator: "\n") + "\n"
    let parsed = MarkLines.parse(text)
    #expect(parsed.bad.isEmpty)
    let target = try #require(StateStore.open(path: directory.file("b.sqlite"), now: 0).store)
    #expect(try target.merge(parsed.marks).changed == 3)
    #expect(try target.merge(parsed.marks).changed == 0)
    #expect(Set(try target.marks()) == Set(try source.marks()))
  }

  @Test func badLinesAreNamedAndGoodOnesKept() {
    let text = """
      {"id":"good-1","readAt":"2026-01-31T12:00:00Z"}

      not json
      {"url":"https://no.id"}
      {"id":"bad-time","readAt":"yesterday"}
      {"id":"bad-url","url":7}
      ["id"]
      {"id":"good-2","starredAt":"2026-01-31T12:00:00.500Z","readAt":null}\r
      """
    let parsed = MarkLines.parse(text)
    #expect(parsed.marks.map(\.id) == ["good-1", "good-2"])
    #expect(parsed.marks[1].starredAt == 1_769_860_800.5)
    #expect(
      parsed.bad.map(\.description) == [
        "line 3: not a JSON object",
        "line 4: no \"id\" string",
        "line 5: \"readAt\" is not an ISO 8601 time such as 2026-01-31T12:00:00Z",
        "line 6: \"url\" is not a string",
        "line 7: not a JSON object",
      ])
  }
}
