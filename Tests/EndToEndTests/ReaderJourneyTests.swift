import Foundation
import Testing

/// The real binary in a real terminal (tmux on a private server), driven by keystrokes.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable(), "tmux is not installed"))
struct ReaderJourneyTests {
  /// Starts the reader on the standard fixture at `columns` x `rows` and waits for its first screen.
  private func open(
    columns: Int = 120, rows: Int = 40, records: [String: String] = ReaderFixture.standardRecords,
    arguments: [String] = [], environment: [String: String] = [:]
  ) throws -> (TmuxSession, ReaderFixture) {
    let fixture = try ReaderFixture(records: records)
    let session = try TmuxSession(
      command: [ReaderFixture.binary, "--theme", "monochrome"] + arguments + [fixture.directory],
      columns: columns, rows: rows, environment: environment)
    return (session, fixture)
  }

  @Test func browseSwitchPanesAndQuitCleanly() throws {
    let (session, fixture) = try open()
    defer {
      session.close()
      fixture.remove()
    }
    // Newest first: the harbour article is selected and its details and related coverage show.
    try session.waitFor("The tunnel under the harbour opened")
    try session.waitFor("Tunnel traffic lighter than forecast")

    try session.send("j")
    try session.waitFor("気象庁は東京の桜が満開になったと発表した。")
    try session.send("j")
    try session.waitFor("Eleven kilometres of protected lanes")
    try session.send("k", "k")
    try session.waitFor("The tunnel under the harbour opened")

    // Into the related coverage: the details follow the related item.
    try session.send("Tab", "Tab")
    try session.waitFor("First-day counts were below the forecast.")

    try session.send("q")
    #expect(try session.waitForExit() == 0)
    #expect(session.terminalModesRestored())
    let after = try session.screen()
    #expect(!after.contains("Harbour tunnel opens"), "the reader's screen must be gone after quitting")
  }

