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

  @Option(help: "Words that must all appear in title, excerpt, provider or topics.")
  var search: String = ""

  @Option(help: "Order: newest, oldest, quality, heat, provider or title.")
  var sort: SortOrder = .newest

  @Option(help: "Print at most this many articles.")
  var limit: Int?

  @Option(help: "Output format: text, json or tsv.")
  var format: ListFormat = .text

  @Option(help: "Largest record file read, in bytes.")
  var maxFileSize: Int = LoadOptions().maxFileBytes

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
  }

  func run() throws {
    let result = SeedLoader(options: LoadOptions(maxFileBytes: maxFileSize)).load(paths: paths)
    let catalog = ArticleCatalog(articles: result.articles)
    let filter = ArticleFilter(topics: Set(topic), category: category, provider: provider, search: search)
    var indices = catalog.select(filter, order: sort)
    let marks = try readingState()
    if let marks, unread || read || starred {
      indices = indices.filter { index in
        let mark = marks[catalog.articles[index].id.rawValue]
        return (!unread || mark?.readAt == nil) && (!read || mark?.readAt != nil)
          && (!starred || mark?.starredAt != nil)
      }
    }
    if let limit { indices = Array(indices.prefix(limit)) }
    let articles = indices.map { catalog.articles[$0] }
    switch format {
    case .text:
      _ = DisplayWidth.prepareLocale()
      let providerWidth = min(
        24, articles.map { DisplayWidth.columns(of: $0.provider?.name ?? "") }.max() ?? 0)
      for article in articles {
        let date = article.publishedDateTime.map(Self.day) ?? ""
        let provider = TextLayout.pad(article.provider?.name ?? "", columns: providerWidth)
        print(
          TextLayout.pad(date, columns: 10) + "  " + provider + "  "
            + (article.title ?? article.excerpt ?? "")
        )
      }
    case .tsv:
      print(["id", "publishedDateTime", "provider", "title", "url"].joined(separator: "\t"))
      for article in articles {
        let fields = [
          article.id.rawValue, article.publishedDateTime.map(Self.iso) ?? "", article.provider?.name ?? "",
          article.title ?? "", article.item.openableURL ?? "",
        ]
        print(fields.map { $0.replacingTabs() }.joined(separator: "\t"))
      }
    case .json:
      let json = JSONOutput()
      ArticleJSON.write(articles, marks: marks, to: json)
      print(json.text)
    }
    if !result.missingPaths.isEmpty || !result.emptyPaths.isEmpty {
      for path in result.missingPaths {
        printError("newsreader: \(TextSanitizer.sanitize(path)): no such file or directory")
      }
      for path in result.emptyPaths {
        printError("newsreader: \(TextSanitizer.sanitize(path)): holds no record file")
      }
      throw ExitCode(66)
    }
    let errors = result.errorCount
    if errors > 0 {
      printError(
        "newsreader: \(errors) error\(errors == 1 ? "" : "s") while loading; `newsreader check` shows them")
    }
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

  /// `YYYY-MM-DD`, or the record's own text when it is not a date we read.
  static func day(_ date: NewsDate) -> String {
    guard let seconds = date.secondsSince1970 else { return date.text }
    return String(DateParser.iso8601(seconds).prefix(10))
  }

  static func iso(_ date: NewsDate) -> String {
    date.secondsSince1970.map(DateParser.iso8601) ?? date.text
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

/// Writes a line to standard error.
func printError(_ line: String) {
  var stream = StandardError()
  print(line, to: &stream)
}

/// Standard error as a text stream.
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    var string = string
    string.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
  }
}
