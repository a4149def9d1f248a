import NewsCore
import ReaderState
import ScreenKit
import Testing

@testable import ReaderView

/// What the details pane says about an item.
@Suite struct DetailsTextTests {
  static func lines(_ actions: [Action], columns: Int = 60) -> [String] {
    let size = Size(columns: 120, rows: 40)
    let state = ReaderFixtures.applying(actions, to: ReaderFixtures.state(size: size), size: size)
    return DetailsText(
      state: state, columns: columns, now: ReaderFixtures.now, keyMap: .standard, timeZone: .utc
    ).lines.map(\.text)
  }

  @Test func securedContentIsMentionedOnlyWhenPresent() {
    #expect(Self.lines([]).contains("Secured content: present, 2,048 bytes (encrypted, not shown)"))
    // The CJK article has none: no line about it at all.
    let cjk = Self.lines([.move(.down)])
    #expect(cjk.first?.hasPrefix("東京") == true)
    #expect(!cjk.contains { $0.hasPrefix("Secured content") })
  }
}
