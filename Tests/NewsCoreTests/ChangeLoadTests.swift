import Foundation
import NewsCore
import Testing

/// Loads of only the files a watcher names: the catalog they update must hold what a full load of the same
/// files gives, with only the named files parsed.
@Suite struct ChangeLoadTests {
  typealias Scratch = IndexedLoadTests.Scratch
  let loader = SeedLoader()

  /// What identifies a loaded record and what it says, in a comparable form.
  private func records(_ articles: [Article]) -> [String] {
    articles.map { "\($0.id) \($0.source.path) \($0.source.relativePath) \($0.item.title ?? "")" }.sorted()
  }

  /// A full load of `root` and the index it leaves, aged past the racy window as a real one would be.
  private func fullLoad(_ root: String) -> (ArticleCatalog, LoadedFiles) {
    let load = loader.load(paths: [root], reusing: nil)
    var index = load.updatedIndex!
    index.writtenAt += 2 * LoadIndex.racyWindow
    return (ArticleCatalog(articles: load.result.articles), LoadedFiles(index: index))
  }

  @Test func writtenRemovedAndNewDirectoriesGiveWhatAFullLoadGives() throws {
    let scratch = try Scratch()
    let root = scratch.root
    for name in ["a.txt", "b.txt", "sub/c.txt", "sub/d.txt", "old/e.txt"] {
      try scratch.write(name, title: "first \(name)")
    }
    let (catalog, files) = fullLoad(root)
    #expect(catalog.articles.count == 5)

    try scratch.write("a.txt", title: "edited a")
    try FileManager.default.removeItem(atPath: root + "/sub/c.txt")
    try scratch.write("sub/new.md", title: "arrived")
    try scratch.write("later/deeper/f.yaml", title: "moved in")
    try FileManager.default.removeItem(atPath: root + "/old")
    // Written, but no change names it: a change load must not see it (a full load would).
    let changes = FileChanges(
      files: [root + "/a.txt", root + "/sub/c.txt", root + "/sub/new.md"],
      directories: [root + "/later", root + "/old"])
    let read = try #require(loader.loadChanges(changes, roots: [root], from: files))
    #expect(read.parsedFileCount == 3, "a, new and f: nothing else is parsed")
    #expect(read.removedFileCount == 2)
    let change = catalog.applying(read.files, prepare: .newest)
    #expect(records(change.catalog.articles) == records(loader.load(paths: [root]).articles))
    #expect(change.addedIDs.count == 2)
    #expect(change.removedIDs.count == 2)
    #expect(change.changedCount == 1)

    // The index kept reflects the files now: a start from it parses nothing that did not change since.
    var kept = read.loadedFiles.index
    kept.writtenAt += 2 * LoadIndex.racyWindow
    let warm = loader.load(paths: [root], reusing: kept)
    #expect(warm.result.parsedFileCount == 0)
    #expect(records(warm.result.articles) == records(change.catalog.articles))
  }

  @Test func aFileWhoseStampDidNotChangeIsNotParsedAgain() throws {
    let scratch = try Scratch()
    try scratch.write("a.txt", title: "same")
    let (catalog, files) = fullLoad(scratch.root)
    let read = try #require(
      loader.loadChanges(FileChanges(files: [scratch.root + "/a.txt"]), roots: [scratch.root], from: files))
    #expect(read.parsedFileCount == 0)
    #expect(read.files.isEmpty)
    #expect(catalog.applying(read.files, prepare: .newest).reread.isEmpty)
  }

  @Test func aFileOpenedByItselfIsFoundUnderItsOwnPath() throws {
    let scratch = try Scratch()
    try scratch.write("only.txt", title: "before")
    let path = scratch.root + "/only.txt"
    let load = loader.load(paths: [path], reusing: nil)
    let catalog = ArticleCatalog(articles: load.result.articles)
    try scratch.write("only.txt", title: "after")
    let read = try #require(
      loader.loadChanges(
        FileChanges(files: [path]), roots: [path], from: LoadedFiles(index: load.updatedIndex!)))
    let change = catalog.applying(read.files, prepare: .newest)
    #expect(records(change.catalog.articles) == records(loader.load(paths: [path]).articles))
  }

  @Test func onlyAFullLoadPlacesWhatTheWatcherLostOrWhatIsUnderNoPath() throws {
    let scratch = try Scratch()
    try scratch.write("a.txt", title: "a")
    let (_, files) = fullLoad(scratch.root)
    #expect(loader.loadChanges(.all, roots: [scratch.root], from: files) == nil)
    #expect(
      loader.loadChanges(FileChanges(files: ["/elsewhere/x.txt"]), roots: [scratch.root], from: files) == nil)
  }
}
