import NewsCore

extension ReaderModel {
  /// The file watcher's actions: a change starts a load whose records merge in place (or waits for the
  /// one running), and the arrivals can be visited.
  mutating func applyWatch(_ action: Action, now: Double) -> [Effect] {
    switch action {
    case .filesChanging:
      watch.changesAnnounced = true
      return []
    case .filesChanged(let changes):
      watch.changesAnnounced = false
      guard !loading.isLoading else {
        watch.pendingChanges = (watch.pendingChanges ?? FileChanges()).union(changes)
        return []
      }
      return [startMergingLoad(changes)]
    case .goToNewestArrival:
      let rows = listing.visible.enumerated().filter {
        watch.unseen.contains(listing.catalog.articles[$0.element].id)
      }
      guard !rows.isEmpty else {
        let hidden = watch.unseen.count
        status.show(
          hidden == 0
            ? "No new articles" : "The \(hidden) new article\(hidden == 1 ? " is" : "s are") not shown",
          isError: hidden > 0, now: now)
        return []
      }
      let newest = listing.catalog.sorted(rows.map(\.element), by: .newest)[0]
      if let row = rows.first(where: { $0.element == newest })?.offset {
        listing.setFocus(.articles)
        listing.select(row, in: .articles)
      }
      return []
    default:
      return []
    }
  }

  /// Whether an action is expected from a background thread soon: a load is running, or the watcher said
  /// changes are coming. The run loop then waits for input in short steps, so what arrives is shown at once
  /// rather than at the next idle tick.
  public var awaitsBackgroundAction: Bool { loading.isLoading || watch.changesAnnounced }

  /// After any load: the watch starts once the first records are in, and a change seen during the load
  /// gets a load of its own.
  mutating func watchAfterLoad() -> [Effect] {
    watch.mergingGeneration = nil
    var effects: [Effect] = []
    if watch.isEnabled && !watch.isStarted {
      watch.isStarted = true
      effects.append(.watch)
    }
    if let changes = watch.pendingChanges {
      watch.pendingChanges = nil
      effects.append(startMergingLoad(changes))
    }
    return effects
  }

  /// A load of what changed: only the files named (merged at the cost of the change), or everything when
  /// the watcher lost track.
  private mutating func startMergingLoad(_ changes: FileChanges) -> Effect {
    let generation = loading.start(whole: changes.everything)
    watch.mergingGeneration = generation
    if changes.everything { return .load(generation: generation) }
    return .loadChanges(generation: generation, changes, order: listing.sort)
  }

  /// The records of the changed files arrived: merged into the list at the cost of the change.
  mutating func applyChangesLoaded(
    _ change: CatalogChange, diagnostics: [Diagnostic], height: Int, now: Double
  ) -> [Effect] {
    loading.finish(diagnostics: diagnostics)
    history.clear()  // its listings hold the old catalog's indices
    let summary = ReloadChanges(
      added: change.addedIDs.count, changed: change.changedCount, removed: change.removedIDs.count)
    status.show("Reloaded: " + summary.summary, now: now)
    // The reading state first: the query's `is:` terms and the reading filter read it by catalog index.
    // The reading state is attached to the listed catalog: carried when the change was made from it.
    if change.base === listing.catalog { reading.attach(change) } else { reading.attach(change.catalog) }
    timeline.carry(change)
    listing.queryEnvironment.readingState = reading.snapshot
    let merged = change.base === listing.catalog && listing.restriction.articles == nil
    if merged {
      listing.mergeChange(change, markMask: reading.filterMask, height: height)
      watch.arrived(change)
    } else {
      let previous = listing.catalog
      listing.mergeCatalog(change.catalog, markMask: reading.filterMask, height: height)
      watch.arrived(in: change.catalog, previous: previous)
    }
    return catalogListed(diagnostics: diagnostics)
  }

  /// What follows new records in the listing, whether loaded whole or merged from a change: the search,
  /// the stories view and the open overlay follow the new catalog, and the effects due after a load.
  /// Lists the records a running load has read so far (`.loadedPart`), when nothing else is listed or the
  /// list shows only an earlier part: a reload keeps the records it shows until its load is complete.
  /// The selected article and its row on screen stay as more arrive. Nothing is grouped, watched or recorded
  /// until the load's `.loaded`.
  mutating func listPart(_ catalog: ArticleCatalog, generation: Int, height: Int) -> [Effect] {
    guard loading.listedPart != nil || listing.catalog.articles.isEmpty else { return [] }
    loading.listedPart = generation
    reading.attach(catalog)
    listing.queryEnvironment.readingState = reading.snapshot
    listing.mergeCatalog(catalog, markMask: reading.filterMask, height: height)
    search.catalogReplaced(listing)
    stories.catalogReplaced(listing)
    switch overlays.current {
    case .topicPicker, .facetPicker: overlays.refreshPickers(listing, catalogChanged: true)
    case .viewPicker: refreshViewPicker()
    case .diagnostics, .help, nil: break
    }
    return []
  }

  mutating func catalogListed(diagnostics: [Diagnostic]) -> [Effect] {
    search.catalogReplaced(listing)
    stories.catalogReplaced(listing)
    var effects = watchAfterLoad()
    // Grouped in the background unless the view is shown (then it was grouped with the new records).
    if stories.indexedCatalog !== listing.catalog { effects.append(.groupStories(listing.catalog)) }
    switch overlays.current {
    case .topicPicker, .facetPicker: overlays.refreshPickers(listing, catalogChanged: true)
    case .diagnostics: overlays.list.setCount(diagnostics.count)
    case .viewPicker: refreshViewPicker()
    case .help, nil: break
    }
    return effects
  }
}
