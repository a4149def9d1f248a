import ReaderState
import ScreenKit
import Testing

@testable import ReaderView

/// The help overlay's sections: none split between columns, no line twice, no heading left alone.
@Suite struct HelpLayoutTests {
  static let sizes = [
    Size(columns: 120, rows: 40), Size(columns: 200, rows: 60), Size(columns: 80, rows: 24),
  ]

  @Test(arguments: sizes)
  func everyColumnStartsWithAHeadingAndNoSectionIsSplit(size: Size) {
    let rect = ReaderLayout(size: size).overlayContent
    let columns = HelpText.columns(keyMap: .standard, in: rect)
    let headings = Set(HelpText.sectionLines(keyMap: .standard).map { $0[0].help })
    for column in columns {
      #expect(headings.contains(column[0].help), "a column starts with \(column[0])")
      // A heading is followed by a line of its section, never by a blank or the column's end.
      for (index, line) in column.enumerated() where headings.contains(line.help) && line.keys.isEmpty {
        #expect(index + 1 < column.count && !column[index + 1].keys.isEmpty, "\(line.help) is orphaned")
      }
    }
    // Two columns are used only when whole sections fit in them; with the reading-state keys the help no
    // longer fits two columns of a 40-row terminal and scrolls as one (checked by the help goldens).
    #expect(columns.count <= 2)
  }

  @Test func noLineIsShownTwice() {
    let lines = HelpText.lines(keyMap: .standard).filter { !$0.keys.isEmpty }
    for section in HelpText.sectionLines(keyMap: .standard) {
      let helps = section.dropFirst().map(\.help)
      #expect(Set(helps).count == helps.count, "\(section[0].help)")
    }
    // Overlays move as the lists do: their movement keys are not listed again for each of them.
    #expect(lines.filter { $0.keys == "j, ↓" && $0.help == "Move down" }.isEmpty)
    // One Close for the topic picker, one for the provider, domain and category pickers together, one for
    // help and load problems together.
    #expect(lines.filter { $0.help == "Close" }.count == 3)
  }

  @Test func everyBoundActionIsInTheHelp() {
    let text = HelpText.lines(keyMap: .standard).map(\.help)
    for binding in KeyMap.standard.bindings {
      let movementInOverlay: Bool = {
        if case .move = binding.action, binding.context != .normal, binding.context != .searchEditing {
          return true
        }
        return false
      }()
      guard !movementInOverlay else { continue }
      #expect(text.contains(binding.help), "\(binding.help)")
    }
  }
}