  @Test func topicShortcutAndSearchNarrowTheList() throws {
    let (session, fixture) = try open()
    defer {
      session.close()
      fixture.remove()
    }
    try session.waitFor("Council approves bike lanes")
    // Topics are numbered by frequency: Transport (2 articles) is 1.
    try session.send("1")
    try session.waitForScreen("only Transport articles listed") {
      $0.contains("Council approves bike lanes") && $0.contains("Harbour tunnel opens")
        && !$0.contains("東京の桜、例年より早く満開")
    }
    try session.send("T")
    try session.waitFor("東京の桜、例年より早く満開")

    try session.send("/")
    try session.type("桜")
    try session.waitForScreen("only the sakura article listed") {
      $0.contains("東京の桜、例年より早く満開") && !$0.contains("Council approves bike lanes")
    }
    try session.send("Escape")
    try session.waitFor("Council approves bike lanes")
    try session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test func copyPutsExactlyTheOriginalURLOnTheClipboard() throws {
    let (session, fixture) = try open()
    defer {
      session.close()
      fixture.remove()
    }
    try session.waitFor("The tunnel under the harbour opened")
    try session.send("y")
    let deadline = Date().addingTimeInterval(10)
    var copied: String?
    while Date() < deadline {
      copied = try session.clipboard()
      if copied != nil { break }
      usleep(20_000)
    }
    #expect(copied == "https://example.org/e2e/harbour-tunnel")
    try session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test func resizingRelaysOutAndKeepsTheSelection() throws {
    let (session, fixture) = try open()
    defer {
      session.close()
      fixture.remove()
    }
    try session.waitFor("Harbour tunnel opens")
    try session.send("j")
    try session.waitFor("気象庁は東京の桜が満開になったと発表した。")
    try session.resize(columns: 80, rows: 24)
    try session.waitForScreen("an 80-column layout") { screen in
      screen.split(separator: "\n").allSatisfy { $0.count <= 80 } && screen.contains("東京の桜")
    }
    try session.resize(columns: 30, rows: 8)
    try session.waitFor("too small")
    try session.resize(columns: 200, rows: 60)
    try session.waitFor("気象庁は東京の桜が満開になったと発表した。")
    try session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test func noColorDrawsWithAttributesOnly() throws {
    /// Whether an SGR sequence on the screen sets a foreground or background colour.
    func hasColor(_ screen: String) -> Bool {
      screen.split(separator: "\u{1b}").contains { sequence in
        guard sequence.hasPrefix("["), let end = sequence.firstIndex(of: "m") else { return false }
        let parameters = sequence[sequence.index(after: sequence.startIndex)..<end].split(separator: ";")
        return parameters.contains { parameter in
          guard let value = Int(parameter) else { return false }
          return (30...48).contains(value) && value != 39 || (90...107).contains(value)
        }
      }
    }
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    defer { fixture.remove() }
    for noColor in [false, true] {
      let session = try TmuxSession(
        command: [ReaderFixture.binary, "--theme", "dark", fixture.directory], columns: 120, rows: 40,
        environment: noColor ? ["NO_COLOR": "1"] : [:])
      defer { session.close() }
      try session.waitFor("Harbour tunnel opens")
      let styled = try session.styledScreen()
      #expect(hasColor(styled) == !noColor, "NO_COLOR=\(noColor ? "1" : "unset")")
      // Without colour the selection is still marked: reverse video (SGR 7).
      if noColor { #expect(styled.contains("\u{1b}[7m") || styled.contains(";7m") || styled.contains("[7;")) }
      try session.send("q")
      #expect(try session.waitForExit() == 0)
    }
  }

  @Test func controlLRepaintsAScreenAnotherProgramWroteOver() throws {
    let (session, fixture) = try open()
    defer {
      session.close()
      fixture.remove()
    }
    try session.waitFor("The tunnel under the harbour opened")
    try session.writeToTerminal("\u{1b}[5;60HSTRAY OUTPUT FROM ANOTHER PROGRAM")
    try session.waitFor("STRAY OUTPUT")
    try session.send("C-l")
    try session.waitForScreen("the stray text repainted over") {
      !$0.contains("STRAY OUTPUT") && $0.contains("The tunnel under the harbour opened")
    }
    try session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test func closingTheTerminalEndsTheReader() throws {
    let (session, fixture) = try open()
    defer { fixture.remove() }
    try session.waitFor("Harbour tunnel opens")
    let pids = try session.programPIDs()
    session.close()  // the terminal goes away under the reader, as when a terminal window is closed
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline, pids.contains(where: TmuxSession.isRunning) { usleep(20_000) }
    let left = pids.filter(TmuxSession.isRunning)
    for pid in left { kill(pid, SIGKILL) }
    #expect(left.isEmpty, "the reader kept running without its terminal")
  }

  @Test func hostileTitleCannotWriteTheClipboardOrTheScreen() throws {
    // The record's title carries an OSC 52 clipboard write and a colour sequence.
    let hostile = """
      ---
      title: "Pwn \\e]52;c;cHduZWQ=\\a title \\e[31mred\\e[0m end"
      excerpt: "bell \\a and \\e[2J clear"
      webUrl: "https://example.org/e2e/hostile"
      ---
      """
    let (session, fixture) = try open(records: ["hostile.txt": hostile])
    defer {
      session.close()
      fixture.remove()
    }
    let screen = try session.waitFor("title red end")
    #expect(!screen.contains("52;c"))
    #expect(try session.clipboard() == nil)
    try session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test func openRunsTheBrowserWithTheURLAsOneArgument() throws {
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    let browser = fixture.path("browser.sh")
    let received = fixture.path("received")
    try Data("#!/bin/sh\nprintf '%s' \"$1\" > '\(received)'\n".utf8).write(to: URL(fileURLWithPath: browser))
    chmod(browser, 0o755)
    let session = try TmuxSession(
      command: [ReaderFixture.binary, "--theme", "monochrome", fixture.directory], columns: 120, rows: 40,
      environment: ["BROWSER": browser])
    defer {
      session.close()
      fixture.remove()
    }
    try session.waitFor("Harbour tunnel opens")
    try session.send("o")
    let deadline = Date().addingTimeInterval(10)
    var url: String?
    while Date() < deadline {
      url = try? String(contentsOfFile: received, encoding: .utf8)
      if url != nil && url != "" { break }
      usleep(20_000)
    }
    #expect(url == "https://example.org/e2e/harbour-tunnel")
    try session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test(arguments: [(80, 24), (200, 60)])
  func seedsOpenWithWideCharactersIntact(columns: Int, rows: Int) throws {
    let session = try TmuxSession(
      command: [ReaderFixture.binary, ReaderFixture.packageRoot + "/seeds"], columns: columns, rows: rows)
    defer { session.close() }
    try session.waitFor("Flu vaccination starts in schools")
    try session.send("/")
    try session.type("茶")
    let screen = try session.waitFor("春茶开采")
    // Every row fits the terminal: a garbled wide character would push text past the edge and wrap.
    for line in screen.split(separator: "\n", omittingEmptySubsequences: false) {
      #expect(line.count <= columns)
    }
    try session.send("Escape", "q")
    #expect(try session.waitForExit() == 0)
  }
}
