import NewsCore

extension ReaderModel {
  /// Carries out `action` at time `now` (seconds on the caller's clock) and returns what the program must
  /// do; `geometry` gives the rows a page moves and the text lengths scrolling stops at.
  @discardableResult
  public mutating func apply(_ action: Action, now: Double, geometry: some ReaderGeometry) -> [Effect] {
    status.expire(now: now)
    let searchResult = listing.searchResult
    let visible = listing.visible
    defer {
      // The picker counts topics in the search result: keep them fresh whatever changed it.
      if overlays.current == .topicPicker, listing.searchResult != searchResult {
        overlays.refreshTopicCounts(listing)
        timeline.refreshTopicSeries(listing)
      }
      // Story rows follow the listed articles.
      if listing.visible != visible {
        if stories.isShown { stories.refresh(listing) }
        timeline.refresh(listing)
      }
    }
    switch action {
    case .move(let movement):
      let heights = geometry.paneHeights(for: size)
      if overlays.current != nil {
        let helpLines = overlays.current == .help ? geometry.helpLineCount(of: self) : 0
        overlays.move(movement, height: heights.overlay, helpLines: helpLines)
      } else if stories.isShown && listing.focus == .articles {
        stories.move(movement, height: heights.articles, listing: &listing)
      } else {
        let lines = listing.focus == .details ? geometry.detailsLineCount(of: self, now: now) : 0
        listing.move(movement, heights: heights, detailsLines: lines)
      }
    case .focusNext: listing.focusNext()
    case .focusPrevious: listing.focusPrevious()
    case .focusLeft: listing.focusLeft()
    case .focusRight: listing.focusRight()
    case .focus(let pane): listing.setFocus(pane)
    case .select(.articles, let row) where stories.isShown: stories.select(row, listing: &listing)
    case .select(let pane, let row): listing.select(row, in: pane)
    case .activate where stories.isShown && listing.focus == .articles: stories.openSelected(&listing)
    case .activate:
      switch listing.activate() {
      case .done, .jumped(clearedFilters: false): break
      case .jumped(clearedFilters: true): search.end()
      case .notLoaded:
        status.show("This related item is not among the loaded articles", isError: true, now: now)
      }

    case .startSearch: search.start(from: listing)
    case .searchInsert(let text): search.insert(text, into: &listing)
    case .searchDeleteBackward: search.deleteBackward(in: &listing)
    case .commitSearch: search.commit(listing)
    case .cancelSearch: _ = search.cancel(in: &listing)
    case .clearSearch: search.clear(in: &listing)

    case .toggleTopic(let topic): listing.toggleTopic(topic)
    case .toggleTopicShortcut(let number):
      if number >= 1 && number <= listing.topicShortcuts.count {
        listing.toggleTopic(listing.topicShortcuts[number - 1])
      } else {
        status.show("No topic numbered \(number)", isError: true, now: now)
      }
    case .clearTopics: listing.clearTopics()
    case .togglePickerTopic:
      guard overlays.current == .topicPicker, let row = overlays.list.selectedIndex else { break }
      listing.toggleTopic(listing.catalog.topics[row])

    case .cycleSort:
      listing.cycleSort()
      search.resort(in: listing.catalog, by: listing.sort)
      status.show("Sorted by \(listing.sort.rawValue)", now: now)

    case .toggleStories: stories.toggle(&listing)
    case .openStory: stories.openSelected(&listing)
    case .closeStory: stories.close(&listing)
    case .togglePeriodFilter, .shiftPeriod:
      choosePeriod(action, bars: geometry.paneHeights(for: size).timelineBars, now: now)

    case .copyLink, .copyMarkdownLink, .openInBrowser:
      return share(action, now: now)

    case .showHelp: overlays.open(.help, rows: 0)
    case .showDiagnostics: overlays.open(.diagnostics, rows: loading.diagnostics.count)
    case .showTopicPicker:
      overlays.open(.topicPicker, rows: listing.catalog.topics.count)
      overlays.refreshTopicCounts(listing)
      timeline.refreshTopicSeries(listing)
    case .closeOverlay: overlays.close()

    case .reload:
      return [.load(generation: loading.start())]
    case .loadProgress(let read, let total, let generation):
      guard loading.isCurrent(generation) else { break }
      loading.progress = LoadProgress(filesRead: read, filesTotal: total)
    case .loaded(let catalog, let diagnostics, let generation):
      guard loading.isCurrent(generation) else { break }  // a superseded load's records
      loading.finish(diagnostics: diagnostics)
      listing.replaceCatalog(catalog)
      search.catalogReplaced(listing)
      stories.catalogReplaced(listing)
      switch overlays.current {
      case .topicPicker: overlays.refreshTopicCounts(listing)
      case .diagnostics: overlays.list.setCount(diagnostics.count)
      case .help, nil: break
      }

    case .resize(let newSize): size = newSize
    case .tick: break
    case .showStatus(let text, let isError): status.show(text, isError: isError, now: now)

    case .redraw: return [.redraw]
    case .quit:
      if overlays.current != nil {
        overlays.close()
      } else {
        hasQuit = true
      }
    case .forceQuit: hasQuit = true
    }
    return []
  }
}
