import NewsCore
import ReaderState
import ReaderView
import ScreenKit
import Testing

/// The stories view drawn at the three golden sizes, and a story opened from it.
@Suite struct StoryGoldenTests {
  static func screen(_ actions: [Action], size: Size) -> Grid {
    let state = ReaderFixtures.applying(actions, to: ReaderFixtures.state(size: size), size: size)
    return ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now)
  }

  @Test(arguments: RenderGoldenTests.sizes)
  func storiesView(_ size: Size) {
    GoldenScreen.expect(
      Self.screen([.toggleStories], size: size), named: "stories-\(size.columns)x\(size.rows)")
  }

  @Test func anOpenedStoryListsItsArticlesAndSaysEscGoesBack() {
    let size = Size(columns: 80, rows: 24)
    let grid = Self.screen([.toggleStories, .activate], size: size)
    GoldenScreen.expect(grid, named: "story-opened-80x24")
    #expect(grid.framedText.contains("Esc stories"))
  }

  @Test func theStoriesPaneNamesItsRowCountAndTheHelpNamesTheKey() {
    let grid = Self.screen([.toggleStories], size: Size(columns: 120, rows: 40))
    #expect(grid.framedText.contains("▸ Stories (6) "))
    let help = Self.screen([.showHelp], size: Size(columns: 120, rows: 40)).framedText
    #expect(help.contains("Stories view; Enter opens a story"))
    #expect(help.contains("In an opened story: back to the stories"))
  }
}
