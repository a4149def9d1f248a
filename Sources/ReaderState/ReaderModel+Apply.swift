import NewsCore

extension ReaderModel {
  /// How long a status message stays, in seconds.
  public static let statusDuration: Double = 4

  /// Carries out `action` at time `now` (seconds on the caller's clock) and returns what the program must do.
  @discardableResult
  public mutating func apply(_ action: Action, now: Double) -> [Effect] {
    if let status, now >= status.expires { self.status = nil }
    switch action {
    case .move(let movement): move(movement)
    case .focusNext: setFocus(Pane.allCases[(focus.order + 1) % 3])
    case .focusPrevious: setFocus(Pane.allCases[(focus.order + 2) % 3])
    case .focusLeft: setFocus(Pane.allCases[max(0, focus.order - 1)])
    case .focusRight: setFocus(Pane.allCases[min(2, focus.order + 1)])
    case .focus(let pane): setFocus(pane)
    case .select(let pane, let row): select(row, in: pane)
    case .activate: activate(now: now)

    case .startSearch:
      guard searchMode != .editing else { break }
      searchSnapshot = SearchSnapshot(
        search: filter.search, mode: searchMode, visible: visible, searchResult: searchResult,
        articleList: articleList)
      searchMode = .editing
    case .searchInsert(let text):
      guard searchMode == .editing else { break }
      var narrower = filter
      narrower.search += text
      searchSteps.append(SearchStep(search: filter.search, searchResult: searchResult))
      setFilter(narrower)
    case .searchDeleteBackward:
      guard searchMode == .editing, !filter.search.isEmpty else { break }
      var broader = filter
      broader.search.removeLast()
      if let step = searchSteps.last, step.search == broader.search {
        searchSteps.removeLast()
        setFilter(broader, knownSearchResult: step.searchResult)
      } else {
        setFilter(broader)
      }
    case .commitSearch:
      guard searchMode == .editing else { break }
      searchMode = filter.search.isEmpty ? .off : .applied
      searchSnapshot = nil
      searchSteps = []
    case .cancelSearch:
      guard searchMode == .editing, let snapshot = searchSnapshot else { break }
      filter.search = snapshot.search
      searchMode = snapshot.mode
      visible = snapshot.visible
      searchResult = snapshot.searchResult
      articleList = snapshot.articleList
      searchSnapshot = nil
      searchSteps = []
      resetRelated()
      if overlay == .topicPicker { topicCounts = catalog.topicCounts(among: searchResult) }
    case .clearSearch:
      guard searchMode == .applied else { break }
      var broader = filter
      broader.search = ""
      searchMode = .off
      setFilter(broader)

    case .toggleTopic(let topic): toggleTopic(topic)
    case .toggleTopicShortcut(let number):
      if number >= 1 && number <= topicShortcuts.count {
        toggleTopic(topicShortcuts[number - 1])
      } else {
        setStatus("No topic numbered \(number)", isError: true, now: now)
      }
    case .clearTopics:
      guard !filter.topics.isEmpty else { break }
      var broader = filter
      broader.topics = []
      setFilter(broader)
    case .togglePickerTopic:
      guard overlay == .topicPicker, let row = overlayList.selectedIndex else { break }
      toggleTopic(catalog.topics[row])

    case .cycleSort:
      sort = sort.next
      let selected = selectedArticleIndex
      visible = catalog.sorted(visible, by: sort)
      searchResult = catalog.sorted(searchResult, by: sort)
      searchSteps = []
      if var snapshot = searchSnapshot {
        snapshot.visible = catalog.sorted(snapshot.visible, by: sort)
        snapshot.searchResult = catalog.sorted(snapshot.searchResult, by: sort)
        searchSnapshot = snapshot
      }
      reselect(selected, fallbackRow: articleList.selection, previous: nil)
      setStatus("Sorted by \(sort.rawValue)", now: now)

    case .copyLink, .copyMarkdownLink, .openInBrowser:
      return share(action, now: now)

    case .showHelp: openOverlay(.help, rows: 0)
    case .showDiagnostics: openOverlay(.diagnostics, rows: diagnostics.count)
    case .showTopicPicker:
      topicCounts = catalog.topicCounts(among: searchResult)
      openOverlay(.topicPicker, rows: catalog.topics.count)
    case .closeOverlay:
      overlay = nil
      overlayList = ListViewport(height: paneHeights.overlay)
      topicCounts = []

    case .loadProgress(let read, let total):
      loadProgress = LoadProgress(filesRead: read, filesTotal: total)
    case .reload:
      isLoading = true
      return [.reload]
    case .loaded(let newCatalog, let newDiagnostics):
      let selectedID = selectedArticle?.id
      let row = articleList.selection
      catalog = newCatalog
      diagnostics = newDiagnostics
      isLoading = false
      loadProgress = nil
      topicShortcuts = Array(catalog.topics.prefix(9))
      searchSnapshot = nil
      searchSteps = []
      if searchMode == .editing { searchMode = filter.search.isEmpty ? .off : .applied }
      var others = filter
      others.topics = []
      searchResult = catalog.select(others, order: sort)
      visible = filter.topics.isEmpty ? searchResult : catalog.select(filter, order: sort)
      reselect(selectedID.flatMap(catalog.index(of:)), fallbackRow: row, previous: nil)
      resetRelated()
      if overlay == .topicPicker {
        topicCounts = catalog.topicCounts(among: searchResult)
        overlayList.setCount(catalog.topics.count)
      } else if overlay == .diagnostics {
        overlayList.setCount(diagnostics.count)
      }

    case .resize(let newSize):
      size = newSize
      setPaneHeights(PaneHeights.standard(for: newSize))
    case .setPaneHeights(let heights): setPaneHeights(heights)
    case .setDetailsLineCount(let lines): details.setCount(lines)
    case .setOverlayRowCount(let rows):
      guard overlay != nil else { break }
      overlayList.setCount(rows)
    case .tick: break
    case .showStatus(let text, let isError): setStatus(text, isError: isError, now: now)

    case .redraw: return [.redraw]
    case .quit:
      if overlay != nil { return apply(.closeOverlay, now: now) }
      return [.quit]
    case .forceQuit: return [.quit]
    }
    return []
  }
}

extension Pane {
  var order: Int {
    switch self {
    case .articles: 0
    case .details: 1
    case .related: 2
    }
  }
}
