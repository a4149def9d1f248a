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

  @Test func aRoleTakesOnlyWhatItsThemeSays() throws {
    // Colours alone: no attribute of the monochrome theme (reverse, dim) may creep in.
    let yaml = "roles:\n  status-bar: { fg: 252, bg: 236 }\n  dim: { fg: 245 }\n  border: { attrs: [bold] }\n"
    let (theme, warnings) = try Theme.parse(Array(yaml.utf8), name: "x")
    #expect(warnings.isEmpty)
    #expect(theme.style(.statusBar) == Style(foreground: .palette(252), background: .palette(236)))
    #expect(theme.style(.dim) == Style(foreground: .palette(245)))
    #expect(theme.style(.border) == Style(attributes: [.bold]))
  }

  @Test(arguments: ["dark", "light"])
  func shippedColourThemesDrawTheirBarsWithoutReverseVideo(name: String) throws {
    let (theme, _) = Theme.resolve(name, directories: [Self.themesDirectory])
    for role in [ThemeRole.statusBar, .dim, .border, .topic] {
      #expect(!theme.style(role).attributes.contains(.reverse), "\(role)")
      #expect(!theme.style(role).attributes.contains(.dim), "\(role)")
    }
    #expect(theme.style(.statusBar).background != .default)
  }

  @Test func theBuiltInThemeIsTheShippedDarkFile() throws {
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: "\(Self.themesDirectory)/dark.yaml")))
    #expect(Array(Theme.defaultThemeSource.utf8) == bytes)
    let shipped = try Theme.parse(bytes, name: "dark")
    #expect(shipped.warnings.isEmpty)
    #expect(Theme.builtInDark == shipped.theme)
    // 256-colour greys, not colour 8, which vanishes on common dark palettes.
    #expect(Theme.builtInDark.style(.dim).foreground == .palette(245))
  }

  @Test func installedThemesAreFoundBesideTheExecutable() {
    let directories = Theme.searchDirectories(
      environment: ["HOME": "/home/reader"], executablePath: "/opt/news/bin/newsreader")
    #expect(directories.first == "themes")
    #expect(directories.contains("/home/reader/.config/newsreader/themes"))
    #expect(directories.contains("/opt/news/bin/../share/newsreader/themes"))
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
