import NewsCore

/// The records' load: whether one is running, which one counts, how far it got and what it found wrong.
///
/// Every load has a generation; a newer load supersedes an older one still running (the program cancels
/// it), and progress or records from any other generation than the current one are stale and dropped.
public struct LoadingState: Sendable, Equatable {
  /// True between asking for a (re)load and receiving its records.
  public var isLoading: Bool
  /// The load whose results count; 0 before the first.
  public var generation: Int
  /// How far the current load has got, when the loader has said.
  public var progress: LoadProgress?
  /// What was opened, as the header names it (`seeds/`, or `3 paths`); nil names nothing.
  public var sourceName: String?
  /// The problems the last finished load found.
  public var diagnostics: [Diagnostic]
  /// How much of the last whole load came from the load index (`parsed 1, reused 99,999`), nil until
  /// said. A load of watched changes leaves it: it is about the files read at start or on `r`.
  public var indexSummary: String?
  /// The whole load whose figures `indexSummary` awaits: a load of changes started after it does not make
  /// them stale (its `.loadStatistics` may arrive after that load has started).
  public private(set) var summaryGeneration = 0
  /// The load whose records so far are listed (`.loadedPart`; it may have been superseded since), nil when
  /// the list shows a finished load's records.
  public var listedPart: Int?
  /// The articles listed are the listing's (`.loadedListing`): every record, with only the fields a list
  /// shows until the load's `.loaded` brings them whole.
  public var listsListingOnly = false

  public init(
    isLoading: Bool = false, generation: Int = 0, sourceName: String? = nil, diagnostics: [Diagnostic] = []
  ) {
    self.isLoading = isLoading
    self.generation = generation
    self.progress = nil
    self.sourceName = sourceName
    self.diagnostics = diagnostics
    self.indexSummary = nil
  }

  /// Starts a new load and returns its generation; any older one is superseded. A whole load (`whole`,
  /// not one of watched changes) forgets the last one's figures until it says its own.
  public mutating func start(whole: Bool = true) -> Int {
    generation += 1
    isLoading = true
    progress = nil
    listsListingOnly = false
    if whole {
      summaryGeneration = generation
      indexSummary = nil
    }
    return generation
  }

  /// Takes a whole load's figures, unless a newer whole load started since.
  public mutating func receiveSummary(_ summary: String, generation: Int) {
    if generation == summaryGeneration { indexSummary = summary }
  }

  /// Whether a result of load `generation` is the one awaited (not a superseded load's).
  public func isCurrent(_ generation: Int) -> Bool { isLoading && generation == self.generation }

  /// The current load has finished with `diagnostics`.
  public mutating func finish(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
    isLoading = false
    progress = nil
    listedPart = nil
    listsListingOnly = false
  }

  public var diagnosticCount: Int { diagnostics.count }
  public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// Record files read so far out of those found, for the progress shown while loading.
public struct LoadProgress: Sendable, Hashable {
  public var filesRead: Int
  public var filesTotal: Int

  public init(filesRead: Int, filesTotal: Int) {
    self.filesRead = filesRead
    self.filesTotal = filesTotal
  }
}

/// What a reload changed, counted by article id: new ids, ids whose record differs, ids gone.
public struct ReloadChanges: Sendable, Hashable {
  public var added: Int
  public var changed: Int
  public var removed: Int

  public init(added: Int, changed: Int, removed: Int) {
    self.added = added
    self.changed = changed
    self.removed = removed
  }

  /// Compares the records before and after a reload.
  public init(from old: [Article], to new: [Article]) {
    var before: [ArticleID: Article] = [:]
    before.reserveCapacity(old.count)
    for article in old { before[article.id] = article }
    var added = 0
    var changed = 0
    var kept = 0
    for article in new {
      if let previous = before[article.id] {
        kept += 1
        // The path and line may move without the record changing.
        if previous.item != article.item || previous.related != article.related
          || previous.body != article.body || previous.secured != article.secured
        {
          changed += 1
        }
      } else {
        added += 1
      }
    }
    self.init(added: added, changed: changed, removed: before.count - kept)
  }

  /// "3 new, 1 changed, 2 removed", or "no changes".
  public var summary: String {
    let parts = [(added, "new"), (changed, "changed"), (removed, "removed")].filter { $0.0 > 0 }
    return parts.isEmpty ? "no changes" : parts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
  }
}
