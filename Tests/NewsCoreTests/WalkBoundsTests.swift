import Foundation
import Testing

@testable import NewsCore

/// The walk is bounded and never silent: links back up are not followed, pseudo-file systems are never
/// entered, a limit stops it, every failed call is a diagnostic with the system's reason, a path given
/// twice loads once, and names that are not UTF-8 load.
@Suite struct WalkBoundsTests {
  typealias Tree = FileWalkerTests.Tree

  func located(_ result: LoadResult, under root: String) -> [String] {
    result.diagnostics.map {
      let path = $0.path.hasPrefix(root + "/") ? String($0.path.dropFirst(root.count + 1)) : $0.path
      return "\(path): \($0.severity.rawValue): \($0.message)"
    }
  }

  // MARK: Links back up, pseudo-file systems, the limit

  @Test func linkToAnEnclosingDirectoryIsNotFollowedAndSaysSo() throws {
    let tree = try Tree("enclosing")
    defer { tree.remove() }
    try tree.record("a/b/r.txt", title: "R")
    try tree.link("a/b/machine", to: "/")
    try tree.link("a/b/up", to: "..")
    try tree.link("a/self", to: tree.root)
    let result = SeedLoader().load(paths: [tree.root])
    #expect(result.articles.map(\.title) == ["R"])
    #expect(result.fileCount == 1)
    #expect(
      located(result, under: tree.root) == [
        "a/self: warning: symbolic link back to an opened directory or one above it (\(tree.root)); not followed",
        "a/b/machine: warning: symbolic link back to an opened directory or one above it (/); not followed",
        "a/b/up: warning: symbolic link back to an opened directory or one above it (..); not followed",
      ])
  }

  @Test func linkToAnotherOpenedDirectoryIsNotFollowedEither() throws {
    let tree = try Tree("opened")
    defer { tree.remove() }
    try tree.record("one/r.txt", title: "One")
    try tree.record("two/s.txt", title: "Two")
    try tree.link("one/to-two", to: "../two")
    let result = SeedLoader().load(paths: [tree.root + "/one", tree.root + "/two"])
    #expect(result.articles.map(\.source.relativePath) == ["r.txt", "s.txt"])
    #expect(result.warningCount == 1)
  }

  static let hasProc = WalkerSystem.live.fileSystemType("/proc") == 0x9fa0
  static let hasSysfsBelowSys = WalkerSystem.live.fileSystemType("/sys/kernel") == 0x6265_6572

  @Test(.enabled(if: hasProc && hasSysfsBelowSys, "needs /proc (procfs) and /sys/kernel (sysfs)"))
  func pseudoFileSystemsAreNeverWalked() throws {
    let tree = try Tree("pseudo")
    defer { tree.remove() }
    try tree.record("r.txt", title: "R")
    try tree.link("proc", to: "/proc")
    // Not one of the three names: known by its file-system type.
    try tree.link("kernel", to: "/sys/kernel")
    let result = SeedLoader().load(paths: [tree.root])
    #expect(result.articles.map(\.title) == ["R"])
    #expect(
      located(result, under: tree.root) == [
        "kernel: warning: is a pseudo-file system (sysfs), not walked",
        "proc: warning: is a pseudo-file system (/proc), not walked",
      ])
    let direct = SeedLoader().load(paths: ["/proc", "/sys/kernel"])
    #expect(direct.fileCount == 0)
    #expect(direct.unreadablePaths == ["/proc", "/sys/kernel"])
    #expect(direct.emptyPaths.isEmpty)
    #expect(
      direct.diagnostics.map(\.description) == [
        "/proc: error: is a pseudo-file system (/proc), never read for records",
        "/sys/kernel: error: is a pseudo-file system (sysfs), never read for records",
      ])
  }

  @Test func fileSystemTypeDecidesWhateverTheName() throws {
    let tree = try Tree("fstype")
    defer { tree.remove() }
    try tree.record("r.txt", title: "R")
    try tree.record("mounted/x.txt", title: "X")
    // The seam says `mounted` is a proc mount; a real mount point also has another device number.
    var system = WalkerSystem.live
    let live = WalkerSystem.live
    system.fileSystemType = { path in
      String(cString: path).hasSuffix("/mounted/") ? 0x9fa0 : live.fileSystemType(path)
    }
    system.statAt = { descriptor, name, info, flags in
      let status = live.statAt(descriptor, name, &info, flags)
      if String(cString: name) == "mounted" { info.st_dev &+= 1 }
      return status
    }
    let result = SeedLoader(options: LoadOptions(), system: system).load(paths: [tree.root])
    #expect(result.articles.map(\.title) == ["R"])
    #expect(
      located(result, under: tree.root) == ["mounted: warning: is a pseudo-file system (proc), not walked"])
  }

  /// A load through an index `stat`s each file by name during the walk: the stamp is the one a `stat` of
  /// the path gives, and a file whose stat by name fails is `stat`ed by its path afterwards, so it is still
  /// reused, never lost.
  @Test func theWalkStampsEachRecordFileByNameWhenAsked() throws {
    let tree = try Tree("stamps")
    defer { tree.remove() }
    try tree.record("a.txt", title: "A")
    try tree.record("sub/b.txt", title: "B")
    var stamping = FileWalker(maxEntries: 100, system: .live)
    stamping.stampsFiles = true
    stamping.walk([tree.root])
    #expect(stamping.files.map(\.relativePath) == ["a.txt", "sub/b.txt"])
    for file in stamping.files {
      var info = stat()
      #expect(stat(file.path, &info) == 0)
      #expect(file.stamp == FileStamp(info), "\(file.path)")
    }
    var plain = FileWalker(maxEntries: 100, system: .live)
    plain.walk([tree.root])
    #expect(plain.files.count == 2 && plain.files.allSatisfy { $0.stamp == nil })

    var system = WalkerSystem.live
    let live = WalkerSystem.live
    system.statAt = { descriptor, name, info, flags in
      guard String(cString: name) != "b.txt" else {
        errno = EACCES
        return -1
      }
      return live.statAt(descriptor, name, &info, flags)
    }
    let loader = SeedLoader(options: LoadOptions(), system: system)
    var index = try #require(loader.load(paths: [tree.root], reusing: nil).updatedIndex)
    index.writtenAt += 2 * LoadIndex.racyWindow
    let warm = loader.load(paths: [tree.root], reusing: index).result
    #expect(warm.articles.map { $0.item.title } == ["A", "B"])
    #expect(warm.reusedFileCount == 2 && warm.parsedFileCount == 0)
  }

  @Test func maxFilesStopsTheWalkWithAnErrorNamingTheLimit() throws {
    let tree = try Tree("limit")
    defer { tree.remove() }
    for name in ["a.txt", "b.txt", "c/d.txt", "c/e.txt"] { try tree.record(name, title: name) }
    let result = SeedLoader(options: LoadOptions(maxFiles: 3)).load(paths: [tree.root])
    // a.txt, b.txt and c are examined; at c's first entry (the fourth) the walk stops; what was listed
    // before still loads.
    #expect(result.articles.map(\.title) == ["a.txt", "b.txt"])
    #expect(
      located(result, under: tree.root) == [
        "c: error: more than 3 files and directories to examine; the walk stopped at the limit (--max-files 3)"
      ])
    #expect(result.emptyPaths.isEmpty)
    let enough = SeedLoader(options: LoadOptions(maxFiles: 5)).load(paths: [tree.root])
    #expect(enough.articles.count == 4 && enough.diagnostics.isEmpty)
  }

  // MARK: Failed calls

  /// A system whose calls fail with `code` for the paths `failing` picks, as they would for an
  /// unprivileged user (these tests run as root, whom permissions never stop).
  func failing(
    opendir: Set<String> = [], stat: Set<String> = [], readdirAfter: (String, Int)? = nil, code: Int32
  ) -> WalkerSystem {
    let live = WalkerSystem.live
    var system = live
    system.openDirectory = { path in
      let text = String(cString: path)
      if opendir.contains(where: { text.hasSuffix($0) }) {
        errno = code
        return nil
      }
      return live.openDirectory(path)
    }
    system.statAt = { descriptor, name, info, flags in
      if stat.contains(String(cString: name)) {
        errno = code
        return -1
      }
      return live.statAt(descriptor, name, &info, flags)
    }
    if let (suffix, count) = readdirAfter {
      let state = Counter()
      let openDirectory = system.openDirectory
      system.openDirectory = { path in
        let directory = openDirectory(path)
        if String(cString: path).hasSuffix(suffix) { state.watched = directory }
        return directory
      }
      system.readEntry = { directory in
        guard directory == state.watched else { return live.readEntry(directory) }
        state.count += 1
        if state.count > count {
          errno = code
          return nil
        }
        return live.readEntry(directory)
      }
    }
    return system
  }

  final class Counter: @unchecked Sendable {
    var count = 0
    var watched: OpaquePointer?
  }

  @Test func unreadableDirectoryIsAnErrorWithTheSystemsReason() throws {
    let tree = try Tree("eacces")
    defer { tree.remove() }
    try tree.record("ok.txt", title: "OK")
    try tree.record("locked/in.txt", title: "Locked")
    let system = failing(opendir: ["/locked/"], code: EACCES)
    let result = SeedLoader(options: LoadOptions(), system: system).load(paths: [tree.root])
    #expect(result.articles.map(\.title) == ["OK"])
    #expect(located(result, under: tree.root) == ["locked: error: cannot read directory: Permission denied"])
    #expect(result.errorCount == 1)
    // Given directly: the reason, not "holds no record file".
    let direct = SeedLoader(options: LoadOptions(), system: system).load(paths: [tree.root + "/locked"])
    #expect(direct.emptyPaths.isEmpty)
    #expect(direct.unreadablePaths == [tree.root + "/locked"])
    #expect(
      direct.diagnostics.map(\.description) == [
        tree.root + "/locked: error: cannot read directory: Permission denied"
      ])
  }

  @Test func failedStatAndReaddirAreErrors() throws {
    let tree = try Tree("eio")
    defer { tree.remove() }
    try tree.record("sub/a.txt", title: "A")
    try tree.record("z.txt", title: "Z")
    let stat = SeedLoader(options: LoadOptions(), system: failing(stat: ["sub"], code: EACCES))
      .load(paths: [tree.root])
    #expect(stat.articles.map(\.title) == ["Z"])
    #expect(located(stat, under: tree.root) == ["sub: error: cannot read: Permission denied"])
    let readdir = SeedLoader(options: LoadOptions(), system: failing(readdirAfter: ("/sub/", 0), code: EIO))
      .load(paths: [tree.root])
    #expect(readdir.articles.map(\.title) == ["Z"])
    #expect(located(readdir, under: tree.root) == ["sub: error: cannot read directory: Input/output error"])
  }

  @Test(
    .enabled(
      if: geteuid() != 0, "root reads mode-000 files; the seam tests and the CLI test as nobody cover it"))
  func modeZeroDirectoryAndFileAreReportedForAnUnprivilegedUser() throws {
    let tree = try Tree("mode000")
    defer {
      chmod(tree.root + "/locked", 0o700)
      tree.remove()
    }
    try tree.record("locked/in.txt", title: "Locked")
    try tree.record("closed.txt", title: "Closed")
    #expect(chmod(tree.root + "/locked", 0) == 0 && chmod(tree.root + "/closed.txt", 0) == 0)
    let result = SeedLoader().load(paths: [tree.root])
    #expect(
      located(result, under: tree.root) == [
        "locked: error: cannot read directory: Permission denied",
        "closed.txt: error: cannot open: Permission denied",
      ])
  }

  // MARK: The same path twice

  @Test func aPathGivenTwiceInAnyFormLoadsOnce() throws {
    let tree = try Tree("twice")
    defer { tree.remove() }
    try tree.record("f.txt", title: "F")
    try tree.record("dir/sub/s.txt", title: "S")
    try FileManager.default.createDirectory(atPath: tree.root + "/empty", withIntermediateDirectories: true)
    let root = tree.root
    let cases: [[String]] = [
      [root + "/f.txt", root + "/f.txt"], [root + "/./f.txt", root + "/f.txt"],
      [root + "/dir", root + "/dir/sub"], [root + "/dir/sub", root + "/dir"],
      [root + "/dir", root + "/dir/./"],
    ]
    for paths in cases {
      let result = SeedLoader().load(paths: paths)
      #expect(result.articles.count == 1, "\(paths)")
      #expect(!result.hasPathProblem && result.diagnostics.isEmpty, "\(paths)")
    }
    let empty = SeedLoader().load(paths: [root + "/empty", root + "/empty/"])
    #expect(empty.emptyPaths == [root + "/empty"])
  }

  // MARK: Names that are not UTF-8

  @Test func namesThatAreNotUTF8LoadUnderTheirOwnBytes() throws {
    let tree = try Tree("bytes")
    defer { tree.remove() }
    let directory: [UInt8] = Array((tree.root + "/d").utf8) + [0xFF] + Array("ir".utf8)
    let file = directory + Array("/na".utf8) + [0xE9] + Array("me.txt".utf8)
    #expect(
      (directory + [0]).withUnsafeBufferPointer {
        mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755)
      } == 0)
    let contents = Array("---\ntitle: Bytes\n---\n".utf8)
    let descriptor = (file + [0]).withUnsafeBufferPointer {
      open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644)
    }
    #expect(descriptor >= 0)
    #expect(write(descriptor, contents, contents.count) == contents.count)
    close(descriptor)
    let result = SeedLoader().load(paths: [tree.root])
    #expect(result.diagnostics.isEmpty)
    let article = try #require(result.articles.first)
    #expect(article.title == "Bytes")
    #expect(article.source.relativePath == "d\u{FFFD}ir/na\u{FFFD}me.txt")
    #expect(article.source.path == tree.root + "/d\u{FFFD}ir/na\u{FFFD}me.txt")
    #expect(article.source.pathBytes == file)
    let clean = try #require(
      SeedLoader().load(paths: [FixturePaths.loader + "/good/full.txt"]).articles.first)
    #expect(clean.source.pathBytes == nil)
  }

  // MARK: Special files and broken links named like records

  @Test func specialFilesAndBrokenLinksNamedLikeRecordsGetANote() throws {
    let tree = try Tree("special")
    defer { tree.remove() }
    try tree.record("r.txt", title: "R")
    #expect(mkfifo(tree.root + "/fifo.txt", 0o600) == 0)
    try tree.link("dangling.md", to: "nowhere")
    try tree.link("loop-a.yaml", to: "loop-b.yaml")
    try tree.link("loop-b.yaml", to: "loop-a.yaml")
    try tree.link("null.txt", to: "/dev/null")
    try tree.link("dangling-other", to: "nowhere")  // not named like a record: nothing to say
    let result = SeedLoader().load(paths: [tree.root])
    #expect(result.articles.map(\.title) == ["R"])
    #expect(
      located(result, under: tree.root) == [
        "dangling.md: note: symbolic link to nothing (No such file or directory); skipped",
        "fifo.txt: note: a FIFO, not a regular file; skipped",
        "loop-a.yaml: note: symbolic link loop (Too many levels of symbolic links); skipped",
        "loop-b.yaml: note: symbolic link loop (Too many levels of symbolic links); skipped",
        "null.txt: note: a character device, not a regular file; skipped",
      ])
    #expect(result.errorCount == 0 && result.warningCount == 0)
    #expect(result.diagnostics.count == 5)
    let fifo = SeedLoader().load(paths: [tree.root + "/fifo.txt"])
    #expect(fifo.emptyPaths == [tree.root + "/fifo.txt"])
    #expect(fifo.diagnostics.map(\.message) == ["a FIFO, not a regular file; not read"])
  }

  // MARK: Files with nothing in them

  @Test func aFileOfDocumentMarkersOnlyWarnsLikeAnEmptyFile() {
    let result = SeedLoader().load(paths: [FixturePaths.loader + "/audit/markers-only.txt"])
    #expect(
      result.diagnostics.map(\.description) == [
        FixturePaths.loader
          + "/audit/markers-only.txt: warning: no record: every document in this file is empty"
      ])
    #expect(result.fileCount == 1 && result.articles.isEmpty)
  }
}

