import Foundation
import NewsCore
import ReaderConfig
import ReaderState
import ScreenKit
import Testing

@testable import ReaderView

/// What the config's views and settings do on screen and in the key map: view keys, the digits given to
/// views, the keys of a sequence waiting in the status bar, the time zone and date format, the reading
/// settings the model adopts.
@Suite struct ConfiguredViewsTests {
  static let size = Size(columns: 120, rows: 40)

  static func parsed(_ yaml: String) -> ReaderConfig {
    let result = ConfigParser(knownActions: KeyMap.actionNames).parse(yaml, path: "config.yaml")
    #expect(result.problems.isEmpty, "\(result.problems)")
    return result.config
  }

  static let viewsConfig = parsed(
    """
    digits: views
    views:
      ai: {query: "topic:AI", key: g a}
      robots: "topic:Robotics"
      undo-taker: {query: "topic:Economy", key: u}
    """)

  static func state(_ config: ReaderConfig) -> ReaderModel {
    var state = ReaderFixtures.state(size: size)
    state.adopt(config)
    return state
  }

  static func render(_ state: ReaderModel, keyMap: KeyMap, pendingKeys: String? = nil) -> Grid {
    ReaderRenderer.render(
      state, theme: .monochrome, keyMap: keyMap, size: size, now: ReaderFixtures.now, pendingKeys: pendingKeys
    )
  }

  @Test func aViewsKeyAppliesItAndTheDigitsApplyViewsWhenTheSettingSaysSo() {
    let config = Self.viewsConfig
    let (map, problems) = KeyMap.standard.addingViews(config.views, digits: config.settings.digits, path: "c")
    #expect(problems.isEmpty, "\(problems)")  // u was a default key: taking it is the view's point
    var state = Self.state(config)
    var pending = PendingKeys()
    #expect(pending.press(.character("g"), at: 0, keyMap: map, state: state).isEmpty)
    #expect(pending.press(.character("a"), at: 0.1, keyMap: map, state: state) == [.applyView(1)])
    #expect(map.actions(for: [.character("u")], in: state) == [.applyView(3)])
    #expect(map.actions(for: [.character("2")], in: state) == [.applyView(2)])
    #expect(map.digitsApplyViews && !KeyMap.standard.digitsApplyViews)
    #expect(map.keyName(for: .showViewPicker, in: .normal) == "V")

    state.apply(.applyView(2), now: ReaderFixtures.now)
    #expect(state.listing.queryText == "topic:Robotics" && state.listing.visible.count == 1)
    // The status bar numbers the views the digits apply, the applied one marked.
    let bar = Self.render(state, keyMap: map).rowText(Int(Self.size.rows) - 2)
    #expect(bar.contains("Query: topic:Robotics") && bar.contains("│ 1 ai [2 robots] 3 undo-taker"), "\(bar)")
    // Help lists the picker, the digits and each view's key in the views' section.
    let help = HelpText.lines(keyMap: map).map { "\($0.keys)  \($0.help)" }
    let section = help.drop { !$0.contains("Saved views") }.prefix { !$0.isEmpty && $0 != "  " }
    for line in [
      "V  Pick a saved view", "1–9  Apply the numbered view", "g a  View: ai", "u  View: undo-taker",
      "Enter, Space  Apply the selected view", "Esc, q, V  Close the view picker",
    ] {
      #expect(section.contains(line), "\(line) in \(Array(section))")
    }
  }

