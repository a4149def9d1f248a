import Foundation
import Testing

@testable import newsreader

/// Where a crash note goes, by the XDG base directory rules.
@Suite struct CrashNoteTests {
  let date = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14T22:13:20Z

  @Test func stateHomeWinsOverHome() {
    let path = CrashNote.path(
      environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"], processID: 42, date: date)
    #expect(path == "/s/newsreader/crash-20231114T221320Z-42.txt")
  }

  @Test func homeWhenStateHomeIsUnsetEmptyOrRelative() {
    for state in [nil, "", "relative/state", "/s\u{1b}]0;x\u{07}"] {
      var environment = ["HOME": "/h"]
      environment["XDG_STATE_HOME"] = state
      #expect(
        CrashNote.path(environment: environment, processID: 7, date: date)
          == "/h/.local/state/newsreader/crash-20231114T221320Z-7.txt")
    }
  }

  @Test func noNoteWithoutAnAbsoluteDirectory() {
    #expect(CrashNote.path(environment: [:], processID: 7, date: date) == nil)
    #expect(CrashNote.path(environment: ["HOME": "~"], processID: 7, date: date) == nil)
    #expect(CrashNote.path(environment: ["HOME": "/h\u{1b}[2J"], processID: 7, date: date) == nil)
  }
}
