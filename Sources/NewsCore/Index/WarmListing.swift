import Foundation

/// A warm start's listing: the listing beside the index read, and a catalog of its rows made, on a thread of
/// its own while the files are walked; handed out as the load's preview once the walk has met the listing's
/// files, so every record is listed while the index's records decode (a second at 100,000).
///
/// A few changed files (at most `IndexedLoader.rewriteThreshold`) are parsed, and their records take their
/// rows' places. Files added, removed or renamed, or a listing missing or damaged, leave it unused: the load
/// then lists as a first load does, and `replacement` gives the listing to write from it.
final class WarmListing: @unchecked Sendable {
  private let loader: SeedLoader
  private let preview: LoadPreview
  private let read: BackgroundValue<(LoadIndexFile.ListingRead, ArticleCatalog?)>
  /// Open once the listing is handed out or found of no use (or cannot be read): what the index's decode
  /// waits for.
  let done = Gate()
  /// What became of the listing: set after the walk and read afterwards, on the load's thread only.
  private enum Outcome {
    case notYet, handedOut
    /// Of no use for the files walked: a new listing is written.
    case unused
  }
  private var outcome = Outcome.notYet
  /// Why the listing on disk could not be used, for one message; nil when it was missing or is of other
  /// files (neither is a fault).
  private(set) var problem: String? = nil

  init(file: LoadIndexFile, preview: LoadPreview, loader: SeedLoader) {
    self.loader = loader
    self.preview = preview
    let done = self.done
    read = BackgroundValue {
      let read = file.readListing()
      guard let snapshot = read.snapshot else {
        done.open()
        return (read, nil)
      }
      return (read, preview.catalog(of: snapshot.articles()))
    }
  }

  /// Hands the listing out as the preview if the walk found its `files` (called once, after the walk).
  func handOut(after files: [RecordFileEntry]) {
    defer { done.open() }
    var (read, listed) = self.read.take()
    guard let snapshot = read.snapshot, listed != nil else {
      if case .unusable(let reason) = read { problem = reason }
      outcome = .unused
      return
    }
    // Files added, gone or renamed (or too many changed): this listing is no use until written again.
    guard
      let changed = snapshot.changedFiles(
        files, atMost: IndexedLoader.rewriteThreshold(files: files.count))
    else {
      outcome = .unused
      return
    }
    outcome = .handedOut
    guard !changed.isEmpty else { return preview.deliverListing(listed!) }
    let records = loader.records(of: files, at: changed)
    // A file edited in place gives as many records as it had rows: they take the rows' places in the catalog
    // made of the listing, which carries what it prepared for the rest (a new catalog of 100,000 rows took
    // a warm start 40 ms more than the change itself).
    if let replacements = snapshot.rowReplacements(in: listed!.articles, with: records) {
      return preview.deliverListing(
        ArticleCatalog.replacing(replacements, in: &listed, prepare: preview.order))
    }
    // The rows' records are taken from the catalog made of them, which is let go first: the array is then
    // this call's alone and changed in place.
    var articles = listed!.articles
    (read, listed) = (.missing, nil)
    snapshot.replaceRows(in: &articles, with: records)
    preview.deliverListing(preview.catalog(of: articles))
  }

  /// The listing to write from `result`, the load's records from `index`'s files, when the one on disk was
  /// of no use; nil when it was used.
  func replacement(for result: LoadResult, of index: LoadIndex, startedAt: Int64)
    -> IndexedLoader.PendingListing?
  {
    guard case .unused = outcome else { return nil }
    let fileErrors = index.files.reduce(0) { $0 + $1.diagnostics.lazy.filter { $0.severity == .error }.count }
    return IndexedLoader.PendingListing(
      articles: result.articles, files: ListedFile.files(of: index), writtenAt: startedAt,
      fileErrors: fileErrors)
  }
}

/// Closed until opened once, by any thread; waiting on it returns once it is open.
final class Gate: @unchecked Sendable {
  private let condition = NSCondition()
  private var isOpen = false

  func open() {
    condition.lock()
    isOpen = true
    condition.broadcast()
    condition.unlock()
  }

  func wait() {
    condition.lock()
    while !isOpen { condition.wait() }
    condition.unlock()
  }
}
