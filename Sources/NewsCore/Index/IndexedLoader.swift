import Foundation

/// A load that reads the on-disk load index first and hands back the index to write afterwards: what `list`,
/// `topics` and the reader run.
public struct IndexedLoader: Sendable {
  public var loader: SeedLoader
  /// The index file, or nil to neither read nor write one (`--no-index`).
  public var file: LoadIndexFile?

  public init(loader: SeedLoader, file: LoadIndexFile?) {
    self.loader = loader
    self.file = file
  }

  /// What a load gave, and what is left to do with the index.
  public struct Outcome: Sendable {
    public var result: LoadResult
    /// The index to write for the next start; nil when nothing changed (or without an index).
    public var pendingIndex: LoadIndex?
    /// Why the index on disk could not be used (it is then rebuilt): for one message, never an error.
    public var indexProblem: String?
    /// The index of this load's records, written or not (the one read when nothing changed): what a later
    /// load of only the changed files starts from. Nil without an index file unless `keepingIndex` was asked.
    public var index: LoadIndex? = nil
    /// The index a listing's load decoded (`loadForListing`), which holds only listing fields and so is
    /// never `index`: a command that prints and exits keeps it until then, rather than free 100,000 files'
    /// paths one by one before it prints.
    public var listingIndex: LoadIndex? = nil
    /// The listing to write beside the index when the index is not written again (`loadListing` found
    /// files changed, too few to rewrite the index for): the next `list` of the same files prints it.
    public var pendingListing: PendingListing? = nil
    /// The files a listing's load read (`loadForListing`), with their record counts: what a listing
    /// written from its records keeps of them.
    var listedFiles: [ListedFile]? = nil
  }

  /// What a listing beside the index is made of, encoded when it is written (off the command's path).
  public struct PendingListing: Sendable {
    var articles: [Article]
    var files: [ListedFile]
    var writtenAt: Int64
    var fileErrors: Int
  }

  /// Loads `paths` through the index file; `keepingIndex` builds the index in memory even without a file
  /// (`--no-index` while watching), for later loads of only the changed files.
  /// `preview`, when given, is handed the records parsed so far while files are parsed (see `LoadPreview`).
  public func load(
    paths: [String], keepingIndex: Bool = false, progress: SeedLoader.Progress? = nil,
    preview: LoadPreview? = nil
  ) -> Outcome {
    guard let file else {
      guard keepingIndex else {
        return Outcome(
          result: loader.load(paths: paths, progress: progress, preview: preview), pendingIndex: nil,
          indexProblem: nil)
      }
      let load = loader.load(paths: paths, reusing: nil, progress: progress, preview: preview)
      return Outcome(result: load.result, pendingIndex: nil, indexProblem: nil, index: load.updatedIndex)
    }
    // No index file yet (a first start): the stamps come from the reads, nothing is stat'ed twice.
    guard access(file.path, F_OK) == 0 else {
      let load = loader.load(paths: paths, reusing: nil, progress: progress, preview: preview)
      return Outcome(
        result: load.result, pendingIndex: load.updatedIndex, indexProblem: nil, index: load.updatedIndex)
    }
    // Before the walk's stats: a file changed after this is too recent for a listing written below.
    let startedAt = SeedLoader.wallClockNanoseconds()
    // With a preview, the listing beside the index lists every record once the walk has met its files.
    let listing = preview.map { WarmListing(file: file, preview: $0, loader: loader) }
    // The index is read and decoded on a thread of its own: after the listing is handed out (the cores go to
    // listing first), or beside the walk and the stat of every file without one. The index decoded here is
    // this load's alone: a load of a few changed files takes its records over.
    var listed: (@Sendable () -> Void)? = nil
    if let listing { listed = { listing.done.wait() } }
    let read = IndexRead(file, waitingFor: listed)
    let load = loader.load(
      paths: paths, reusingLater: { read.index }, ownsIndex: true,
      afterWalk: listing.map { listing in { listing.handOut(after: $0) } }, progress: progress,
      preview: preview)
    // A few files changed since a usable index was written are parsed again at the next start too (a
    // millisecond each), rather than the whole index rewritten for them (seconds at 100,000 records).
    let worthWriting = Self.isWorthWriting(load.result, indexWasUsable: read.index != nil)
    var outcome = Outcome(
      result: load.result, pendingIndex: worthWriting ? load.updatedIndex : nil, indexProblem: read.problem,
      index: load.updatedIndex ?? read.index)
    // The index not written again (which writes a listing) and its listing of no use: one of this load.
    if !worthWriting, let listing, let index = outcome.index,
      let pending = listing.replacement(for: load.result, of: index, startedAt: startedAt)
    {
      outcome.pendingListing = pending
      if outcome.indexProblem == nil { outcome.indexProblem = listing.problem }
    }
    return outcome
  }

