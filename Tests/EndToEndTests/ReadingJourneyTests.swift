import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Reading state across runs of the release binary: what was read stays read, what was starred keeps
/// its star, and the reader's header agrees with `list`.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable(), "tmux is not installed"))
struct ReadingJourneyTests {
  /// The row of the article list whose title starts with `title` (the list is the left pane).
  private func row(_ title: String, in screen: String) -> String? {
    screen.split(separator: "\n").map(String.init).first {
      $0.contains(title) && !$0.hasPrefix(" newsreader")
    }
  }

  /// "N unread" from the header.
  private func headerCount(_ word: String, in screen: String) -> Int? {
    guard let header = screen.split(separator: "\n").first else { return nil }
    let words = header.split(separator: " ")
    guard let position = words.firstIndex(where: { $0 == word }), position > 0 else { return 0 }
    return Int(words[position - 1])
  }

  @Test func readAndStarredSurviveARestartAndTheHeaderAgreesWithList() throws {
    let binary = try ReaderBuild.release.requireBinary()
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    defer { fixture.remove() }
    let state = fixture.path("state.sqlite")
    let command = [binary, "--state", state, "--theme", "monochrome", fixture.directory]

    do {
      let session = try TmuxSession(command: command, columns: 120, rows: 40)
      defer { session.close() }
      try session.waitFor("Harbour tunnel opens")
      // The first article, shown in the details pane for 1.5 s, becomes read.
      try session.waitFor("2 unread")
      // The last one gets a star.
      try session.send("G")
      try session.waitForScreen("the last article selected") { $0.contains("3/3") }
      try session.send("F")
      try session.waitFor("1 starred")
      try session.send("q")
      #expect(try session.waitForExit() == 0)
    }

    let session = try TmuxSession(command: command, columns: 120, rows: 40)
    defer { session.close() }
    // Counted once the marks have arrived: the star is the one sign of that on this screen. They arrive
    // after the list (the state is read off the run loop), and tmux may be caught between the header's
    // update and the rows': wait for both.
    let screen = try session.waitForScreen("the marks of the first run") {
      $0.contains("Harbour tunnel opens") && $0.contains("1 starred") && $0.contains("★ Council approves")
    }
    let harbour = try #require(row("Harbour tunnel", in: screen))
    let bikes = try #require(row("Council approves", in: screen))
    #expect(!harbour.hasPrefix("•"), "read: no unread marker\n\(session.framed(screen))")
    #expect(bikes.contains("★ Council approves"), "starred\n\(session.framed(screen))")
    // Not bold either (tmux shows bold as SGR 1) once the selection, which is bold itself, has moved on.
    try session.send("j")
    try session.waitFor("2/3")
    let styled = try session.styledScreen()
    let harbourStyled = try #require(row("Harbour tunnel", in: styled))
    // Up to its title (the "+1" after it and the details pane beside it have bold of their own).
    let harbourLead = try #require(harbourStyled.components(separatedBy: "Harbour tunnel").first)
    #expect(!harbourLead.contains("\u{1B}[1m"), "bold: \(harbourStyled.debugDescription)")

    // The header counts agree with `list --unread --format json` on the same state file.
    let unreadListed = try listCount(binary, ["--unread"], state: state, directory: fixture.directory)
    let starredListed = try listCount(binary, ["--starred"], state: state, directory: fixture.directory)
    #expect(headerCount("unread", in: screen) == unreadListed, "\(session.framed(screen))")
    #expect(headerCount("starred", in: screen) == starredListed && starredListed == 1)
    #expect(unreadListed <= 2)  // at least the first article is read
    try session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  /// The number of articles `newsreader list … --format json` prints.
  private func listCount(_ binary: String, _ filters: [String], state: String, directory: String) throws
    -> Int
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["list", directory, "--format", "json", "--state", state] + filters
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let json = try JSONSerialization.jsonObject(with: data)
    if let array = json as? [Any] { return array.count }
    if let object = json as? [String: Any], let articles = object["articles"] as? [Any] {
      return articles.count
    }
    throw TmuxFailure(description: "unexpected list output: \(String(decoding: data, as: UTF8.self))")
  }
}
