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
    // Everything listed as text or TSV reads a few fields of each record: from a good index, only those
    // are decoded. JSON prints every field, and a query may read any.
    let forListing = combined.expression == .all && format != .json
    let result = index.loader(for: paths, options: LoadOptions(maxFileBytes: maxFileSize, maxFiles: maxFiles))
      .loadThenWriteIndex(paths: paths, forListing: forListing)
    // The marks are read only when something uses them: a query (`is:` terms), a mark filter or JSON, which
    // prints them. Text and TSV of everything print none.
    let needsMarks = combined.expression != .all || unread || read || starred || format == .json
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
    if let marks, unread || read || starred {
      indices = indices.filter { index in
        let mark = marks[loaded[index].id.rawValue]
        return (!unread || mark?.readAt == nil) && (!read || mark?.readAt != nil)
          && (!starred || mark?.starredAt != nil)
      }
    }
    if let limit { indices = Array(indices.prefix(limit)) }
    let output = StandardOutput()
    switch format {
    case .text:
      _ = DisplayWidth.prepareLocale()
      let providerWidth = min(
        24, indices.map { DisplayWidth.columns(of: loaded[$0].item.provider?.name ?? "") }.max() ?? 0)
      // Each field is read in place (`loaded[index].item.title`): a local copy of the article, or a field
      // read through `Article`'s dynamic members (a copy of its whole `NewsItem`), was a retain and a release
      // of each of its strings and arrays, for every field of 100,000 articles.
      for index in indices {
        // A date we read is ten columns of ASCII already; the record's own text is fitted to them.
        if let seconds = loaded[index].item.publishedDateTime?.secondsSince1970 {
          output.appendISO8601(seconds, prefix: 10)
        } else {
          output.append(TextLayout.pad(loaded[index].item.publishedDateTime?.text ?? "", columns: 10))
        }
        output.append("  ")
        output.append(TextLayout.pad(loaded[index].item.provider?.name ?? "", columns: providerWidth))
        output.append("  ")
        output.append(loaded[index].item.title ?? loaded[index].item.excerpt ?? "")
        // Found only through related coverage: said so, or the line would seem not to match at all.
        if relatedOnly.contains(index) { output.append("  (in related coverage)") }
        try output.endLine()
      }
    case .tsv:
      try output.line(["id", "publishedDateTime", "provider", "title", "url"].joined(separator: "\t"))
      try loaded.withUnsafeBufferPointer { articles in
        for index in indices {
          output.appendField(articles[index].id.rawValue)
          output.append(byte: 0x09)
          if let date = articles[index].item.publishedDateTime {
            if let seconds = date.secondsSince1970 {
              output.appendISO8601(seconds)
            } else {
              output.appendField(date.text)
            }
          }
          output.append(byte: 0x09)
          output.appendField(articles[index].item.provider?.name ?? "")
          output.append(byte: 0x09)
          output.appendField(articles[index].item.title ?? "")
          output.append(byte: 0x09)
          let link = OpenableLink.first(
            original: articles[index].item.originalUrl, web: articles[index].item.webUrl,
            amp: articles[index].item.ampWebUrl, cdnAmp: articles[index].item.cdnAmpWebUrl)
          output.appendField(link?.url ?? "")
          try output.endLine()
        }
      }
    case .json:
      let json = JSONOutput()
      ArticleJSON.write(indices.lazy.map { loaded[$0] }, marks: marks, to: json)
      try output.line(json)
    }
    try output.flush()
    if result.hasPathProblem {
      for problem in PathProblem.all(in: result) { printError(problem.errorLine) }
      for path in result.unreadablePaths {
        printError("newsreader: \(TextSanitizer.sanitize(path)): cannot be read; `newsreader check` says why")
      }
      throw ExitCode(66)
    }
    let errors = result.errorCount
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
