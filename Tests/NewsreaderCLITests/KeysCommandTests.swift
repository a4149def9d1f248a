import Foundation
import Testing

/// `newsreader keys`, and `config check` knowing the key map's action names and the query language.
extension ConfigCommandTests {
  @Test func keysListsEveryActionWithItsDefaultKeys() throws {
    let output = try run(["keys"])
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    let quit = try #require(lines.first { $0.hasPrefix("quit ") })
    #expect(quit.contains("  q  ") && quit.contains("quit when none is open"))
    let down = try #require(lines.first { $0.hasPrefix("move-down ") })
    #expect(down.contains("j, down"))
    for name in ["copy-link", "copy-markdown-link", "open-link", "search", "reload", "help", "move-up"] {
      #expect(lines.contains { $0.hasPrefix(name + " ") }, "\(name)")
    }
  }

  @Test func configCheckReportsUnknownActionsAndBadViewQueries() throws {
    let config = """
      keys:
        global:
          x: quitt
      views:
        broken: "title:("
      """
    let output = try run(["config", "check", "-"], input: config)
    #expect(output.status == 65)
    #expect(output.stdout.contains("<stdin>:3:8: error: unknown action \"quitt\""), "\(output.stdout)")
    #expect(output.stdout.contains("(did you mean \"quit\"?)") || output.stdout.contains("quit"))
    #expect(output.stdout.contains("<stdin>:5:11: error: views.broken: query column"), "\(output.stdout)")
  }

  @Test func theDefaultConfigStillPassesWithActionsChecked() throws {
    let text = try run(["config", "default"]).stdout
    let output = try run(["config", "check", "-"], input: text)
    #expect(output.status == 0, "\(output.stdout)")
  }
}
