import Foundation
import NewsCore
import ReaderConfig
import Testing

/// Where the file is looked for, reading it, and the date format language.
@Suite struct ConfigFileTests {
  @Test func theDefaultPathFollowsXDG() {
    #expect(
      ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/u"])
        == "/x/conf/newsreader/config.yaml")
    // The XDG spec says a relative XDG_CONFIG_HOME is ignored.
    #expect(
      ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "conf", "HOME": "/home/u"])
        == "/home/u/.config/newsreader/config.yaml")
    #expect(
      ConfigFile.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.config/newsreader/config.yaml")
    #expect(ConfigFile.defaultPath(environment: [:]) == nil)
  }

  func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "config-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func aMissingDefaultFileIsNoProblemButAMissingNamedOneIs() throws {
    let home = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let quiet = ConfigFile.load(explicitPath: nil, environment: ["HOME": home])
    #expect(quiet.problems.isEmpty && quiet.path == nil && quiet.config == ReaderConfig())
    let named = ConfigFile.load(explicitPath: home + "/nope.yaml", environment: [:])
    #expect(
      named.problems.map(\.description) == ["\(home)/nope.yaml: error: no such file; the defaults apply"])
  }

  @Test func theDefaultFileIsReadFromXDGConfigHome() throws {
    let base = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: base) }
    try FileManager.default.createDirectory(atPath: base + "/newsreader", withIntermediateDirectories: true)
    try "theme: light\nthme: x\n".write(
      toFile: base + "/newsreader/config.yaml", atomically: true, encoding: .utf8)
    let loaded = ConfigFile.load(explicitPath: nil, environment: ["XDG_CONFIG_HOME": base])
    #expect(loaded.config.settings.theme == "light")
    #expect(loaded.path == base + "/newsreader/config.yaml")
    #expect(
      loaded.problems.map(\.description) == [
        "\(base)/newsreader/config.yaml:2:1: warning: unknown setting \"thme\"; did you mean \"theme\"?"
      ])
  }

  @Test func aHugeFileIsRefused() throws {
    let base = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: base) }
    let path = base + "/big.yaml"
    try Data(repeating: 0x23, count: ConfigFile.maxBytes + 1).write(to: URL(fileURLWithPath: path))
    let loaded = ConfigFile.load(explicitPath: path, environment: [:])
    #expect(loaded.problems.first?.message == "larger than 1048576 bytes; refused, the defaults apply")
    #expect(loaded.config == ReaderConfig())
  }

  @Test func dateFormatsPrintTheirConversions() {
    // 2021-03-11 17:13:09 UTC, a Thursday, day 70 of the year.
    let seconds = 1_615_482_789.0
    #expect(DateFormat("%Y-%m-%d %H:%M:%S %Z").format(seconds) == "2021-03-11 17:13:09 UTC")
    #expect(DateFormat("%a %e %b %y, %I:%M %p (%j) %%").format(seconds) == "Thu 11 Mar 21, 05:13 PM (070) %")
    #expect(DateFormat("%H:%M %z").format(seconds, offset: -5 * 3600 - 1800) == "11:43 -0530")
    #expect(DateFormat.problem(in: "%Y %") == "the date format ends with a lone %")
    #expect(DateFormat.problem(in: "%Y-%m-%d") == nil)
  }
}
