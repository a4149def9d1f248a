import NewsCore

/// Watching the record files while the reader is open: whether to, whether the watch has started, which
/// load the watcher asked for (its records merge in place), and the articles that arrived unseen.
public struct WatchState: Sendable, Equatable {
  /// `--no-watch` or the config's `watch: false` turn it off.
  public var isEnabled: Bool
  /// The long-lived watch effect has been started (after the first load).
  public var isStarted: Bool
  /// The generation of the load the watcher asked for; a reload with `r` clears it.
  public var mergingGeneration: Int?
  /// The watcher said changes are coming (their records are awaited soon).
  public var changesAnnounced: Bool
  /// Files changed while a load was running: loaded once more when it ends; nil when none did.
  public var pendingChanges: FileChanges?
  /// Articles that arrived through watching and have not been selected yet ("N new").
  public var unseen: Set<ArticleID>

  public init(isEnabled: Bool = false) {
    self.isEnabled = isEnabled
    isStarted = false
    mergingGeneration = nil
    pendingChanges = nil
    changesAnnounced = false
    unseen = []
  }

  /// `catalog` replaced `previous` through a watched reload: what is new joins the unseen, what is gone
  /// leaves them.
  mutating func arrived(in catalog: ArticleCatalog, previous: ArticleCatalog) {
    let before = Set(previous.articles.lazy.map(\.id))
    let now = catalog.articles.lazy.map(\.id)
    unseen.formUnion(now.filter { !before.contains($0) })
    if !unseen.isEmpty { unseen.formIntersection(now) }
  }

  /// A watched change was merged: its new ids join the unseen, its removed ids leave them.
  mutating func arrived(_ change: CatalogChange) {
    unseen.formUnion(change.addedIDs)
    if !unseen.isEmpty { unseen.subtract(change.removedIDs) }
  }

  /// The article `id` is selected: it has been looked at.
  mutating func saw(_ id: ArticleID?) {
    guard !unseen.isEmpty, let id else { return }
    unseen.remove(id)
  }
}
