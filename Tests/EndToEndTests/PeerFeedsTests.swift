import Foundation
import Testing
import TestSupport

/// scripts/bench/peer_feeds.py, which writes the benchmark peers' files (sfeed's TSV, an Atom feed) from
/// record files: each field escaped as sfeed escapes it, the Atom feed valid XML with the same text.
@Suite(.serialized, .enabled(if: PythonRun.hasPyYAML, "python3 with PyYAML (CSafeLoader) is not installed"))
struct PeerFeedsTests {
  static let script = BuiltProduct.packageRoot + "/scripts/bench/peer_feeds.py"

  /// Hostile text in every field the converter reads; YAML escapes put the control characters in.
  static let records: [String: String] = [
    "hostile.txt": #"""
    ---
    title: "  Tab\there\nnew line\r\u0001end & <b>\"q\"</b>\u00a0nbsp  "
    excerpt: "  Line one\nLine\ttwo \\ back\r\nend\u007f  "
    publishedDateTime: 2024-05-03T09:00:00Z
    originalUrl: "ftp://example.org/not-http"
    webUrl: " https://example.org/a?b=1&c=2 "
    provider: { name: "Coast\tHerald\n" }
    topics: ["Space  Race", "a\tb", " padded "]
    ---
    """#,
    "quoted-date.txt": """
    ---
    title: Later by an hour's offset
    publishedDateTime: '2024-05-04T10:00:00+01:00'
    webUrl: https://example.org/later
    ---
    """,
    "sub/undated.txt": """
    ---
    title: Undated
    ---
    """,
  ]

  @Test func tsvFieldsAreEscapedAsSfeedWritesThem() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let answer = try fixture.convert()
    #expect(answer["records"] as? Int == 3)
    #expect(answer["cached"] as? Bool == false)
    let text = try String(contentsOfFile: fixture.out + "/newsbench", encoding: .utf8)
    #expect(text.hasSuffix("\n"))
    let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    // Newest first, the undated last, as sfeed_update leaves a feed file.
    #expect(lines.map { $0.count } == [9, 9, 9])
    #expect(
      lines.map { $0[1] } == [
        "Later by an hour's offset", "Tab here new line end & <b>\"q\"</b>\u{a0}nbsp", "Undated",
      ])
    let hostile = lines[1]
    #expect(hostile[0] == "1714726800")
    #expect(hostile[2] == "https://example.org/a?b=1&c=2")
    #expect(hostile[3] == #"Line one\nLine\ttwo \\ back\nend"#)
    #expect(hostile[4] == "plain")
    #expect(hostile[5] == "tag:newsbench,2024:hostile.txt")
    #expect(hostile[6] == "Coast Herald")
    #expect(hostile[7] == "")
    #expect(hostile[8] == "Space  Race|a b|padded")
    let later = lines[0]
    #expect(later[0] == "1714813200")  // 09:00 UTC the next day
    #expect(later[2] == "https://example.org/later")
    #expect(later[3] == "" && later[4] == "")  // no content, so no content-type either
    let undated = lines[2]
    #expect(undated[0] == "")
    #expect(undated[5] == "tag:newsbench,2024:sub/undated.txt")
  }

  @Test func atomFeedParsesWithTheSameText() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    _ = try fixture.convert()
    // Python's own XML parser reads it back: the titles, ids, summaries, links and category terms.
    let reader = """
      import json, sys, xml.etree.ElementTree as T
      ns = {"a": "http://www.w3.org/2005/Atom"}
      root = T.parse(sys.argv[1]).getroot()
      def text(e, path):
          found = e.find(path, ns)
          return None if found is None else (found.text or "")
      print(json.dumps([{
          "title": text(e, "a:title"), "id": text(e, "a:id"), "summary": text(e, "a:summary"),
          "updated": text(e, "a:updated"), "author": text(e, "a:author/a:name"),
          "link": (e.find("a:link", ns).get("href") if e.find("a:link", ns) is not None else None),
          "categories": [c.get("term") for c in e.findall("a:category", ns)],
      } for e in root.findall("a:entry", ns)]))
      """
    let run = try PythonRun(["-c", reader, fixture.out + "/newsbench.atom"])
    #expect(run.status == 0, "the Atom file did not parse: \(run.stderr)")
    let entries = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
    #expect(entries.count == 3)
    let hostile = try #require(entries.first { $0["id"] as? String == "tag:newsbench,2024:hostile.txt" })
    // Only U+0001 is gone (XML 1.0 cannot hold it); the whitespace, the CR and the markup are kept as text.
    #expect(hostile["title"] as? String == "  Tab\there\nnew line\rend & <b>\"q\"</b>\u{a0}nbsp  ")
    #expect(hostile["summary"] as? String == "  Line one\nLine\ttwo \\ back\r\nend\u{7f}  ")
    #expect(hostile["updated"] as? String == "2024-05-03T09:00:00Z")
    #expect(hostile["author"] as? String == "Coast\tHerald\n")
    #expect(hostile["link"] as? String == "https://example.org/a?b=1&c=2")
    #expect(hostile["categories"] as? [String] == ["Space  Race", "a\tb", " padded "])
    let undated = try #require(entries.first { $0["id"] as? String == "tag:newsbench,2024:sub/undated.txt" })
    #expect(undated["link"] is NSNull)
    #expect(undated["summary"] is NSNull)
  }

  @Test func convertedFilesAreReusedUntilTheCorpusChanges() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    _ = try fixture.convert()
    #expect(try fixture.convert()["cached"] as? Bool == true)
    let edited = fixture.corpus + "/sub/undated.txt"
    try Data("---\ntitle: Renamed\n---\n".utf8).write(to: URL(fileURLWithPath: edited))
    // A later modification time than any before, whatever the file system's time granularity.
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: edited)
    let again = try fixture.convert()
    #expect(again["cached"] as? Bool == false)
    let text = try String(contentsOfFile: fixture.out + "/newsbench", encoding: .utf8)
    #expect(text.contains("\tRenamed\t") && !text.contains("\tUndated\t"))
  }

  @Test func refusesToWriteInsideTheCorpus() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let run = try PythonRun([Self.script, fixture.corpus, "--out", fixture.corpus + "/peers"])
    #expect(run.status == 2)
    #expect(!FileManager.default.fileExists(atPath: fixture.corpus + "/peers"))
  }

  /// A corpus of `records` and an output directory beside it, both private to one test.
  struct Fixture {
    let root: String
    var corpus: String { root + "/corpus" }
    var out: String { root + "/out" }

    init() throws {
      root =
        FileManager.default.temporaryDirectory
        .appendingPathComponent("nr-peer-feeds-\(getpid())-\(UUID().uuidString.prefix(8))").path
      for (name, text) in PeerFeedsTests.records {
        let url = URL(fileURLWithPath: corpus + "/" + name)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
      }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Runs the converter; returns its JSON answer, failing when it exited badly.
    func convert() throws -> [String: Any] {
      let run = try PythonRun([PeerFeedsTests.script, corpus, "--out", out])
      try #require(run.status == 0, "peer_feeds.py failed: \(run.stderr)")
      return try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    }
  }
}

/// python3 run to its exit with its output collected: the converter, and the XML check of its Atom file.
struct PythonRun {
  static let hasPyYAML: Bool = (try? PythonRun(["-c", "import yaml; yaml.CSafeLoader"]).status) == 0

  var status: Int32
  var stdout: Data
  var stderr: String

  init(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // The script writes little to stderr, so reading stdout to its end first cannot block it.
    stdout = output.fileHandleForReading.readDataToEndOfFile()
    stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    status = process.terminationStatus
  }
}
