import Dispatch
import Foundation

/// Limits and settings for loading records.
public struct LoadOptions: Sendable, Hashable {
  /// Files larger than this are refused with an error.
  public var maxFileBytes: Int
  /// Nodes per YAML document, alias expansions included; past it the document is refused.
  public var maxNodesPerDocument: Int
  /// Deepest nesting of mappings and sequences accepted.
  public var maxDepth: Int
  /// Files parsed at once; 0 means one per core.
  public var concurrency: Int
  /// Files and directories the walk examines before it stops with an error (`--max-files`).
  public var maxFiles: Int

  public init(
    maxFileBytes: Int = 8 << 20, maxNodesPerDocument: Int = 100_000, maxDepth: Int = 64,
    concurrency: Int = 0, maxFiles: Int = 1_000_000
  ) {
    self.maxFileBytes = maxFileBytes
    self.maxNodesPerDocument = maxNodesPerDocument
    self.maxDepth = maxDepth
    self.concurrency = concurrency
    self.maxFiles = maxFiles
  }
}

/// Everything a load produced: the records in a deterministic order and what went wrong.
public struct LoadResult: Sendable {
  public var articles: [Article]
  public var diagnostics: [Diagnostic]
  /// Record files read (whether or not they yielded a record).
  public var fileCount: Int
  /// Paths given that do not exist.
  public var missingPaths: [String]
  /// Paths given that exist but hold no record file (`check` exits 66 for them too).
  public var emptyPaths: [String] = []
  /// Paths given that exist but could not be read (`check` exits 66); an error diagnostic says why.
  public var unreadablePaths: [String] = []
  /// Record files whose records came from the load index instead of being parsed (0 without an index).
  public var reusedFileCount = 0
  /// Record files parsed by this load (every one without an index).
  public var parsedFileCount = 0
  /// Files the index knew that are gone now.
  public var removedFileCount = 0

  /// Diagnostics of severity error.
  public var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }
  /// Diagnostics of severity warning.
  public var warningCount: Int { diagnostics.lazy.filter { $0.severity == .warning }.count }
  /// Whether some path given held nothing to load: missing, unreadable, or without a record file.
  public var hasPathProblem: Bool { !missingPaths.isEmpty || !emptyPaths.isEmpty || !unreadablePaths.isEmpty }

  public init(
    articles: [Article] = [], diagnostics: [Diagnostic] = [], fileCount: Int = 0, missingPaths: [String] = []
  ) {
    self.articles = articles
    self.diagnostics = diagnostics
    self.fileCount = fileCount
    self.missingPaths = missingPaths
  }
}

/// Loads news records from files and directories.
public struct SeedLoader: Sendable {
  public var options: LoadOptions
  /// The file-system calls the walk makes (tests replace one to make it fail).
  var system = WalkerSystem.live

  public init(options: LoadOptions = LoadOptions()) {
    self.options = options
  }

  init(options: LoadOptions, system: WalkerSystem) {
    self.options = options
    self.system = system
  }

  /// Record files read so far and found in all, reported while a load runs.
  public typealias Progress = @Sendable (_ filesRead: Int, _ filesTotal: Int) -> Void

  /// Loads every record under `paths`; never throws: problems become diagnostics.
  ///
  /// Files are parsed on all cores (or `options.concurrency` threads); the result is in sorted path order
  /// whatever the scheduling, and ids are unique. `progress`, when given, is called from the loading
  /// threads about every `progressInterval` files and once at the end.
  public func load(
    paths: [String], progressInterval: Int = 512, progress: Progress? = nil, preview: LoadPreview? = nil
  ) -> LoadResult {
    var walker = walker(previewing: preview)
    walker.walk(paths)
    let files = walker.files
    progress?(0, files.count)
    var (articles, outcomes) = readFiles(
      files, progressInterval: progressInterval, progress: progress, preview: preview)
    preview?.finish()
    progress?(files.count, files.count)
    // Before `result` shares the array: assigning through it then would copy all the articles.
    ArticleIdentity.assign(to: &articles)
    var result = Self.result(articles: articles, outcomes: outcomes, walker: walker)
    result.parsedFileCount = files.count
    return result
  }

  /// The walk of a load; with a preview, its first files get a head start (see `LoadPreview.headStart`).
  func walker(previewing preview: LoadPreview?) -> FileWalker {
    var walker = FileWalker(maxEntries: options.maxFiles, system: system)
    if let preview {
      let options = self.options
      walker.headStart = { preview.headStart($0, options: options) }
    }
    return walker
  }

  /// The load's result from its records (ids already unique), each file's outcome and the walk.
  static func result(articles: [Article], outcomes: [RecordFileOutcome], walker: FileWalker) -> LoadResult {
    var result = LoadResult(articles: articles, fileCount: 0, missingPaths: walker.missingPaths)
    result.emptyPaths = walker.emptyPaths
    result.unreadablePaths = walker.unreadablePaths
    result.diagnostics = walker.diagnostics
    for index in outcomes.indices where outcomes[index].isRecordFile {
      result.fileCount += 1
      result.diagnostics.append(contentsOf: outcomes[index].diagnostics)
    }
    return result
  }