  /// Loads `paths` for a listing (`list` in text or TSV without a query): from an index that is still good,
  /// only the fields a listing prints and sorts by are decoded (`LoadIndex.Projection.listing`), most of
  /// the strings never made. When the index is missing, unusable or changed enough to be written again,
  /// this is `load(paths:)`: the records are parsed or decoded whole and the index written from them.
  public func loadForListing(paths: [String]) -> Outcome { loadForListing(paths: paths, walked: nil) }

  /// `loadForListing(paths:)` after `walked`, the stamped walk of `paths`, when one was made.
  private func loadForListing(paths: [String], walked: FileWalker?) -> Outcome {
    guard let file, access(file.path, F_OK) == 0 else { return load(paths: paths) }
    let read = IndexRead(file, projection: .listing)
    let load = loader.load(
      paths: paths, reusingLater: { read.index }, walked: walked, progress: nil, preview: nil)
    // Then the walk and the stats are done again (an unusable index, or hundreds of changed files): rare.
    guard !Self.isWorthWriting(load.result, indexWasUsable: read.index != nil) else {
      return self.load(paths: paths)
    }
    // Nothing is written and nothing kept for a later load: this index holds listing fields only.
    var outcome = Outcome(
      result: load.result, pendingIndex: nil, indexProblem: nil, index: nil, listingIndex: read.index)
    outcome.listedFiles = (load.updatedIndex ?? read.index).map(ListedFile.files(of:))
    return outcome
  }

  /// What a listing's load gave: the rows of the listing beside the index, or records loaded.
  public enum Listing<Prepared: Sendable>: Sendable {
    /// The files are the index's, unchanged since it was written: its rows are what a load would list, and
    /// `prepared` is what was made from them while the files were walked. `walk` holds what the walk found
    /// (paths that held nothing or could not be read, the walk's own diagnostics), and no records.
    case rows(ListingSnapshot, prepared: Prepared, walk: LoadResult)
    /// The records, as `loadForListing(paths:)` gives them.
    case loaded(Outcome)
  }

  /// Loads `paths` for a listing that prints what `ListingRows` holds (`list` in text or TSV of everything):
  /// while the files are walked and `stat`ed, the listing beside the index is read and `preparing` makes
  /// what is to be printed from it (the output, on the core the walk leaves idle). If the files are the
  /// ones that listing describes, unchanged, it is the listing; otherwise what was prepared is dropped and
  /// the load goes on as `loadForListing(paths:)`, from the same walk.
  public func loadListing<Prepared: Sendable>(
    paths: [String], preparing: @escaping @Sendable (ListingSnapshot) -> Prepared
  ) -> Listing<Prepared> {
    guard let file, access(file.path, F_OK) == 0 else { return .loaded(load(paths: paths)) }
    let section = BackgroundValue { () -> (LoadIndexFile.ListingRead, Prepared?) in
      let read = file.readListing()
      return (read, read.snapshot.map(preparing))
    }
    // Before the walk's stats: a file changed after this is too recent for the listing written below.
    let startedAt = SeedLoader.wallClockNanoseconds()
    let walker = loader.stampedWalk(paths)
    let (read, prepared) = section.value
    guard let snapshot = read.snapshot, let prepared, snapshot.describes(walker.files) else {
      var outcome = loadForListing(paths: paths, walked: walker)
      if case .unusable(let reason) = read, outcome.indexProblem == nil { outcome.indexProblem = reason }
      // Files changed without the index written again: a listing of them as they are now is, so the next
      // `list` prints rows again (written with the index otherwise).
      if outcome.pendingIndex == nil, let files = outcome.listedFiles {
        let walkErrors = walker.diagnostics.lazy.filter { $0.severity == .error }.count
        outcome.pendingListing = PendingListing(
          articles: outcome.result.articles, files: files, writtenAt: startedAt,
          fileErrors: outcome.result.errorCount - walkErrors)
      }
      return .loaded(outcome)
    }
    var walk = LoadResult(articles: [], fileCount: walker.files.count, missingPaths: walker.missingPaths)
    walk.emptyPaths = walker.emptyPaths
    walk.unreadablePaths = walker.unreadablePaths
    walk.diagnostics = walker.diagnostics
    walk.reusedFileCount = walker.files.count
    return .rows(snapshot, prepared: prepared, walk: walk)
  }

