import Testing

@testable import ScreenKit

@Suite struct ColorTests {
  @Test func capabilityFromColorCount() {
    #expect(ColorCapability(colorCount: 0) == .none)
    #expect(ColorCapability(colorCount: 8) == .eight)
    #expect(ColorCapability(colorCount: 16) == .sixteen)
    #expect(ColorCapability(colorCount: 88) == .sixteen)
    #expect(ColorCapability(colorCount: 256) == .palette256)
    #expect(ColorCapability(colorCount: 16_777_216) == .palette256)
  }

  @Test func degradation() {
    #expect(Color.rgb(255, 0, 0).degraded(to: .palette256) == .palette(196))
    #expect(Color.rgb(128, 128, 128).degraded(to: .palette256) == .palette(244))
    #expect(Color.rgb(255, 255, 255).degraded(to: .palette256) == .palette(231))
    #expect(Color.palette(196).degraded(to: .sixteen) == .brightRed)
    #expect(Color.palette(196).degraded(to: .eight) == .red)
    #expect(Color.palette(4).degraded(to: .sixteen) == .blue)
    #expect(Color.palette(12).degraded(to: .eight) == .blue)
    #expect(Color.brightCyan.degraded(to: .eight) == .cyan)
    #expect(Color.palette(236).degraded(to: .sixteen) == .black)
    #expect(Color.rgb(0, 0, 200).degraded(to: .eight) == .blue)
    #expect(Color.red.degraded(to: .none) == .default)
    #expect(Color.default.degraded(to: .palette256) == .default)
    #expect(Color.palette(100).degraded(to: .palette256) == .palette(100))
  }

  @Test func pairsAreSharedAndLazy() {
    var table = ColorPairTable(capability: .palette256, pairLimit: 256)
    let accent = Style(foreground: .palette(208), attributes: .bold)
    let first = table.number(for: accent)
    #expect(first.number == 1)
    #expect(first.newPair == ColorPairTable.Pair(foreground: 208, background: -1))
    // Same colours, other attributes: the same pair, not defined again.
    #expect(table.number(for: Style(foreground: .palette(208))) == (1, nil))
    #expect(table.number(for: .plain) == (0, nil))
    #expect(table.number(for: Style(foreground: .white, background: .blue)).number == 2)
  }

  @Test func pairsDegradeAndRunOut() {
    var eight = ColorPairTable(capability: .eight, pairLimit: 3)
    #expect(
      eight.number(for: Style(foreground: .palette(196))).newPair
        == ColorPairTable.Pair(foreground: 1, background: -1))
    #expect(eight.number(for: Style(foreground: .brightRed)) == (1, nil))  // same after degradation
    #expect(eight.number(for: Style(foreground: .green)).number == 2)
    #expect(eight.number(for: Style(foreground: .blue)) == (0, nil))  // COLOR_PAIRS exhausted

    var mono = ColorPairTable(capability: .none, pairLimit: 64)
    #expect(mono.number(for: Style(foreground: .red, background: .blue)) == (0, nil))

    var noDefaults = ColorPairTable(capability: .sixteen, hasDefaultColors: false, pairLimit: 64)
    #expect(noDefaults.number(for: .plain) == (0, nil))
    #expect(
      noDefaults.number(for: Style(foreground: .yellow)).newPair
        == ColorPairTable.Pair(foreground: 3, background: 0))
  }

  @Test func osc52() {
    #expect(OSC52.base64(Array("".utf8)) == [])
    #expect(String(decoding: OSC52.base64(Array("f".utf8)), as: UTF8.self) == "Zg==")
    #expect(String(decoding: OSC52.base64(Array("fo".utf8)), as: UTF8.self) == "Zm8=")
    #expect(String(decoding: OSC52.base64(Array("foobar".utf8)), as: UTF8.self) == "Zm9vYmFy")
    #expect(
      String(decoding: OSC52.sequence(for: "https://example.com/東"), as: UTF8.self)
        == "\u{1B}]52;c;aHR0cHM6Ly9leGFtcGxlLmNvbS/mnbE=\u{07}")
  }
}
