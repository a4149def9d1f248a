import ArgumentParser
import NewsCore
import NewsStore
import ScreenKit

#if canImport(Glibc)
  import Glibc
#endif

/// `newsreader list`: the articles after filtering and sorting, through the same catalog code the reader uses.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List articles, filtered and sorted.")

  @Argument(help: "Record files or directories.")
  var paths: [String]

  @Option(help: "Only articles with this topic (repeat for any of several; case-insensitive).")
  var topic: [String] = []

  @Option(help: "Only articles in this category (case-insensitive).")
  var category: String?

  @Option(help: "Only articles from this provider name (case-insensitive).")
  var provider: String?

  @Option(help: "Words that must all appear (a query, like --query; both must match).")
  var search: String = ""

  @Option(
    help: "A query (see the README): words, \"phrases\", -not, or, (), topic:, domain:*.org, date:, ...")
  var query: String = ""

  @Option(help: "Order: newest, oldest, quality, heat, provider or title.")
  var sort: SortOrder = .newest

  @Option(help: "Print at most this many articles.")
  var limit: Int?

  @Option(help: "Output format: text, json or tsv.")
  var format: ListFormat = .text

  @Option(help: "Largest record file read, in bytes.")
  var maxFileSize: Int = LoadOptions().maxFileBytes

  @Option(help: "Files and directories examined at most; past it the walk stops with an error.")
  var maxFiles: Int = LoadOptions().maxFiles

  @OptionGroup var index: IndexOptions

  @Flag(help: "Only articles not read.")
  var unread = false

  @Flag(help: "Only articles read.")
  var read = false

  @Flag(help: "Only starred articles.")
  var starred = false

  @OptionGroup var state: StateOptions

  func validate() throws {
    if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
    if unread, read { throw ValidationError("--unread and --read cannot be used together") }
    if state.disabled, unread || read || starred {
      throw ValidationError("--unread, --read and --starred need the reading state; drop --no-state")
    }
    if maxFiles < 1 { throw ValidationError("--max-files must be positive") }
  }

  func run() throws {
    let combined = try combinedQuery()
    let markFilter = unread || read || starred
    let loader = index.loader(for: paths, options: LoadOptions(maxFileBytes: maxFileSize, maxFiles: maxFiles))
    // Everything listed as text or TSV prints a few fields of each record: the listing beside the index
    // holds them as rows, or from a good index only those fields are decoded. JSON prints every field, and a query
    // or a mark filter may read any.
    let forListing = combined.expression == .all && format != .json
    var result: LoadResult
    if forListing && !markFilter {
      if format == .text { _ = DisplayWidth.prepareLocale() }
      // The output is made from the listing's rows while the walk runs, and written once the walk has shown
      // that the files are the ones those rows came from.
      let (sort, limit, format) = (sort, limit, format)
      let listing = loader.loadListingThenWriteIndex(paths: paths) { snapshot in
        var indices = snapshot.indices(by: sort)
        if let limit { indices = Array(indices.prefix(limit)) }
        // A row's bytes and what its line adds: a date, separators and padding.
        let output = StandardOutput(
          holdingEverything: snapshot.rows.byteCount / max(1, snapshot.rows.count) * indices.count
            + 48 * indices.count + 4096)
        // Held, not written, so nothing can fail.
        try? Self.print(snapshot.rows, indices, relatedOnly: [], format: format, to: output)
        return output
      }
      switch listing {
      case .rows(let snapshot, let output, let walk):
        try output.flush()
        return try Self.report(walk, fileErrors: snapshot.fileErrorCount)
      case .loaded(let outcome):
        result = outcome.result
      }
    } else {
      result = loader.loadThenWriteIndex(paths: paths, forListing: forListing)
    }
    // The marks are read only when something uses them: a query (`is:` terms), a mark filter or JSON, which
    // prints them. Text and TSV of everything print none.
    let needsMarks = combined.expression != .all || markFilter || format == .json
    let marks = needsMarks ? try readingState() : nil
    let loaded = result.articles
    var indices: [Int]
    var relatedOnly = Set<Int>()
    if combined.expression == .all {
      // Everything is listed: sorted by the catalog's rules without building a catalog, whose folded
      // search text (most of its build) no term would read.
      indices = ArticleOrdering.indices(of: loaded, by: sort)
    } else {
      let catalog = ArticleCatalog(articles: loaded)
      // The user's time zone (TZ honoured), the real clock, and the marks for `is:` terms (`is:new` is the
      // reader's notion of a session; here an article is new when it was never seen).
      let known = marks ?? [:]
      let context = QueryContext.user(
        readingState: ReadingStateClosure { article, _ in
          guard let mark = known[article.id.rawValue] else { return .new }
          var flags: ReadingStateFlags = []
          if mark.readAt != nil { flags.insert(.read) }
          if mark.starredAt != nil { flags.insert(.starred) }
          if mark.firstSeenAt == nil { flags.insert(.new) }
          return flags
        })
      let selection = catalog.select(combined, context: context, order: sort)
      indices = selection.indices
      relatedOnly = selection.relatedOnly
    }
    if let marks, markFilter {
      indices = indices.filter { index in
        let mark = marks[loaded[index].id.rawValue]
        return (!unread || mark?.readAt == nil) && (!read || mark?.readAt != nil)
          && (!starred || mark?.starredAt != nil)
      }
    }
    if let limit { indices = Array(indices.prefix(limit)) }
    let output = StandardOutput()
    switch format {
    case .text, .tsv:
      // The same rows as the listing beside the index holds, made from the records loaded.
      try Self.print(
        ListingRows(articles: loaded), indices, relatedOnly: relatedOnly, format: format, to: output)
    case .json:
      let json = JSONOutput()
      ArticleJSON.write(indices.lazy.map { loaded[$0] }, marks: marks, to: json)
      try output.line(json)
    }
    try output.flush()
    try Self.report(result)
  }

  /// `rows` in `indices` as text or TSV.
  private static func print(
    _ rows: ListingRows, _ indices: [Int], relatedOnly: Set<Int>, format: ListFormat,
    to output: StandardOutput
  ) throws {
    if format == .text {
      try ListingPrinter.text(rows, indices, relatedOnly: relatedOnly, to: output)
    } else {
      try ListingPrinter.tsv(rows, indices, to: output)
    }
  }

  /// After the listing: the paths that held nothing (exit 66), else how many errors the load met (which
  /// `fileErrors` adds to: the files' errors, when they came from the listing beside the index).
  private static func report(_ result: LoadResult, fileErrors: Int = 0) throws {
    if result.hasPathProblem {
      for problem in PathProblem.all(in: result) { printError(problem.errorLine) }
      for path in result.unreadablePaths {
        printError("newsreader: \(TextSanitizer.sanitize(path)): cannot be read; `newsreader check` says why")
      }
      throw ExitCode(66)
    }
    let errors = result.errorCount + fileErrors
    if errors > 0 {
      printError(
        "newsreader: \(errors) error\(errors == 1 ? "" : "s") while loading; `newsreader check` shows them")
    }
  }

  /// `--query` and the shorthand options as one query: `--topic T` is `topic:"T"` (several are or-ed),
  /// `--category C` is `category:"C"`, `--provider P` is `provider:"P"`, `--search Q` is the query `Q`.
  func combinedQuery() throws -> Query {
    var parts: [QueryExpression] = []
    let topics = topic.map { QueryExpression.term(.field(.topic, QueryPattern($0, isQuoted: true))) }
    if !topics.isEmpty { parts.append(topics.count == 1 ? topics[0] : .or(topics)) }
    if let category { parts.append(.term(.field(.category, QueryPattern(category, isQuoted: true)))) }
    if let provider { parts.append(.term(.field(.provider, QueryPattern(provider, isQuoted: true)))) }
    for (name, text) in [("search", search), ("query", query)] {
      do {
        let parsed = try Query(text)
        if parsed.expression != .all { parts.append(parsed.expression) }
      } catch {
        printError("\(name):1:\(error.column): error: \(TextSanitizer.sanitize(error.message))")
        throw ExitCode(64)
      }
    }
    let expression: QueryExpression = parts.isEmpty ? .all : parts.count == 1 ? parts[0] : .and(parts)
    return Query(text: query, expression: expression)
  }

  /// The marks by article id: empty when there is no state file yet, nil with `--no-state`. `list`
  /// only reads (WAL: never blocked by a reader writing at the same time) and creates no file.
  private func readingState() throws -> [String: ArticleMark]? {
    guard let opening = try state.open(createIfMissing: false, reportUnsaved: false) else { return nil }
    guard let store = opening.store else {
      if let reason = opening.unsavedReason {
        printError("newsreader: reading state cannot be read: \(reason)")
        throw ExitCode(66)
      }
      return [:]
    }
    let marks = try store.marks()
    store.close()
    return Dictionary(marks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }
}

/// Output formats of `list`.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, tsv
}

extension SortOrder: ExpressibleByArgument {}

extension String {
  /// Tabs would break a TSV row; sanitized one-line fields have none, this is a last guard.
  func replacingTabs() -> String { String(map { $0 == "\t" || $0 == "\n" ? " " : $0 }) }
}
