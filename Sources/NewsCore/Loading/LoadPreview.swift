import Foundation

/// The records a load has parsed so far, handed out while it runs so a first load can list articles long
/// before its last file is read.
///
/// The loading threads add each run of files they finish. Whenever the records gathered reach the next
/// step (the first after `first` records, a screenful; then each `growth` times the one before), the thread
/// that crossed it takes a copy of them in file order with ids made unique among themselves, and calls
/// `deliver` with it; the other threads go on parsing meanwhile. Before the walk of the files is done, its
/// first files get a head start (see `headStart`). The steps grow geometrically so that the
/// previews together cost about what one catalog of the whole load costs, whatever its size. A preview is
/// never handed out while the one before is still being delivered, and none once `finish()` was called.
///
/// A warm start whose files are the listing's, unchanged, hands out instead every record as the listing
/// beside the index holds it (`Part.listing`), while the index's records decode.
public final class LoadPreview: @unchecked Sendable {
  /// What a preview holds.
  public enum Part: Sendable, Equatable {
    /// The records parsed so far, in file order, with ids unique among them (not yet among the whole
    /// load's).
    case parsed
    /// Every record of the load, in load order with its final id, as the listing beside the index holds it
    /// (`ListingRows.articles()`): the fields a list shows, no topics, related coverage or body.
    case listing
  }

  /// Hands out `catalog`, of articles that are `part`, made for listing in `order`.
  public typealias Deliver = @Sendable (_ catalog: ArticleCatalog, _ part: Part) -> Void

  /// Guards everything below; `finish()` waits on it for a delivery under way.
  private let lock = NSCondition()
  private let deliver: Deliver
  private let growth: Int
  /// File index and record, in the order the threads finished them.
  private var gathered: [(file: Int, article: Article)] = []
  /// The head start's records (see `headStart`) by path, until the load's own parse has read their file.
  private var headRecords: [String: [Article]] = [:]
  private var filesRead = 0
  private var nextStep: Int
  private var delivering = false
  private var finished = false
  /// How many previews were delivered (read it after `finish()`).
  public private(set) var deliveredCount = 0

  /// How many records the first preview holds, about a screenful.
  public let first: Int
  /// The order the catalogs handed out are listed in first (`ArticleCatalog.forListing`).
  public let order: SortOrder

  /// `first` records make the first preview (about a screenful); each later one waits for `growth` times as
  /// many as the one before.
  public init(first: Int = 64, growth: Int = 4, order: SortOrder = .newest, deliver: @escaping Deliver) {
    self.first = max(1, first)
    self.order = order
    self.nextStep = max(1, first)
    self.growth = max(2, growth)
    self.deliver = deliver
  }

  /// The catalog a preview of `articles` hands out.
  func catalog(of articles: [Article]) -> ArticleCatalog { .forListing(articles, order: order) }

  /// Delivers `catalog` (see `catalog(of:)`), every record of a warm start as the listing beside the index
  /// holds them, as the last preview, while the index's records decode. It replaces the head start's (the
  /// first files the walk met, parsed); nothing is delivered after it, and nothing once the load is
  /// complete.
  func deliverListing(_ catalog: ArticleCatalog) {
    lock.lock()
    while delivering { lock.wait() }
    guard !finished, !catalog.articles.isEmpty else {
      lock.unlock()
      return
    }
    delivering = true
    finished = true
    lock.unlock()
    handOut(catalog, .listing)
  }

  /// Adds the records of `files` finished files (by a loading thread); delivers a preview on this thread
  /// when they crossed the next step.
  func add(_ records: [(file: Int, article: Article)], files: Int, of total: Int) {
    lock.lock()
    gathered.append(contentsOf: records)
    if !headRecords.isEmpty {
      for record in records { headRecords.removeValue(forKey: record.article.source.path) }
    }
    filesRead += files
    // The last files of the load need no preview: the whole load follows at once.
    guard !finished, !delivering, gathered.count >= nextStep, filesRead < total else {
      lock.unlock()
      return
    }
    delivering = true
    let snapshot = gathered
    let head = headRecords.values.joined()
    nextStep = gathered.count * growth
    // The last steps would cost the most and come last: past half the files the preview stops, and what
    // was gathered is given back now.
    if nextStep > total / 2 {
      finished = true
      gathered = []
      headRecords = [:]
    }
    lock.unlock()

    var articles = snapshot.sorted { $0.file < $1.file }.map(\.article)
    articles.append(contentsOf: head)
    deliverOutsideTheLock(articles)
  }

  /// Makes the ids of parsed `articles` unique among themselves and delivers them, then lets the next
  /// preview (or `finish()`) go on; called with `delivering` set and the lock not held.
  private func deliverOutsideTheLock(_ articles: [Article]) {
    var articles = articles
    ArticleIdentity.assign(to: &articles)
    handOut(catalog(of: articles), .parsed)
  }

  /// Delivers `catalog`, then lets the next preview (or `finish()`) go on; called with `delivering` set and
  /// the lock not held.
  private func handOut(_ catalog: ArticleCatalog, _ part: Part) {
    deliver(catalog, part)
    lock.lock()
    delivering = false
    deliveredCount += 1
    lock.broadcast()
    lock.unlock()
  }

  /// Parses `files` (the first the walk met, before it has sorted them) on a thread of its own and delivers
  /// their records as the first preview, unless the load's own parse has delivered one already. Later
  /// previews keep them until the parse reads their files, so no article listed goes away while the load
  /// runs.
  func headStart(_ files: [RecordFileEntry], options: LoadOptions) {
    let thread = Thread { [self] in
      let interner = StringInterner()
      let buffer = ReadBuffer()
      let scratch = DecodeScratch()
      var articles: [Article] = []
      var byPath: [String: [Article]] = [:]
      for file in files {
        let outcome = RecordFile.load(
          file, options: options, interner: interner, buffer: buffer, scratch: scratch)
        let records = outcome.single.map { [$0] } ?? outcome.articles
        guard let first = records.first else { continue }
        articles += records
        byPath[first.source.path, default: []] += records
      }
      lock.lock()
      guard !finished, !delivering, deliveredCount == 0, !articles.isEmpty else {
        lock.unlock()
        return
      }
      delivering = true
      headRecords = byPath
      nextStep = max(nextStep, articles.count * growth)
      lock.unlock()
      deliverOutsideTheLock(articles)
    }
    thread.start()
  }

  /// No preview after this returns: the load is complete (or abandoned). A delivery under way is waited
  /// for, so that the load's own result always comes after its last preview.
  public func finish() {
    lock.lock()
    while delivering { lock.wait() }
    finished = true
    gathered = []
    headRecords = [:]
    lock.unlock()
  }
}
