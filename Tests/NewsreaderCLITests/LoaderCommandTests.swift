import Foundation
import Testing

/// What the commands say and how they exit for the loader findings of the hostile audit: huge numbers,
/// a path given twice, unreadable paths, the walk limit, names that are not UTF-8.
@Suite struct LoaderCommandTests {
  let fixtures = CommandRunner.fixtures

  /// A fresh directory under the temporary directory, world-readable so another user can run in it.
  struct Scratch {
    let root: String

    init(_ label: String) throws {
      root =
        FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-cli-\(label)-\(UUID())")
        .path
      try FileManager.default.createDirectory(
        atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    }

    func record(_ relative: String, title: String) throws {
      let path = root + "/" + relative
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o755])
      try "---\ntitle: \(title)\n---\n".write(toFile: path, atomically: false, encoding: .utf8)
    }

    func remove() {
      _ = chmod(root + "/locked", 0o755)
      try? FileManager.default.removeItem(atPath: root)
    }
  }

  @Test func hugeNumbersNeverCrashListOrCheck() throws {
    let list = try CommandRunner.run(["list", "--format", "json", fixtures + "/audit"])
    #expect(list.status == 0, "\(list.stderr)")
    let articles = try #require(
      JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    #expect(articles.count == 4)
    #expect(articles.first?["title"] as? String == "Still loads")
    let check = try CommandRunner.run(["check", fixtures + "/audit"])
    #expect(check.status == 0)
    #expect(check.stdout.hasSuffix("4 records from 4 files, 0 errors, 14 warnings\n"))
    #expect(try CommandRunner.run(["topics", fixtures + "/audit"]).status == 0)
  }

  @Test func theSamePathTwiceLoadsOnceAndExitsAsIfGivenOnce() throws {
    let file = fixtures + "/good/full.txt"
    for paths in [
      [file, file], [fixtures + "/good/./full.txt", file], [fixtures + "/good", fixtures + "/good/"],
    ] {
      let output = try CommandRunner.run(["check"] + paths)
      #expect(output.status == 0, "\(paths): \(output.stdout)")
      #expect(!output.stdout.contains("holds no record file"), "\(paths)")
    }
    let twice = try CommandRunner.run(["check", file, file])
    #expect(twice.stdout == "1 record from 1 file, 0 errors, 0 warnings\n")
  }

  @Test func wholeFileDiagnosticsHaveNoZeroLocation() throws {
    let output = try CommandRunner.run(["check", fixtures + "/hostile/empty.txt"])
    #expect(output.stdout.hasPrefix(fixtures + "/hostile/empty.txt: warning: empty file, no record\n"))
    let json = try CommandRunner.run(["check", "--format", "json", fixtures + "/hostile/empty.txt"])
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let diagnostic = try #require((object["diagnostics"] as? [[String: Any]])?.first)
    #expect(diagnostic["line"] == nil && diagnostic["column"] == nil)
    #expect(diagnostic["message"] as? String == "empty file, no record")
  }

  @Test func maxFilesStopsEveryCommandWithAnErrorNamingTheLimit() throws {
    let scratch = try Scratch("limit")
    defer { scratch.remove() }
    for name in ["a.txt", "b.txt", "c.txt"] { try scratch.record(name, title: name) }
    let check = try CommandRunner.run(["check", "--max-files", "2", scratch.root])
    #expect(check.status == 65)
    #expect(check.stdout.contains("the walk stopped at the limit (--max-files 2)"))
    let list = try CommandRunner.run(["list", "--max-files", "2", scratch.root])
    #expect(list.stderr.contains("1 error while loading"))
    #expect(try CommandRunner.run(["topics", "--max-files", "2", scratch.root]).status == 0)
    #expect(try CommandRunner.run(["check", "--max-files", "0", scratch.root]).status == 64)
    #expect(try CommandRunner.run(["check", "--max-files", "3", scratch.root]).status == 0)
  }

  @Test func listJSONGivesTheExactBytesOfAPathThatIsNotUTF8() throws {
    let scratch = try Scratch("bytes")
    defer { scratch.remove() }
    let path = Array((scratch.root + "/caf").utf8) + [0xE9] + Array(".txt".utf8)
    let contents = Array("---\ntitle: Latin-1 name\n---\n".utf8)
    let descriptor = (path + [0]).withUnsafeBufferPointer {
      open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644)
    }
    #expect(descriptor >= 0)
    #expect(write(descriptor, contents, contents.count) == contents.count)
    close(descriptor)
    let output = try CommandRunner.run(["list", "--format", "json", scratch.root])
    #expect(output.status == 0, "\(output.stderr)")
    let articles = try #require(
      JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    let article = try #require(articles.first)
    #expect(article["title"] as? String == "Latin-1 name")
    #expect(article["path"] as? String == scratch.root + "/caf\u{FFFD}.txt")
    #expect((article["pathBase64"] as? String).flatMap { Data(base64Encoded: $0) } == Data(path))
  }

  /// Runs `newsreader` as the unprivileged user `nobody` when the tests run as root (root reads mode-000
  /// directories), so the permission errors are the real ones from the system.
  func runUnprivileged(_ arguments: [String]) throws -> CommandRunner.Output {
    guard geteuid() == 0 else { return try CommandRunner.run(arguments) }
    return try CommandRunner.run(
      ["--reuid=65534", "--regid=65534", "--clear-groups", CommandRunner.binary] + arguments,
      executable: "/usr/bin/setpriv")
  }

  static let canDropPrivileges =
    geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

  @Test(.enabled(if: canDropPrivileges, "running as root without setpriv: cannot run as another user"))
  func unreadableDirectoryAndFileAreErrorsWithTheSystemsReason() throws {
    let scratch = try Scratch("perm")
    defer { scratch.remove() }
    try scratch.record("ok/o.txt", title: "O")
    try scratch.record("ok/closed.txt", title: "Closed")
    try scratch.record("locked/l.txt", title: "L")
    #expect(chmod(scratch.root + "/locked", 0) == 0 && chmod(scratch.root + "/ok/closed.txt", 0) == 0)
    let output = try runUnprivileged(["check", scratch.root])
    #expect(output.status == 65, "\(output.stdout)\(output.stderr)")
    #expect(
      output.stdout == """
        \(scratch.root)/locked: error: cannot read directory: Permission denied
        \(scratch.root)/ok/closed.txt: error: cannot open: Permission denied
        1 record from 2 files, 2 errors, 0 warnings

        """)
    // Given directly: the system's reason, not "holds no record file"; 66, as for any path that gives nothing.
    let direct = try runUnprivileged(["check", scratch.root + "/locked"])
    #expect(direct.status == 66)
    #expect(
      direct.stdout.hasPrefix("\(scratch.root)/locked: error: cannot read directory: Permission denied\n"))
    #expect(!direct.stdout.contains("holds no record file"))
  }
}
