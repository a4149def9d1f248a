import Foundation
import ReaderState
import ReaderView
import ScreenKit
import Testing

@testable import newsreader

/// The query history file: where it lives, and the effects that read and append it off the run loop.
@Suite struct SearchHistoryTests {
  static func privateDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "newsreader-history-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func theFileFollowsXDGStateHomeElseHome() {
    #expect(
      SearchHistoryFile(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path
        == "/s/newsreader/search-history")
    // A relative XDG_STATE_HOME is invalid and ignored, as the specification says.
    #expect(
      SearchHistoryFile(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]).path
        == "/h/.local/state/newsreader/search-history")
    #expect(SearchHistoryFile(environment: [:]).path == nil)
  }

  @Test func appendedQueriesAreReadBackOldestFirst() throws {
    let directory = try Self.privateDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = SearchHistoryFile(environment: ["XDG_STATE_HOME": directory])
    #expect(file.read().isEmpty)
    #expect(file.append("storm topic:\"Weather\""))
    #expect(file.append("two\nlines"))
    #expect(file.read() == ["storm topic:\"Weather\"", "two lines"])
  }

  @Test func theEffectsAppendAndLoadInTheBackground() throws {
    let directory = try Self.privateDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var performer = EffectPerformerTests.performer()
    performer.searchHistory = SearchHistoryFile(path: directory + "/deeper/search-history")
    let runner = EffectRunner(handler: performer.perform)
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    let inbox = ActionInbox()
    #expect(runner.run(.recordSearch("cafe"), screen: screen, inbox: inbox).isEmpty)
    // The append runs on its own thread: poll for the file, then load it through the other effect.
    let deadline = Date().addingTimeInterval(10)
    while performer.searchHistory.read().isEmpty && Date() < deadline { usleep(2_000) }
    #expect(runner.run(.loadSearchHistory, screen: screen, inbox: inbox).isEmpty)
    let actions = EffectPerformerTests.collect(inbox) { !$0.isEmpty }
    #expect(actions == [.searchHistoryLoaded(["cafe"])])
  }
}
