import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The release reader through its load index, start after start, in a cache directory of its own: the
/// first start parses every file and writes the index, the second reuses them all, and after one file is
/// edited on disk exactly that file is parsed again and its new title shows. A first load of many files
/// lists articles while it runs, and keeps the selected one selected as the rest arrive; the next start
/// lists every one of them from the listing beside the index before their records are decoded.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable(), "tmux is not installed"))
struct IndexJourneyTests {
  /// Starts the release reader on `fixture` with `cache` as XDG_CACHE_HOME and waits for `title`.
  private func start(_ fixture: ReaderFixture, cache: String, showing title: String) throws -> TmuxSession {
    let session = try TmuxSession(
      command: [try ReaderBuild.release.requireBinary(), "--theme", "monochrome", fixture.directory],
      columns: 120, rows: 30,
      environment: ["XDG_STATE_HOME": fixture.path("state"), "XDG_CACHE_HOME": cache])
    try session.waitFor(title)
    return session
  }

  /// Opens the `!` overlay, waits for the load's figures in its title, closes it and quits.
  private func expectSummary(_ summary: String, in session: TmuxSession) throws {
    try session.send("!")
    let screen = try session.waitFor("Load problems (0) · " + summary)
    #expect(screen.contains("Load problems (0) · " + summary))
    try session.send("Escape")
    try session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  /// The index files in `cache`.
  private static func indexFiles(in cache: String) -> [String] {
    let directory = cache + "/newsreader"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".nrindex") }.map { directory + "/" + $0 }
  }

  /// Nanoseconds since 1970 on the clock file times come from.
  private static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }

  /// The latest status change time among `paths`, in nanoseconds since 1970.
  private static func latestChange(_ paths: [String]) -> Int64 {
    var latest: Int64 = 0
    for path in paths {
      var info = stat()
      guard stat(path, &info) == 0 else { continue }
      latest = max(latest, Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }
    return latest
  }

  /// The title in the details pane (the selected article's), when the screen shows one of `Story NNNNN`.
  private static func detailsTitle(_ screen: String) -> String? {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    // The header, the panes' titles, then the details' first line: the title.
    guard lines.count > 2, let bar = lines[2].lastIndex(of: "│") else { return nil }
    let title = lines[2][lines[2].index(after: bar)...].trimmingCharacters(in: .whitespaces)
    return title.wholeMatch(of: /Story [0-9]{5}/) != nil ? title : nil
  }

  @Test func aFirstLoadListsArticlesWhileItRunsAndKeepsTheSelection() throws {
    // Enough files that the load takes a while on any machine this runs on (about 2 s here in release). A
    // first start (an empty cache) is the load that lists while it runs.
    let count = 40_000
    let fixture = try ReaderFixture(records: [:])
    defer { fixture.remove() }
    for index in 0..<count {
      // A minute apart, the last file newest: the files parsed last sort above those listed first.
      let day = index / 1440 + 1
      let time = String(format: "2026-01-%02dT%02d:%02d:00Z", day, index / 60 % 24, index % 60)
      let text =
        String(format: "---\ntitle: Story %05d\noriginalUrl: https://example.org/%d\n", index, index)
        + "publishedDateTime: \(time)\n---\n"
      try Data(text.utf8).write(to: URL(fileURLWithPath: fixture.path(String(format: "r%05d.txt", index))))
    }
    // The files older than the racy window of the index this start writes, so the next start finds every
    // one unchanged (see `secondStartIsWarmAndAnEditedFileIsTheOneParsed`).
    let settled = Self.now() + 1_100_000_000
    while Self.now() < settled { usleep(20_000) }
    let session = try TmuxSession(
      command: [try ReaderBuild.release.requireBinary(), "--theme", "monochrome", fixture.directory],
      columns: 120, rows: 30,
      environment: ["XDG_STATE_HOME": fixture.path("state"), "XDG_CACHE_HOME": fixture.path("cache")])
    defer { session.close() }
    // Some articles listed while the header still says the load runs, with a selected article's details.
    var selected: String? = nil
    try session.waitForScreen(timeout: 20, "articles listed while loading") { screen in
      let header = screen.split(separator: "\n").first.map(String.init) ?? ""
      guard header.contains("loading"), header.contains(" articles"), !header.contains("40,000 articles")
      else { return false }
      selected = Self.detailsTitle(screen)
      return selected != nil
    }
    let full = try session.waitForScreen(timeout: 60, "every article listed") { screen in
      let header = screen.split(separator: "\n").first.map(String.init) ?? ""
      return header.contains("40,000 articles") && !header.contains("loading")
    }
    #expect(Self.detailsTitle(full) == selected, "the article selected while loading is still selected")
    // The header's `row/count`: articles parsed later and newer were listed above the selected one.
    let row = full.firstMatch(of: /([0-9,]+)\/40,000/).map { Int($0.1.replacing(",", with: "")) ?? 0 } ?? 0
    #expect(row > 1, "the selected article's row moved down as newer ones arrived above it")
    // Quit at once: the reader still writes the index its first load made before it exits.
    try session.send("q")
    #expect(try session.waitForExit(timeout: 30) == 0)
    #expect(
      Self.indexFiles(in: fixture.path("cache")).count == 1, "a quit right after the load wrote the index")

    // The next start is warm: every article is listed at once from the listing beside the index, the header
    // saying the details are being read (the index's records decoding, most of a second at 40,000 here),
    // and then the records themselves.
    let warm = try TmuxSession(
      command: [try ReaderBuild.release.requireBinary(), "--theme", "monochrome", fixture.directory],
      columns: 120, rows: 30,
      environment: ["XDG_STATE_HOME": fixture.path("state"), "XDG_CACHE_HOME": fixture.path("cache")])
    defer { warm.close() }
    let listed = try warm.waitForScreen(timeout: 20, "every article listed from the listing") { screen in
      let header = screen.split(separator: "\n").first.map(String.init) ?? ""
      return header.contains("40,000 articles") && header.contains("reading details")
    }
    #expect(listed.contains("Reading the rest of the record"), "the details pane says its record is coming")
    #expect(!listed.contains("loading"))
    try warm.waitForScreen(timeout: 60, "the records whole") { screen in
      let header = screen.split(separator: "\n").first.map(String.init) ?? ""
      return header.contains("40,000 articles") && !header.contains("reading details")
        && !screen.contains("Reading the rest of the record")
    }
    try warm.send("q")
    #expect(try warm.waitForExit(timeout: 30) == 0)
  }

  @Test func secondStartIsWarmAndAnEditedFileIsTheOneParsed() throws {
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    let cache = fixture.path("cache")
    defer { fixture.remove() }
    let records = ReaderFixture.standardRecords.keys.sorted().map(fixture.path)
    // Files changed within a second of the load that wrote the index are parsed again at the next start
    // (git's racy rule), so the first start waits until the fixture is older than that: a clock condition,
    // polled, after which the second start must reuse every file.
    let settled = Self.latestChange(records) + 1_100_000_000
    while Self.now() < settled { usleep(20_000) }
    #expect(Self.indexFiles(in: cache).isEmpty, "a fresh cache directory has no index")

    let first = try start(fixture, cache: cache, showing: "Harbour tunnel opens to traffic")
    defer { first.close() }
    try first.waitFor("3 articles")
    try expectSummary("parsed 3, reused 0", in: first)
    // The reader writes the index after its load, at the latest when it quits.
    #expect(Self.indexFiles(in: cache).count == 1, "the first start wrote one index")

    let second = try start(fixture, cache: cache, showing: "Harbour tunnel opens to traffic")
    defer { second.close() }
    try second.waitFor("3 articles")
    try expectSummary("parsed 0, reused 3", in: second)

    let edited = try String(contentsOfFile: fixture.path("one.txt"), encoding: .utf8)
      .replacingOccurrences(of: "Harbour tunnel opens to traffic", with: "Harbour tunnel closes for repairs")
    try edited.write(toFile: fixture.path("one.txt"), atomically: false, encoding: .utf8)

    let third = try start(fixture, cache: cache, showing: "Harbour tunnel closes for repairs")
    defer { third.close() }
    let screen = try third.waitFor("3 articles")
    #expect(!screen.contains("Harbour tunnel opens to traffic"), "the old title is gone")
    try expectSummary("parsed 1, reused 2", in: third)
    #expect(Self.indexFiles(in: cache).count == 1, "the index was replaced, not added to")
  }
}