  @Test func aViewKeyTakingAKeyTheConfigBoundIsAWarning() {
    let config = Self.parsed(
      """
      keys:
        global:
          x: quit
      views:
        mine: {query: "topic:AI", key: x}
      """)
    let keys = KeyMap.configured(keys: config.keys, sequenceTimeout: 1, path: "config.yaml").keyMap
    let (map, problems) = keys.addingViews(config.views, digits: .topics, path: "config.yaml")
    #expect(
      problems.map(\.description) == [
        "config.yaml:5:3: warning: views.mine.key: x is bound to quit in keys; the view takes it"
      ])
    #expect(map.actions(for: [.character("x")], in: Self.state(config)) == [.applyView(1)])
    #expect(map.actions(for: [.character("1")], in: Self.state(config)) == [.toggleTopicShortcut(1)])
  }

  @Test func theKeysOfASequenceWaitingShowAtTheRightOfTheStatusBar() {
    let state = Self.state(ReaderConfig())
    let row = Int(Self.size.rows) - 2
    let waiting = Self.render(state, keyMap: .standard, pendingKeys: "g").rowText(row)
    #expect(waiting.hasSuffix("g … "), "\(waiting)")
    #expect(!Self.render(state, keyMap: .standard).rowText(row).contains("g …"))
    // A narrow bar still shows them, before the sort gives way.
    let narrow = ReaderRenderer.render(
      state, theme: .monochrome, keyMap: .standard, size: Size(columns: 40, rows: 12),
      now: ReaderFixtures.now, pendingKeys: "g"
    ).rowText(10)
    #expect(narrow.hasSuffix("g … "), "\(narrow)")
  }

  /// The run loop draws the waiting keys, and draws again when the wait runs out with nothing to do.
  @Test func theRunLoopStopsShowingKeysThatGaveUpWaiting() throws {
    // No article is read on the way (that would draw anyway): only the wait running out can clear the bar.
    let config = Self.parsed("mark-read-delay: 60\nkeys:\n  global:\n    z z: move-last\n")
    let keyMap = KeyMap.configured(keys: config.keys, sequenceTimeout: 1, path: "c").keyMap
    let screen = HeadlessScreen(size: Self.size, events: [.key(.character("z"))])
    let clock = ReaderAppTests.Clock()
    let app = ReaderApp(
      screen: screen, model: Self.state(config), theme: .monochrome, keyMap: keyMap,
      now: { clock.advance() }, maxIdlePolls: 10, effects: { _, _ in [] })
    #expect(try app.run() == 0)
    let bars = screen.drawnGrids.map { $0.rowText(Int(Self.size.rows) - 2) }
    #expect(bars.contains { $0.hasSuffix("z … ") }, "\(bars)")
    #expect(bars.last.map { !$0.contains("z …") } == true, "\(bars)")
    #expect(app.pendingKeys.label == nil && app.model.listing.articleList.selection == 0)
  }

  @Test func theTimeZoneSettingOverridesTZAndTheDateFormatWritesTheDetails() {
    let tokyo = DisplayTimeZone(choice: .named("Asia/Tokyo"), environment: ["TZ": "UTC"])
    #expect(tokyo.offset(at: ReaderFixtures.now) == 9 * 3600)
    #expect(DisplayTimeZone(choice: .system, environment: ["TZ": "Asia/Kolkata"]).label(at: 0) == "UTC+5:30")
    #expect(DisplayTimeZone(choice: .named("UTC"), environment: ["TZ": "Asia/Tokyo"]) == .utc)

    let state = Self.state(ReaderConfig())
    func details(_ zone: DisplayTimeZone) -> String {
      ReaderRenderer.render(
        state, theme: .monochrome, keyMap: .standard, size: Self.size, now: ReaderFixtures.now, timeZone: zone
      ).framedText
    }
    // The default format writes what the reader always wrote.
    #expect(details(.utc.with(dateFormat: ReaderSettings().dateFormat)) == details(.utc))
    let text = details(tokyo.with(dateFormat: "%a %e %b %Y, %I:%M %p"))
    #expect(text.contains("Sun 14 Mar 2021, 08:10 AM UTC+9 (12 hours ago)"), "\(text)")
    // A format that writes the zone gets no label after it.
    #expect(details(tokyo.with(dateFormat: "%d.%m.%y %H:%M %z")).contains("14.03.21 08:10 +0900 (12 hours"))
  }

  @Test func queryDatesAreInTheChosenZone() throws {
    // 20:00 UTC on 2 May is 05:00 on 3 May in Tokyo.
    let catalog = ArticleCatalog(articles: [
      DatesAndDaysTests.article("late", "2024-05-02T20:00:00Z", 1_714_680_000)
    ])
    func matches(_ zone: DisplayTimeZone) -> Int {
      Listing(
        catalog: catalog, query: "date:2024-05-03",
        environment: QueryEnvironment(now: 1_714_700_000, timeZone: zone.zone)
      ).visible.count
    }
    #expect(matches(DisplayTimeZone(choice: .named("Asia/Tokyo"), environment: ["TZ": "UTC"])) == 1)
    #expect(matches(DisplayTimeZone(choice: .system, environment: ["TZ": "UTC"])) == 0)
  }

  @Test func theModelAdoptsTheMarkReadDelayAndStoryRead() {
    let config = Self.parsed("mark-read-delay: 0.5\nstory-read: false\n")
    var state = Self.state(config)
    #expect(state.reading.readDelay == 0.5 && !state.reading.readsStory)
    let first = state.listing.selectedArticleIndex!
    #expect(state.story(of: first) == [first])  // its related coverage is loaded, but not read with it
    state.apply(.tick, now: 10)
    let effects = state.apply(.tick, now: 10.5)
    guard case .writeMarks(let writes) = effects.first else {
      Issue.record("no marks after the delay: \(effects)")
      return
    }
    #expect(writes.map(\.id) == [state.listing.catalog.articles[first].id.rawValue])
    #expect(ReaderModel(catalog: state.listing.catalog).story(of: first).count > 1)
  }
}
