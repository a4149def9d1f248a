import NewsCore

extension ReaderModel {
  /// Carries out `action` at time `now` (seconds on the caller's clock) and returns what the program must
  /// do; `geometry` gives the rows a page moves and the text lengths scrolling stops at.
  @discardableResult
  public mutating func apply(_ action: Action, now: Double, geometry: some ReaderGeometry) -> [Effect] {
    status.expire(now: now)
    // Whatever the action evaluates a query with reads the reading state as it is now (a reference to the
    // flags, not a copy); a mark does not list again by itself, so a row just read stays under the cursor.
    listing.queryEnvironment.readingState = reading.snapshot
    let listed = listing.visible
    defer { watch.saw(listing.selectedArticle?.id) }  // an arrival selected has been looked at
    defer {
      // The pickers count among the listed articles, story rows and the timeline follow them: keep them
      // fresh whatever changed the list.
      if listing.visible != listed {
        overlays.refreshPickers(listing)
        if overlays.current == .topicPicker { timeline.refreshTopicSeries(listing) }
        if stories.isShown { stories.refresh(listing) }
        timeline.refresh(listing)
      }
    }
    switch action {
    case .move(let movement):
      let heights = geometry.paneHeights(of: self)
      if overlays.current == nil, var view = readingView {
        view.scroll.scroll(
          movement, lines: geometry.readingLineCount(of: self, now: now), height: heights.reading)
        readingView = view
      } else if overlays.current != nil {
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
    case .focusLeft: listing.focusLeft(sideBySide: geometry.panesSideBySide(for: size))
    case .focusRight: listing.focusRight(sideBySide: geometry.panesSideBySide(for: size))
    case .focus(let pane): listing.setFocus(pane)
    case .select(.articles, let row) where stories.isShown: stories.select(row, listing: &listing)
    case .select(let pane, let row): listing.select(row, in: pane)
    case .activate where stories.isShown && listing.focus == .articles: stories.openSelected(&listing)
    case .activate:
      let before = JumpHistory.Entry(listing: listing, search: search)
      switch listing.activate() {
      case .done: break
      case .jumped(clearedFilters: false): history.record(before)
      case .jumped(clearedFilters: true):
        history.record(before)
        search.end()
        reading.filter = .all
      case .notLoaded:
        status.show("This related item is not among the loaded articles", isError: true, now: now)
      }

    case .startSearch:
      let wasEditing = search.mode == .editing
      search.start(from: listing)
      // Typing goes on after what is kept (a picker's term, say) as a new term, not glued to its end.
      if !wasEditing, let last = listing.queryText.last, !last.isWhitespace {
        listing.queryText += " "
        search.cursor = listing.queryText.count
      }
    case .searchInsert(let text): search.insert(text, into: &listing)
    case .searchDeleteBackward: search.deleteBackward(in: &listing)
    case .searchEdit(let edit): search.edit(edit, in: &listing)
    case .requestSearchHistory: return [.loadSearchHistory]
    case .searchHistoryLoaded(let entries): search.historyLoaded(entries)
    case .commitSearch:
      // The space the edit started with is not kept when nothing was typed after it.
      if listing.queryError == nil {
        while listing.queryText.last?.isWhitespace == true { listing.queryText.removeLast() }
      }
      if let text = search.commit(listing) { return [.recordSearch(text)] }
    case .cancelSearch: _ = search.cancel(in: &listing)
    case .clearSearch: search.clear(in: &listing)

    case .toggleTopic(let topic):
      listing.toggleTopic(topic)
      search.queryChanged(listing)
    case .toggleTopicShortcut(let number):
      if number >= 1 && number <= listing.topicShortcuts.count {
        listing.toggleTopic(listing.topicShortcuts[number - 1])
        search.queryChanged(listing)
      } else {
        status.show("No topic numbered \(number)", isError: true, now: now)
      }
    case .clearTopics:
      listing.clearTopics()
      search.queryChanged(listing)
    case .togglePickerTopic:
      guard overlays.current == .topicPicker, let row = overlays.list.selectedIndex else { break }
      listing.toggleTopic(listing.catalog.topics[row])
      search.queryChanged(listing)

    case .cycleSort:
      listing.cycleSort()
      search.resort(in: listing.catalog, by: listing.sort)
      status.show("Sorted by \(listing.sort.rawValue)", now: now)

    case .toggleStories: stories.toggle(&listing)
    case .openStory: stories.openSelected(&listing)
    case .closeStory: stories.close(&listing)
    case .togglePeriodFilter, .shiftPeriod:
      choosePeriod(action, bars: geometry.paneHeights(of: self).timelineBars, now: now)

    case .copyLink, .copyMarkdownLink, .openInBrowser:
      let effects = share(action, now: now)
      // A link taken away has been read: the article it belongs to, with its story.
      guard !effects.isEmpty, let index = shareTargetArticleIndex else { return effects }
      return effects + readStory(of: index, now: now)

    case .marksLoaded, .newSinceLastRun, .newArrivals, .toggleRead, .markAllShownRead, .undoMarking,
      .toggleStar,
      .nextUnread, .previousUnread, .toggleUnreadOnly, .toggleStarredOnly:
      let effects = applyReading(action, now: now)
      refreshViewPicker()
      return effects

    case .showHelp: overlays.open(.help, rows: 0)
    case .showDiagnostics: overlays.open(.diagnostics, rows: loading.diagnostics.count)
    case .showTopicPicker:
      overlays.open(.topicPicker, rows: listing.catalog.topics.count)
      overlays.refreshTopicCounts(listing)
      timeline.refreshTopicSeries(listing)
    case .showFacetPicker(let facet): overlays.openFacetPicker(facet, listing: listing)
    case .togglePickerFacet:
      guard case .facetPicker(let facet) = overlays.current, let row = overlays.list.selectedIndex,
        let picker = overlays.facetPicker, row < picker.values.count
      else { break }
      listing.toggle(facet, picker.values[row])
      search.queryChanged(listing)
    case .showViewPicker: overlays.openViewPicker(views, listing: listing, reading: reading)
    case .applyPickerView:
      guard overlays.current == .viewPicker, let row = overlays.list.selectedIndex else { break }
      overlays.close()
      applyView(row + 1, now: now)
    case .applyView(let number): applyView(number, now: now)
    case .closeOverlay: overlays.close()

    case .reload:
      watch.mergingGeneration = nil  // `r` reloads everything, as before
      return [.load(generation: loading.start())]
    case .filesChanging, .filesChanged, .goToNewestArrival:
      return applyWatch(action, now: now)
    case .changesLoaded(let change, let diagnostics, let generation):
      guard loading.isCurrent(generation) else { break }  // superseded
      return applyChangesLoaded(
        change, diagnostics: diagnostics, height: geometry.paneHeights(of: self).articles, now: now)
    case .loadProgress(let read, let total, let generation):
      guard loading.isCurrent(generation) else { break }
      loading.progress = LoadProgress(filesRead: read, filesTotal: total)
    case .loadedPart(let catalog, let generation):
      guard loading.isCurrent(generation) else { break }
      return listPart(catalog, generation: generation, height: geometry.paneHeights(of: self).articles)
    case .loadedListing(let catalog, let generation):
      guard loading.isCurrent(generation) else { break }
      let effects = listPart(catalog, generation: generation, height: geometry.paneHeights(of: self).articles)
      if loading.listedPart == generation { loading.listsListingOnly = true }
      return effects
    case .loaded(let catalog, let diagnostics, let generation):
      guard loading.isCurrent(generation) else { break }  // a superseded load's records
      let listsPart = loading.listedPart != nil
      loading.finish(diagnostics: diagnostics)
      history.clear()
      // The first load needs no summary (the list is the news); a reload says what it changed. A load whose
      // first records were listed as they came is the first records' load too.
      if (generation > 1 || !listing.catalog.articles.isEmpty) && !listsPart {
        let changes = ReloadChanges(from: listing.catalog.articles, to: catalog.articles)
        status.show("Reloaded: " + changes.summary, now: now)
      }
      // The reading state first: the query's `is:` terms and the reading filter read it by catalog index.
      reading.attach(catalog)
      listing.queryEnvironment.readingState = reading.snapshot
      if watch.mergingGeneration == generation {
        let previous = listing.catalog
        listing.mergeCatalog(
          catalog, markMask: reading.filterMask, height: geometry.paneHeights(of: self).articles)
        watch.arrived(in: catalog, previous: previous)
      } else if listsPart {
        // The rest of the records join those listed so far: the selected article stays where it is.
        listing.mergeCatalog(
          catalog, markMask: reading.filterMask, height: geometry.paneHeights(of: self).articles)
      } else {
        listing.replaceCatalog(catalog, markMask: reading.filterMask)
      }
      return catalogListed(diagnostics: diagnostics)
    case .loadStatistics(let summary, let generation):
      loading.receiveSummary(summary, generation: generation)
    case .storiesGrouped(let grouping, let catalog):
      stories.grouped(grouping, for: catalog, listing: listing)

    case .resize(let newSize): size = newSize
    case .tick: return tickReading(now: now)
    case .showStatus(let text, let isError): status.show(text, isError: isError, now: now)

    case .openReader:
      guard shareTarget != nil else {
        status.show("Nothing selected", isError: true, now: now)
        break
      }
      readingView = ReadingView()
    case .closeReader: readingView = nil
    case .readNext, .readPrevious:
      guard readingView != nil else { break }
      let before = listing.articleList.selection
      listing.setFocus(.articles)
      listing.move(
        action == .readNext ? .down : .up, heights: geometry.paneHeights(of: self), detailsLines: 0)
      if listing.articleList.selection == before {
        status.show(action == .readNext ? "This is the last article" : "This is the first article", now: now)
      }
      readingView = ReadingView()
    case .copyReadingLink(let number):
      let links = shareTarget.map(ReadingView.links(of:)) ?? []
      guard readingView != nil, number >= 1, number <= links.count else {
        status.show("No link numbered \(number)", isError: true, now: now)
        break
      }
      let link = links[number - 1]
      return [.copyToClipboard(text: link.url, description: "link \(number) (\(link.label))")]

    case .goBack:
      if !travel(back: true) { status.show("Nothing to go back to", isError: true, now: now) }
    case .goForward:
      if !travel(back: false) { status.show("Nothing to go forward to", isError: true, now: now) }

    case .redraw: return [.redraw]
    case .quit:
      if overlays.current != nil {
        overlays.close()
      } else if readingView != nil {
        readingView = nil
      } else if !travel(back: true) {
        hasQuit = true
      }
    case .forceQuit: hasQuit = true
    }
    return []
  }

  /// Restores the listing and search from the jump history, one step back or forward; false when there is
  /// no step that way.
  private mutating func travel(back: Bool) -> Bool {
    let current = JumpHistory.Entry(listing: listing, search: search)
    guard let entry = back ? history.goBack(from: current) : history.goForward(from: current) else {
      return false
    }
    listing = entry.listing
    search = entry.search
    return true
  }
}