  /// Whether the load that gave `result` should write the index again: there was no usable one, or enough
  /// files were parsed or are gone since it was written.
  static func isWorthWriting(_ result: LoadResult, indexWasUsable: Bool) -> Bool {
    let changed = result.parsedFileCount + result.removedFileCount
    return !indexWasUsable || changed >= rewriteThreshold(files: result.fileCount)
  }

  /// Files parsed or gone since the index on disk was written from which it is written again: 16, or one
  /// in 200 of the files (500 at 100,000, which a start parses in about 40 ms).
  public static func rewriteThreshold(files: Int) -> Int { max(16, files / 200) }

  /// Writes `outcome`'s index if there is one; a failure is returned as one message for the user.
  public func writeIndex(of outcome: Outcome) -> String? {
    guard let file else { return nil }
    do throws(IndexWriteFailure) {
      if let index = outcome.pendingIndex {
        try file.write(index)
      } else if let listing = outcome.pendingListing {
        try file.writeListing(
          ListingSnapshot.encoded(
            listing.articles, files: listing.files, writtenAt: listing.writtenAt,
            fileErrors: listing.fileErrors))
      }
      return nil
    } catch {
      return error.description
    }
  }
}

/// A value made on a thread of its own; asking for it waits until it is made.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var made: Value? = nil
  private var isMade = false

  init(_ make: @escaping @Sendable () -> Value) {
    Thread { [self] in
      let value = make()
      condition.lock()
      made = value
      isMade = true
      condition.broadcast()
      condition.unlock()
    }.start()
  }

  /// The value (which must not have been taken).
  var value: Value {
    condition.lock()
    defer { condition.unlock() }
    while !isMade { condition.wait() }
    return made!
  }

  /// The value, let go of here: asked for once, by its one user.
  func take() -> Value {
    condition.lock()
    defer { condition.unlock() }
    while !isMade { condition.wait() }
    defer { made = nil }
    return made!
  }
}

/// An index file being read on a thread of its own; asking for its index waits for the read.
final class IndexRead: Sendable {
  private let read: BackgroundValue<LoadIndexFile.ReadOutcome>

  /// Reads `file` once `waitingFor` (when given) has returned.
  init(
    _ file: LoadIndexFile, projection: LoadIndex.Projection = .everything,
    waitingFor: (@Sendable () -> Void)? = nil
  ) {
    read = BackgroundValue {
      waitingFor?()
      return file.read(projection: projection)
    }
  }

  private var finished: LoadIndexFile.ReadOutcome { read.value }

  /// The index read, nil when there is none or it cannot be used.
  var index: LoadIndex? {
    if case .loaded(let index) = finished { return index }
    return nil
  }

  /// Why the index on disk cannot be used, for one message.
  var problem: String? {
    if case .unusable(let reason) = finished { return reason }
    return nil
  }
}

extension LoadResult {
  /// `parsed 1, reused 99,999`: how much of a load came from the index, for `check --stats` and the `!`
  /// overlay.
  public var indexSummary: String {
    var text = "parsed \(Self.grouped(parsedFileCount)), reused \(Self.grouped(reusedFileCount))"
    if removedFileCount > 0 { text += ", \(Self.grouped(removedFileCount)) gone since the last load" }
    return text
  }

  private static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var out = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return out
  }
}
