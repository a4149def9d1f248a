import Foundation
import ReaderView
import ScreenKit
import Testing

@Suite struct ThemeLoadingTests {
  static let themesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes").path

  @Test(arguments: ["dark", "light", "monochrome"])
  func shippedThemesParseWithoutWarningsAndStyleEveryRole(name: String) throws {
    let (theme, message) = Theme.resolve(name, directories: [Self.themesDirectory])
    #expect(message == nil)
    #expect(theme.name == name)
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: "\(Self.themesDirectory)/\(name).yaml")))
    let parsed = try Theme.parse(bytes, name: name)
    #expect(parsed.warnings.isEmpty)
    // The selection must stay visible without colour: reverse video in every shipped theme or colours.
    let selected = theme.style(.selected)
    #expect(selected.attributes.contains(.reverse) || selected.background != .default)
  }

  @Test func colorsAndAttributesAreRead() throws {
    let yaml = "name: t\nroles:\n  header: { fg: bright-red, bg: '#102030', attrs: [bold, underline] }\n"
    let (theme, warnings) = try Theme.parse(Array(yaml.utf8), name: "x")
    #expect(warnings.isEmpty)
    #expect(theme.name == "t")
    #expect(
      theme.style(.header)
        == Style(foreground: .brightRed, background: .rgb(0x10, 0x20, 0x30), attributes: [.bold, .underline]))
    // Roles left out keep the monochrome style.
    #expect(theme.style(.selected) == Theme.monochrome.style(.selected))
  }

  @Test func unknownNamesAreWarningsNotFailures() throws {
    let yaml = "roles:\n  nonsense: { fg: red }\n  dim: { fg: chartreuse, attrs: [blink] }\n"
    let (theme, warnings) = try Theme.parse(Array(yaml.utf8), name: "x")
    #expect(
      warnings == [
        "unknown role `nonsense`", "dim: unknown colour `chartreuse`", "dim: unknown attribute `blink`",
      ])
    #expect(theme.name == "x")
  }

  @Test func brokenFileFallsBackWithALocatedMessage() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nr-theme-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("broken.yaml").path
    try Data("roles:\n  header: [unclosed\n\u{1b}[31m".utf8).write(to: URL(fileURLWithPath: path))

    let (theme, message) = Theme.resolve(path, directories: [])
    #expect(theme == .builtInDark)
    let text = try #require(message)
    #expect(text.hasPrefix("theme \(path): "))
    #expect(text.hasSuffix("; using the built-in theme"))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
  }

  @Test func missingThemeFallsBackAndSaysSo() {
    let (theme, message) = Theme.resolve("no-such-theme", directories: [Self.themesDirectory])
    #expect(theme == .builtInDark)
    #expect(message == "theme `no-such-theme` not found; using the built-in theme")
    // No request and no file: the built-in theme, silently.
    #expect(Theme.resolve(nil, directories: ["/nonexistent"]) == (.builtInDark, nil))
  }
}
