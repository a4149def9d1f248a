import Foundation
import NewsCore
import Testing

/// The walk decides from directory entries which files are records: links, hard links, hidden entries and
/// special files must give each record exactly once, in byte order of the paths.
@Suite struct FileWalkerTests {
  /// A fresh directory under the temporary directory, removed by `remove`.
  struct Tree {
    let root: String
    let manager = FileManager.default

    init(_ label: String) throws {
      root =
        FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-\(label)-\(UUID())").path
      try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func record(_ relative: String, title: String) throws {
      let path = root + "/" + relative
      try manager.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try "---\ntitle: \(title)\n---\n".write(toFile: path, atomically: false, encoding: .utf8)
    }

    func link(_ relative: String, to destination: String) throws {
      try manager.createSymbolicLink(atPath: root + "/" + relative, withDestinationPath: destination)
    }

    func remove() { try? manager.removeItem(atPath: root) }
  }

  func relativePaths(_ result: LoadResult) -> [String] { result.articles.map(\.source.relativePath) }

  @Test func symlinkedDirectoryOutsideTheRootIsWalkedUnderTheLinkName() throws {
    let outside = try Tree("outside")
    defer { outside.remove() }
    try outside.record("inner/x.txt", title: "X")
    let tree = try Tree("linkdir")
    defer { tree.remove() }
    try tree.record("a.txt", title: "A")
    try tree.link("b", to: outside.root + "/inner")
    let result = SeedLoader().load(paths: [tree.root])
    #expect(relativePaths(result) == ["a.txt", "b/x.txt"])
    #expect(result.articles.map(\.title) == ["A", "X"])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func directoryLinkedTwiceInsideTheRootIsWalkedOnce() throws {
    let tree = try Tree("twice")
    defer { tree.remove() }
    try tree.record("b/x.txt", title: "X")
    try tree.link("a", to: tree.root + "/b")  // sorts first, so the link's name is the one kept
    try tree.link("c", to: "b")
    let result = SeedLoader(options: LoadOptions(concurrency: 1)).load(paths: [tree.root])
    #expect(relativePaths(result) == ["a/x.txt"])
  }

  @Test func symlinkLoopsEndAndDanglingLinksAreNotRecords() throws {
    let tree = try Tree("loops")
    defer { tree.remove() }
    try tree.record("d/e/r.txt", title: "R")
    try tree.link("d/e/up", to: "..")
    try tree.link("d/e/root", to: tree.root)
    try tree.link("ping", to: "pong")
    try tree.link("pong", to: "ping")
    try tree.link("dangling.txt", to: tree.root + "/nowhere.txt")
    let result = SeedLoader().load(paths: [tree.root])
    #expect(relativePaths(result) == ["d/e/r.txt"])
    // Links back up are not followed, and say so; a dangling link named like a record gets a note.
    #expect(
      result.diagnostics.map { "\($0.severity.rawValue): \($0.path.dropFirst(tree.root.count))" } == [
        "note: /dangling.txt", "warning: /d/e/root", "warning: /d/e/up",
      ])
    #expect(result.fileCount == 1)
  }

  @Test func fileReachedThroughLinksOrHardLinksLoadsOnce() throws {
    let tree = try Tree("samefile")
    defer { tree.remove() }
    try tree.record("m/real.txt", title: "Real")
    try tree.link("a-link.txt", to: "m/real.txt")  // first in byte order: its name is the one kept
    try tree.link("z-link.yaml", to: tree.root + "/m/real.txt")
    try tree.manager.linkItem(atPath: tree.root + "/m/real.txt", toPath: tree.root + "/m/hard.txt")
    try tree.link("m/z-link-to-link.md", to: "../a-link.txt")
    let result = SeedLoader().load(paths: [tree.root])
    #expect(relativePaths(result) == ["a-link.txt"])
    #expect(result.fileCount == 1)
    // Opening the file and a link to it together still gives it once.
    let both = SeedLoader().load(paths: [tree.root + "/m/real.txt", tree.root + "/m"])
    #expect(both.articles.map(\.source.relativePath) == ["real.txt"])
  }

  @Test func hiddenEntriesOfEveryKindAreSkipped() throws {
    let tree = try Tree("hidden")
    defer { tree.remove() }
    try tree.record("v.txt", title: "Visible")
    try tree.record(".h.txt", title: "Hidden file")
    try tree.record(".dir/in.txt", title: "In hidden directory")
    try tree.record("sub/.deep.txt", title: "Hidden deeper")
    try tree.link(".link.txt", to: "v.txt")
    try tree.link(".linkdir", to: "sub")
    let result = SeedLoader().load(paths: [tree.root])
    #expect(result.articles.map(\.title) == ["Visible"])
    #expect(result.fileCount == 1)
  }

  @Test func onlyRecordFilesAreReadAndDirectoriesAreNeverFiles() throws {
    let tree = try Tree("kinds")
    defer { tree.remove() }
    try tree.record("UPPER.TXT", title: "Upper")
    try tree.record("notes.json", title: "Not a record name")
    try tree.record("dir.txt/inner.yml", title: "Inner")
    try tree.link("linked-dir.md", to: "dir.txt")
    #expect(mkfifo(tree.root + "/fifo.txt", 0o600) == 0)  // opening it would block the load
    let result = SeedLoader(options: LoadOptions(concurrency: 1)).load(paths: [tree.root])
    #expect(relativePaths(result) == ["UPPER.TXT", "dir.txt/inner.yml"])
    #expect(result.diagnostics.map(\.message) == ["a FIFO, not a regular file; skipped"])
  }

  @Test func walkOrderIsByteOrder() throws {
    let tree = try Tree("order")
    defer { tree.remove() }
    for name in ["b.txt", "B.txt", "a/z.txt", "a.txt", "é.txt", "e.txt", "ab.txt"] {
      try tree.record(name, title: name)
    }
    let result = SeedLoader().load(paths: [tree.root])
    #expect(relativePaths(result) == ["B.txt", "a/z.txt", "a.txt", "ab.txt", "b.txt", "e.txt", "é.txt"])
  }
}
