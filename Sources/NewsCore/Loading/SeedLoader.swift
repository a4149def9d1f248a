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

  public init(articles: [Article] = [], diagnostics: [Diagnostic] = [], fileCount: Int = 0, missingPaths: [String] = []) {
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
  public func load(paths: [String]) -> LoadResult {
    // Implemented by the foundation issue's loader work.
    LoadResult(missingPaths: paths)
  }
}
