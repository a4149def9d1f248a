import NewsCore
import ReaderState
import ScreenKit
import Testing

@testable import ReaderView

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
    // The help scrolls at this size: its lines, not one screen of them.
    let help = HelpText.lines(keyMap: .standard).map(\.help)
    #expect(help.contains("Stories view; Enter opens a story"))
    #expect(help.contains("In an opened story: back to the stories"))
  }
}

/// The timeline row: drawn above the list from 30 rows, absent below; a chosen period at the three sizes.
@Suite struct TimelineGoldenTests {
  @Test(arguments: RenderGoldenTests.sizes)
  func aChosenPeriod(_ size: Size) {
    GoldenScreen.expect(
      StoryGoldenTests.screen([.move(.down), .togglePeriodFilter], size: size),
      named: "timeline-period-\(size.columns)x\(size.rows)")
  }

  @Test func barsScaleToTheBusiestPeriodAndMarkTheSelectedArticle() {
    let grid = StoryGoldenTests.screen([], size: Size(columns: 120, rows: 40))
    let row = grid.rowText(2)
    #expect(row.contains("▄▄▄▄█ by day"))
    #expect(row.contains("█"))
    #expect(!StoryGoldenTests.screen([], size: Size(columns: 80, rows: 24)).framedText.contains("by day"))
  }

  @Test func asciiBarsWhenTheLocaleIsNotUTF8() {
    let size = Size(columns: 120, rows: 40)
    var state = ReaderFixtures.state(size: size)
    state.timeline.asciiOnly = true
    let row = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: size, now: ReaderFixtures.now
    ).rowText(2)
    #expect(row.contains("#"))
    #expect(!row.contains("█"))
  }
}

/// The topic picker's sparklines: each topic's articles over the timeline's span, beside its count.
@Suite struct TopicSparklineTests {
  @Test func thePickerShowsEachTopicsSparklineBesideItsCount() throws {
    let size = Size(columns: 120, rows: 40)
    let grid = StoryGoldenTests.screen([.showTopicPicker], size: size)
    GoldenScreen.expect(grid, named: "topic-sparklines-120x40")
    let state = ReaderFixtures.applying([.showTopicPicker], to: ReaderFixtures.state(size: size), size: size)
    // AI is on 03-12 and 03-13 (three articles); the series spans 03-09 to 03-13 in 12 buckets.
    let ai = try #require(state.listing.catalog.topics.firstIndex(of: "AI"))
    #expect(state.timeline.topicSeries[ai].reduce(0, +) == state.listing.catalog.topicFrequencies[ai])
    #expect(state.timeline.topicSeries[ai].last! > 0)
    #expect(state.timeline.topicSeries[ai].first == 0)
  }
}
