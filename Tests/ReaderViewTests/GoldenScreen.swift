import Foundation
import ScreenKit
import Testing

/// Compares a grid with its golden file in `Goldens/`: the text of every row framed by `|`, then a style
/// layer (one letter per cell) and its legend, so bold, reverse or underlined cells are checked too.
///
/// `NEWSREADER_RECORD_GOLDENS=1` writes the file instead, and the test still fails (as
/// swift-argument-parser's snapshot helper does), so a recording run can never pass for a checked one.
enum GoldenScreen {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Goldens")

  static func expect(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let file = directory.appendingPathComponent(name + ".txt")
    let actual = text(of: grid)
    if ProcessInfo.processInfo.environment["NEWSREADER_RECORD_GOLDENS"] == "1" {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      #expect(throws: Never.self, sourceLocation: sourceLocation) {
        try actual.write(to: file, atomically: true, encoding: .utf8)
      }
      Issue.record(
        "Recorded \(name).txt: read it, then run the tests without NEWSREADER_RECORD_GOLDENS",
        sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "No golden \(name).txt; record it with NEWSREADER_RECORD_GOLDENS=1\n\(actual)",
        sourceLocation: sourceLocation)
      return
    }
    if actual != expected {
      Issue.record(
        "Screen differs from \(name).txt\nexpected:\n\(expected)\nactual:\n\(actual)",
        sourceLocation: sourceLocation)
    }
  }

  /// The golden text of `grid`: its framed text, a `styles:` line, one framed row of style letters per row
  /// (`.` for the plain style, a letter per other style in order of first appearance; a wide character's
  /// second cell repeats its letter), then the legend naming each letter's attributes and colours.
  static func text(of grid: Grid) -> String {
    var letters: [Style: Character] = [.plain: "."]
    var legend: [(Character, Style)] = []
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var layer = ""
    for row in 0..<grid.size.rows {
      layer += "|"
      for column in 0..<grid.size.columns {
        let style = grid[row, column].style
        if letters[style] == nil {
          let letter = legend.count < alphabet.count ? alphabet[legend.count] : "?"
          letters[style] = letter
          legend.append((letter, style))
        }
        layer.append(letters[style]!)
      }
      layer += "|\n"
    }
    let names = legend.map { "\($0.0) = \(describe($0.1))\n" }.joined()
    return grid.framedText + "styles:\n" + layer + names
  }

  /// `bold reverse`, `fg ansi(3) underline`: what a style letter stands for.
  static func describe(_ style: Style) -> String {
    let attributes: [(TextAttributes, String)] = [
      (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse"),
    ]
    var words: [String] = []
    if style.foreground != .default { words.append("fg \(style.foreground)") }
    if style.background != .default { words.append("bg \(style.background)") }
    words += attributes.filter { style.attributes.contains($0.0) }.map(\.1)
    return words.isEmpty ? "plain" : words.joined(separator: " ")
  }
}

/// The golden helper itself: a style change alone fails a comparison, and the legend reads as written.
@Suite struct GoldenFormatTests {
  @Test func theStyleLayerMarksEachCellAndNamesEachStyle() {
    var grid = Grid(size: Size(columns: 6, rows: 2))
    grid.put("ab", row: 0, column: 0, style: Style(attributes: [.bold, .reverse]))
    grid.put("東", row: 1, column: 2, style: Style(foreground: .red, attributes: .underline))
    #expect(
      GoldenScreen.text(of: grid)
        == "|ab    |\n|  東  |\nstyles:\n|aa....|\n|..bb..|\na = bold reverse\nb = fg ansi(1) underline\n")
  }

  @Test func aStyleChangeAloneChangesTheGolden() {
    var plain = Grid(size: Size(columns: 3, rows: 1))
    plain.put("abc", row: 0, column: 0)
    var bold = plain
    bold.put("b", row: 0, column: 1, style: Style(attributes: .bold))
    #expect(plain.framedText == bold.framedText)
    #expect(GoldenScreen.text(of: plain) != GoldenScreen.text(of: bold))
  }
}
