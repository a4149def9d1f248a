import NewsCore
import ReaderState
import Testing

/// Saved views: the picker's live counts, applying a view as a kept query, the numbered views, and the
/// reading settings the config hands the model.
@Suite struct ViewPickerTests {
  static let views = [
    NamedQuery(name: "Economy", text: "topic:Economy"),
    NamedQuery(name: "Unread weather", text: "topic:Weather is:unread"),
    NamedQuery(name: "Broken", text: "title:("),
  ]

  /// The five fixture articles, `a` read (so the economy view has one unread of two), with the views.
  static func model() -> ReaderModel {
    var model = Fixtures.model()
    model.views = views
    model.apply(.marksLoaded([ReadingMark(id: "a", readAt: 1)]), now: 0)
    return model
  }

  @Test func thePickerCountsEachViewOverTheWholeCatalog() {
    var model = Self.model()
    // A query narrowing the list does not narrow the views' counts: a view replaces the query.
    model.listing.setQuery("topic:Politics")
    expectApply(&model, .showViewPicker) {
      $0.overlays.current = .viewPicker
      $0.overlays.list = ListViewport(count: 3)
      $0.overlays.viewPicker = ViewPicker(Self.views, listing: $0.listing, reading: $0.reading)
    }
    #expect(
      model.viewPickerRows == [
        ViewRow(name: "Economy", query: "topic:Economy", unread: 1, total: 2, isActive: false),
        ViewRow(
          name: "Unread weather", query: "topic:Weather is:unread", unread: 2, total: 2, isActive: false),
        ViewRow(name: "Broken", query: "title:(", unread: 0, total: 0, isActive: false),
      ])
    #expect(model.overlays.viewPicker?.totals == [2, 2, nil])
  }

  @Test func enterAppliesTheSelectedViewAsAKeptQueryThatEscClears() {
    var model = Self.model()
    model.apply(.showViewPicker, now: 0)
    model.apply(.move(.down), now: 0)
    expectApply(&model, .applyPickerView) {
      $0.overlays = OverlayState()
      $0.listing.setQuery("topic:Weather is:unread")
      $0.search.mode = .applied
      $0.status.show("View Unread weather: 2 articles shown", now: 100)
    }
    #expect(Fixtures.ids(model) == ["c", "d"] && model.listing.queryText == "topic:Weather is:unread")
    model.apply(.showViewPicker, now: 0)
    #expect(model.viewPickerRows.map(\.isActive) == [false, true, false])
    model.apply(.closeOverlay, now: 0)
    expectApply(&model, .clearSearch) {
      $0.search.mode = .off
      $0.listing.setQuery("")
    }
    #expect(Fixtures.ids(model) == ["a", "b", "c", "d", "e"])
  }

  @Test func aNumberedViewAppliesDirectlyAndReplacesTheQuery() {
    var model = Self.model()
    model.listing.toggleTopic("Weather")
    model.search.queryChanged(model.listing)
    expectApply(&model, .applyView(1)) {
      $0.listing.setQuery("topic:Economy")
      $0.status.show("View Economy: 2 articles shown", now: 100)
    }
    #expect(Fixtures.ids(model) == ["a", "b"] && model.search.mode == .applied)
    // Written with other spacing, the same query is still the view's.
    model.listing.setQuery("topic:Economy  ")
    #expect(model.viewShortcutRows.map(\.isActive) == [true, false, false])
  }

  @Test func aMissingOrUnreadableViewSaysSoAndLeavesTheList() {
    var model = Self.model()
    expectApply(&model, .applyView(4)) {
      $0.status.show("No view numbered 4", isError: true, now: 100)
    }
    expectApply(&model, .applyView(3)) {
      $0.status.show("View \"Broken\": its query cannot be read", isError: true, now: 100)
    }
    var empty = Fixtures.model()
    expectApply(&empty, .applyView(1)) {
      $0.status.show("No views: define them in the config file", isError: true, now: 100)
    }
    expectApply(&empty, .applyPickerView)  // no picker open
  }

  @Test func theCountsFollowMarksAndNewRecordsWhileThePickerIsOpen() {
    var model = Self.model()
    model.apply(.showViewPicker, now: 0)
    model.apply(.marksLoaded([ReadingMark(id: "a", readAt: 1), ReadingMark(id: "c", readAt: 2)]), now: 0)
    #expect(model.viewPickerRows.map(\.unread) == [1, 1, 0])
    // The weather view's query reads the reading state: c, just read, no longer matches it.
    #expect(model.viewPickerRows.map(\.total) == [2, 1, 0])
    let fewer = ArticleCatalog(articles: Array(Fixtures.five().articles.prefix(2)))
    model.apply(.reload, now: 0)
    model.apply(.loaded(fewer, [], generation: 1), now: 0)
    #expect(
      model.viewPickerRows.map(\.total) == [2, 0, 0] && model.viewPickerRows.map(\.unread) == [1, 0, 0])
  }

  @Test func storyReadOffReadsTheArticleAlone() {
    var model = Fixtures.model()
    #expect(model.story(of: 0) == [0, 2])  // a's related coverage links to c
    model.reading.readsStory = false
    #expect(model.story(of: 0) == [0])
    let effects = model.apply(.toggleRead, now: 5)
    #expect(effects == [.writeMarks([MarkWrite(id: "a", url: "https://lemonde.fr/a", kind: .read, at: 5)])])
    #expect(model.reading.isRead == [true, false, false, false, false])
  }
}
