import Foundation
import Testing

@testable import newsreader

@Suite struct EffectProgramTests {
  @Test func browserVariableWinsAndTakesTheURLAsOneArgument() {
    let launcher = BrowserLauncher.detect(
      environment: ["BROWSER": "firefox --new-tab:lynx"], isInstalled: { _ in true })
    #expect(launcher == BrowserLauncher(command: ["firefox", "--new-tab"]))
    let url = "https://example.org/a b;rm -rf ~"
    #expect(launcher?.arguments(for: url) == ["firefox", "--new-tab", url])
  }

  @Test func percentSIsReplacedByTheURL() {
    let launcher = BrowserLauncher(command: ["w3m", "%s"])
    #expect(launcher.arguments(for: "https://example.org") == ["w3m", "https://example.org"])
  }

  @Test func desktopOpenerWhenBrowserIsUnsetOrMissing() {
    let installed: Set = ["xdg-open"]
    #expect(
      BrowserLauncher.detect(environment: [:], isInstalled: { installed.contains($0) })
        == BrowserLauncher(command: ["xdg-open"]))
    #expect(
      BrowserLauncher.detect(environment: ["BROWSER": "nonexistent"], isInstalled: { installed.contains($0) })
        == BrowserLauncher(command: ["xdg-open"]))
    #expect(BrowserLauncher.detect(environment: [:], isInstalled: { _ in false }) == nil)
  }

  @Test func clipboardProgramNeedsADisplay() {
    #expect(ClipboardProgram.detect(environment: [:], isInstalled: { _ in true }) == nil)
    #expect(
      ClipboardProgram.detect(environment: ["WAYLAND_DISPLAY": "wayland-0"], isInstalled: { _ in true })?.name
        == "wl-copy")
    let onlyXsel = ClipboardProgram.detect(environment: ["DISPLAY": ":0"], isInstalled: { $0 == "xsel" })
    #expect(onlyXsel?.name == "xsel")
    #expect(ClipboardProgram.detect(environment: ["DISPLAY": ":0"], isInstalled: { _ in false }) == nil)
  }

  @Test func programReceivesItsInputAndReportsSuccess() async throws {
    let path = "/tmp/nrt-clip-\(getpid())"
    defer { unlink(path) }
    let program = ExternalProgram(arguments: ["sh", "-c", "cat > \"$0\"", path])
    let succeeded = await withCheckedContinuation { continuation in
      let started = program.start(input: Array("https://example.org/é".utf8)) {
        continuation.resume(returning: $0)
      }
      if !started { continuation.resume(returning: false) }
    }
    #expect(succeeded)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "https://example.org/é")
  }

  @Test func missingProgramDoesNotStart() {
    #expect(!ExternalProgram(arguments: ["no-such-program-newsreader"]).start())
  }
}
