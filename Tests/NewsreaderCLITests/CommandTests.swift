import Foundation
import NewsCore
import Testing

/// `check`, `list` and `topics` as a user runs them: output and exit status of the real binary.
@Suite struct CommandTests {
  let fixtures = CommandRunner.fixtures

  @Test func checkGoodRecordsExitsZero() throws {
    let output = try CommandRunner.run(["check", fixtures + "/good"])
    #expect(output.status == 0)
    #expect(output.stdout == "7 records from 5 files, 0 errors, 0 warnings\n")
  }

  @Test func checkHostileFilesNamesEachWithLineAndColumnAndPrintsNoControlBytes() throws {
    let output = try CommandRunner.run(["check", fixtures + "/hostile"])
    #expect(output.status == 65)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.last == "9 records from 19 files, 9 errors, 22 warnings")
    #expect(
      lines.contains(
        fixtures
          + "/hostile/tabs.txt:4:1: error: while scanning for the next token, found character that cannot start any token; no record read from this file"
      ))
    #expect(
      lines.contains(
        fixtures
          + "/hostile/invalid-utf8.txt:2:12: error: invalid trailing UTF-8 octet; no record read from this file"
      ))
    #expect(
      lines.contains(
        fixtures
          + "/hostile/alias-bomb.txt:6:36: error: document has more than 100000 nodes (alias expansions included); refused; no record read from this file"
      ))
    #expect(!output.stdoutBytes.contains { $0 < 0x20 && $0 != 0x0A || $0 == 0x7F })
  }

  @Test func checkStrictFailsOnWarnings() throws {
    let path = fixtures + "/hostile/odd-date.txt"
    #expect(try CommandRunner.run(["check", path]).status == 0)
    let strict = try CommandRunner.run(["check", "--strict", path])
    #expect(strict.status == 65)
    #expect(strict.stdout.hasSuffix("1 record from 1 file, 0 errors, 1 warning\n"))
  }

  @Test func checkMissingOrEmptyPathExits66() throws {
    let missing = try CommandRunner.run(["check", fixtures + "/does-not-exist"])
    #expect(missing.status == 66)
    #expect(missing.stdout.contains("does-not-exist: error: no such file or directory"))
    let ignored = try CommandRunner.run(["check", fixtures + "/good/notes.json"])
    #expect(ignored.status == 66)
  }

  @Test func usageErrorExits64() throws {
    #expect(try CommandRunner.run(["check"]).status == 64)
    #expect(try CommandRunner.run(["list", "--sort", "sideways", fixtures + "/good"]).status == 64)
    #expect(try CommandRunner.run(["check", "--format", "xml", fixtures + "/good"]).status == 64)
  }

  @Test func checkJSON() throws {
    let output = try CommandRunner.run(["check", "--format", "json", fixtures + "/hostile/duplicate.txt"])
    let object = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    #expect(object["records"] as? Int == 1)
    #expect(object["warnings"] as? Int == 1)
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.first?["line"] as? Int == 3)
    #expect(diagnostics.first?["severity"] as? String == "warning")
  }

  @Test func listTextAlignsColumnsForWideCharacters() throws {
    let output = try CommandRunner.run([
      "list", "seeds", "--search", "sample", "--topic", "culture", "--sort", "oldest",
    ])
    #expect(output.status == 0)
    #expect(
      output.stdout == """
        2024-03-14  みなと新聞 (sample)  市議会、図書館の夜間開館を可決　来月から午後十時まで
        2024-05-01  المنارة (sample)     معرض الكتاب يفتح أبوابه بمشاركة ٣٠٠ دار نشر

        """)
  }

  @Test func listFiltersSortsAndLimits() throws {
    let output = try CommandRunner.run([
      "list", "seeds", "--provider", "valley gazette (SAMPLE)", "--sort", "quality", "--limit", "2",
      "--format", "tsv",
    ])
    let rows = output.stdout.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(rows.first == ["id", "publishedDateTime", "provider", "title", "url"])
    #expect(
      rows.dropFirst().map { $0[3] } == [
        "Water board publishes its long-awaited report on the river basin: twelve recommendations, three dissenting opinions, and a timetable that stretches to the end of the decade",
        "Solar farms now cover a fifth of the valley's evening demand",
      ])
    #expect(rows.dropFirst().map { $0[1] } == ["2024-01-30T17:45:00Z", "2024-05-14T08:30:00Z"])
  }

  /// `list` in text or TSV from a good index prints the rows of the listing beside it: its output is the same
  /// as a parse's, whatever the sort, on the seeds and on the hostile fixtures (records without titles,
  /// related coverage, damaged files). The second run reads the index the first one wrote; these files are
  /// older than the index's racy window, so the section describes them (checked here) and none is parsed.
  @Test(arguments: [CommandRunner.packageRoot + "/seeds", CommandRunner.fixtures])
  func listFromTheIndexPrintsWhatAParsePrints(directory: String) throws {
    for format in ["text", "tsv"] {
      for sort in ["newest", "title", "provider", "quality"] {
        let arguments = ["list", "--format", format, "--sort", sort, directory]
        let parsed = try CommandRunner.run(arguments + ["--no-index"])
        let writing = try CommandRunner.run(arguments)
        let file = try #require(
          LoadIndexFile.standard(
            for: [directory], environment: ["XDG_CACHE_HOME": CommandRunner.isolatedCacheHome]))
        guard
          case .rows = IndexedLoader(loader: SeedLoader(), file: file).loadListing(
            paths: [directory], preparing: { _ in 0 })
        else {
          Issue.record("the listing beside the index does not describe \(directory)")
          return
        }
        let reading = try CommandRunner.run(arguments)
        #expect(!parsed.stdout.isEmpty)
        #expect(writing.stdout == parsed.stdout, "\(format) \(sort), writing the index")
        #expect(reading.stdout == parsed.stdout, "\(format) \(sort), from the index")
        #expect(reading.status == parsed.status)
      }
    }
  }

  @Test func listJSONLeavesOutWhatTheRecordLacks() throws {
    let output = try CommandRunner.run([
      "list", "--format", "json", fixtures + "/good/several.yaml", fixtures + "/good/full.txt",
    ])
    let array = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 4)
    let full = try #require(array.first { $0["title"] as? String == "Full record" })
    #expect(full["publishedDateTime"] as? String == "2021-03-11T17:13:00Z")
    #expect(full["hasSecured"] as? Bool == true)
    #expect((full["provider"] as? [String: Any])?["domain"] as? String == "example.org")
    #expect(full["topics"] as? [String] == ["Computer Vision", "AI"])
    #expect((full["related"] as? [[String: Any]])?.first?["title"] as? String == "Related one")
    let one = try #require(array.first { $0["title"] as? String == "One" })
    // `read` and `starred` are the reading state's (no state file yet: neither), not the record's.
    #expect(Set(one.keys) == ["id", "path", "title", "hasSecured", "read", "starred"])
  }

  @Test func listOfHostileFilesPrintsNoControlBytes() throws {
    for format in ["text", "json", "tsv"] {
      let output = try CommandRunner.run(["list", "--format", format, fixtures])
      #expect(output.status == 0)
      #expect(
        !output.stdoutBytes.contains { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F }, "\(format)")
      #expect(
        !output.stdout.unicodeScalars.contains {
          (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
        })
      #expect(output.stderr == "newsreader: 10 errors while loading; `newsreader check` shows them\n")
    }
  }

  @Test func topicsMostCommonFirst() throws {
    let text = try CommandRunner.run(["topics", "seeds"])
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("5  Local\n2  Climate\n"))
    let json = try CommandRunner.run(["topics", "--format", "json", fixtures + "/good/full.txt"])
    #expect(json.stdout == "[{\"topic\":\"AI\",\"count\":1},{\"topic\":\"Computer Vision\",\"count\":1}]\n")
  }

  /// `check`, `list` and `topics` word a missing path and a path without record files the same way.
  @Test func pathProblemsReadTheSameInEveryCommand() throws {
    let missing = fixtures + "/does-not-exist"
    let empty = fixtures + "/good/notes.json"
    let expected = [
      "\(missing): no such file or directory",
      "\(empty): holds no record file (.txt, .md, .markdown, .yaml, .yml)",
    ]
    let check = try CommandRunner.run(["check", missing, empty])
    for line in expected {
      let (path, message) = (line.prefix { $0 != ":" }, line.drop { $0 != ":" }.dropFirst(2))
      #expect(check.stdout.contains("\(path): error: \(message)"))
    }
    for command in ["list", "topics"] {
      let output = try CommandRunner.run([command, missing, empty])
      #expect(output.status == 66)
      #expect(output.stderr == expected.map { "newsreader: \($0)\n" }.joined())
    }
  }

  @Test func readerOnlyOnMissingPathsSaysSoBeforeStarting() throws {
    let output = try CommandRunner.run(["no/such/dir", "nor/this"])
    #expect(output.status == 66)
    #expect(
      output.stderr
        == "newsreader: no/such/dir: no such file or directory\nnewsreader: nor/this: no such file or directory\n"
    )
  }

  @Test func defaultCommandWithoutATerminalSuggestsList() throws {
    // Standard input is /dev/null and output a pipe here: the reader must not start curses.
    let output = try CommandRunner.run([fixtures + "/good"])
    #expect(output.status == 2)
    #expect(output.stdout.isEmpty)
    #expect(
      output.stderr
        == "newsreader: no usable terminal: standard input is not a terminal; try `newsreader list \(fixtures)/good` to print the articles instead\n"
    )
    #expect(try CommandRunner.run(["--version"]).stdout == "0.1.0\n")
  }
}