/// `<<` merge keys at every level: nested mappings merge like the top level, or say why not.
@Suite struct NestedMergeTests {
  @Test func mergeKeysWorkInProvidersImagesAndRelatedItems() throws {
    let result = SeedLoader().load(paths: [FixturePaths.loader + "/audit/merge-nested.txt"])
    #expect(
      result.diagnostics.map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" } == [
        "20:20: warning: '<<' in related[1].provider merges 'just text', not a mapping; ignored"
      ])
    let article = try #require(result.articles.first)
    // Explicit entries win wherever they stand; merged ones fill the rest.
    #expect(article.provider == Provider(name: "Own Outlet", domain: "base.example"))
    #expect(
      article.images == [
        ImageRef(url: "https://example.org/i.jpg", width: 10, height: 20),
        ImageRef(url: "https://example.org/i.jpg", width: 5),
      ])
    #expect(
      article.related.map(\.provider) == [
        Provider(name: "Base Outlet", domain: "base.example"), Provider(name: "Kept"),
      ])
    // No stray `provider.<<` field: the only extra field is the anchors' holder.
    #expect(article.extraFields.map(\.key) == ["bases"])
    #expect(article.related.allSatisfy { $0.extraFields.isEmpty })
  }

  @Test func themeDocumentsMergeToo() throws {
    let value = try YAMLValue.parse(
      """
      base: &base {fg: white, bg: blue}
      header:
        fg: yellow
        <<: *base
      status:
        <<: [{fg: red}, *base]
      """)
    #expect(value["header"]?["fg"]?.text == "yellow")
    #expect(value["header"]?["bg"]?.text == "blue")
    #expect(value["header"]?["<<"] == nil)
    #expect(value["status"]?["fg"]?.text == "red")
    #expect(value["status"]?["bg"]?.text == "blue")
    #expect(throws: YAMLError.self) { try YAMLValue.parse("a:\n  <<: text\n") }
  }

  /// Record names by extension, in any case: the bytes fast path and the Unicode one agree.
  @Test func recordExtensionsAreMatchedInAnyCase() {
    for name in ["a.txt", "a.TXT", "b.Md", "c.markdown", "c.MarkDown", "d.yaml", "e.YML", "x.y.txt"] {
      #expect(FileWalker.isRecordFile(name), "\(name)")
    }
    for name in [
      "a", "a.", ".", "a.tx", "a.txt.bak", "a.yaml2", "a.markdowns", "a.json", "a.tẋt", "a.t\u{0}t",
    ] {
      #expect(!FileWalker.isRecordFile(name), "\(name)")
    }
  }
}
