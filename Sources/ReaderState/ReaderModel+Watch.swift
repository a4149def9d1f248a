import NewsCore

extension ReaderModel {
  /// The file watcher's actions: a change starts a load whose records merge in place (or waits for the
  /// one running), and the arrivals can be visited.
  mutating func applyWatch(_ action: Action, now: Double) -> [Effect] {
    switch action {
    case .filesChanged:
      guard !loading.isLoading else {
        watch.changedDuringLoad = true
        return []
      }
      return [startMergingLoad()]
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

  /// After any load: the watch starts once the first records are in, and a change seen during the load
  /// gets a load of its own.
  mutating func watchAfterLoad() -> [Effect] {
    watch.mergingGeneration = nil
    var effects: [Effect] = []
    if watch.isEnabled && !watch.isStarted {
      watch.isStarted = true
      effects.append(.watch)
    }
    if watch.changedDuringLoad {
      watch.changedDuringLoad = false
      effects.append(startMergingLoad())
    }
    return effects
  }

  private mutating func startMergingLoad() -> Effect {
    let generation = loading.start()
    watch.mergingGeneration = generation
    return .load(generation: generation)
  }
}
