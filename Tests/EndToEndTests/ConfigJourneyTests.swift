import Foundation
import Testing

/// The reader with a config file: what it applies, and that a broken config never stops it.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable(), "tmux is not installed"))
struct ConfigJourneyTests {
  @Test func aBrokenConfigStartsTheReaderWithItsGoodPartsAndListsTheProblems() throws {
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    defer { fixture.remove() }
    // The config names the records (no path on the command line), sorts by title, and has two problems.
    let config = fixture.path("config.yaml")
    try Data("paths: [\"\(fixture.directory)\"]\nsort: title\nthme: light\nmouse: 3\n".utf8)
      .write(to: URL(fileURLWithPath: config))
    let session = try TmuxSession(
      command: [ReaderFixture.binary, "--theme", "monochrome", "--config", config], columns: 160, rows: 40,
      environment: ["XDG_CONFIG_HOME": fixture.directory])
    defer { session.close() }

    // Sorted by title, "Council approves bike lanes" comes first and its details show.
    try session.waitFor("Eleven kilometres of protected lanes")
    try session.send("!")
    try session.waitFor("unknown setting \"thme\"; did you mean \"theme\"?")
    try session.waitFor("mouse: expected true or false, found \"3\"")
    try session.send("q", "q")
    #expect(try session.waitForExit() == 0)
  }
}