  /// Reads `files` on the loading threads: their records in file order (with base ids, not yet unique), and
  /// each file's outcome (its diagnostics, and the records of a file with several). `prepared[i]`, when
  /// given and not nil, is file `i`'s outcome from the load index: it is used instead of reading the file.
  /// `preview`, when given, is handed each run of files as it is finished.
  func readFiles(
    _ files: [RecordFileEntry], prepared: [RecordFileOutcome?]? = nil, progressInterval: Int,
    progress: Progress?, preview: LoadPreview? = nil
  ) -> ([Article], [RecordFileOutcome]) {
    let workers = min(
      files.count, options.concurrency > 0 ? options.concurrency : ProcessInfoLite.activeProcessorCount)
    let options = self.options
    var single: [Article] = []
    // Each file's outcome goes straight to its slot: gathering them per thread, then into one array, then
    // into file order held three arrays of 100,000 outcomes at once, and the growth of the first two.
    var finished = [RecordFileOutcome](repeating: RecordFileOutcome(), count: files.count)
    finished.withUnsafeMutableBufferPointer { storage in
      let slots = OutcomeSlots(storage: storage)
      single = PlacedArticles.build(count: files.count) { places in
        // Workers claim runs of files as they go rather than a fixed share: on a machine whose other cores
        // are busy part of the time, a fixed share leaves the load waiting for the slowest worker.
        let claims = FileClaims(count: files.count, run: 16)
        let work: @Sendable (Int) -> Void = { _ in
          let interner = StringInterner()
          let buffer = ReadBuffer()
          let scratch = DecodeScratch()
          var shown: [(file: Int, article: Article)] = []
          while let run = claims.next() {
            for index in run {
              var outcome =
                prepared?[index]
                ?? RecordFile.load(
                  files[index], options: options, interner: interner, buffer: buffer, scratch: scratch)
              if preview != nil {
                if let single = outcome.single {
                  shown.append((index, single))
                } else {
                  for article in outcome.articles { shown.append((index, article)) }
                }
              }
              if let single = outcome.single {
                places.place(single, at: index)
                outcome.single = nil
                outcome.isPlaced = true
              } else if outcome.articles.count == 1 {
                places.place(outcome.articles[0], at: index)
                outcome.articles = []
                outcome.isPlaced = true
              }
              slots.put(outcome, at: index)
            }
            if let progress, let done = claims.finishedCrossing(interval: progressInterval, adding: run.count)
            {
              progress(done, files.count)
            }
            if let preview {
              preview.add(shown, files: run.count, of: files.count)
              shown.removeAll(keepingCapacity: true)
            }
          }
        }
        if workers <= 1 {
          work(0)
        } else {
          DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
      }
    }
    guard finished.contains(where: { $0.articles.count > 1 }) else { return (single, finished) }
    // Rare: a file with several documents. Rebuild in file order.
    var merged: [Article] = []
    merged.reserveCapacity(single.count + finished.reduce(0) { $0 + $1.articles.count })
    var next = 0
    for outcome in finished {
      if outcome.isPlaced {
        merged.append(single[next])
        next += 1
      } else {
        merged.append(contentsOf: outcome.articles)
      }
    }
    return (merged, finished)
  }
}

/// The load's outcome array, lent to the loading threads while they fill it: each index is written by
/// the one thread that claimed its file (`FileClaims` hands out each index once), so no two threads touch
/// the same element.
struct OutcomeSlots: @unchecked Sendable {
  let storage: UnsafeMutableBufferPointer<RecordFileOutcome>

  /// Replaces the outcome at `index`, which no other thread writes.
  func put(_ outcome: RecordFileOutcome, at index: Int) { storage[index] = outcome }
}

/// Hands out runs of file indices to loading workers, each index exactly once.
final class FileClaims: @unchecked Sendable {
  private let lock = NSLock()
  private var claimed = 0
  private let count: Int
  private let run: Int

  init(count: Int, run: Int) {
    self.count = count
    self.run = run
  }

  private var finished = 0

  /// Counts `count` more files as read; returns the total read when it crossed a multiple of `interval`.
  func finishedCrossing(interval: Int, adding count: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    let before = finished
    finished += count
    return finished / max(1, interval) != before / max(1, interval) ? finished : nil
  }

  /// The next run of indices, or nil when every file has been claimed.
  func next() -> Range<Int>? {
    lock.lock()
    defer { lock.unlock() }
    guard claimed < count else { return nil }
    let range = claimed..<min(count, claimed + run)
    claimed = range.upperBound
    return range
  }
}
