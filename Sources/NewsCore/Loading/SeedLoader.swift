import Dispatch

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

  public init(
    maxFileBytes: Int = 8 << 20, maxNodesPerDocument: Int = 100_000, maxDepth: Int = 64,
    concurrency: Int = 0
  ) {
    self.maxFileBytes = maxFileBytes
    self.maxNodesPerDocument = maxNodesPerDocument
    self.maxDepth = maxDepth
    self.concurrency = concurrency
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

  /// Diagnostics of severity error.
  public var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }
  /// Diagnostics of severity warning.
  public var warningCount: Int { diagnostics.lazy.filter { $0.severity == .warning }.count }

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

  public init(options: LoadOptions = LoadOptions()) {
    self.options = options
  }

  /// Loads every record under `paths`; never throws: problems become diagnostics.
  ///
  /// Files are parsed on all cores (or `options.concurrency` threads); the result is in sorted path order
  /// whatever the scheduling, and ids are unique.
  public func load(paths: [String]) -> LoadResult {
    var walker = FileWalker()
    walker.walk(paths)
    let files = walker.files
    var outcomes = [RecordFileOutcome](repeating: RecordFileOutcome(), count: files.count)
    let workers = min(
      files.count, options.concurrency > 0 ? options.concurrency : ProcessInfoLite.activeProcessorCount)
    if workers <= 1 {
      let interner = StringInterner()
      for index in files.indices {
        outcomes[index] = RecordFile.load(files[index], options: options, interner: interner)
      }
    } else {
      let options = self.options
      outcomes.withUnsafeMutableBufferPointer { slots in
        // Each worker takes every n-th file; each slot is written by exactly one worker.
        nonisolated(unsafe) let slots = slots
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          let interner = StringInterner()
          var index = worker
          while index < files.count {
            slots[index] = RecordFile.load(files[index], options: options, interner: interner)
            index += workers
          }
        }
      }
    }
    var result = LoadResult(fileCount: 0, missingPaths: walker.missingPaths)
    result.emptyPaths = walker.emptyPaths
    // One allocation of the final size: growing by doubling would hold two copies while it copies.
    result.articles.reserveCapacity(outcomes.reduce(0) { $0 + $1.articles.count })
    for index in outcomes.indices where outcomes[index].isRecordFile {
      result.fileCount += 1
      result.articles.append(contentsOf: outcomes[index].articles)
      result.diagnostics.append(contentsOf: outcomes[index].diagnostics)
      outcomes[index] = RecordFileOutcome()
    }
    ArticleIdentity.assign(to: &result.articles)
    return result
  }
}
