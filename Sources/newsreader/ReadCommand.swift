import ArgumentParser
import CursesScreen
import Foundation
import NewsCore
import ReaderState
import ReaderView

/// The default command: opens the records in the interactive reader.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read", abstract: "Open records in the reader (the default command).")

  @Argument(help: "Record files or directories (default: seeds).")
  var paths: [String] = ["seeds"]

  @Option(
    help: "Theme name (dark, light, monochrome, or a file in a themes directory) or path to a theme file.")
  var theme: String?

  @Option(help: "Initial sort: newest, oldest, quality, heat, provider or title.")
  var sort: NewsCore.SortOrder = .newest

  @Option(help: "Largest record file read, in bytes.")
  var maxFileSize: Int = LoadOptions().maxFileBytes

  @OptionGroup var state: StateOptions

  func validate() throws {
    guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let (chosenTheme, themeMessage) =
      noColor
      ? (Theme.monochrome, nil)
      : Theme.resolve(
        theme,
        directories: Theme.searchDirectories(environment: environment, executablePath: Self.executablePath))

    // Nothing to read at all is a mistake worth saying before taking over the terminal; a missing path
    // beside others that exist is a load problem shown in the reader.
    let missing = paths.filter { !FileManager.default.fileExists(atPath: $0) }
    if !paths.isEmpty, missing.count == paths.count {
      for path in missing {
        FileHandle.standardError.write(
          Data("newsreader: \(TextSanitizer.sanitize(path)): no such file or directory\n".utf8))
      }
      throw ExitCode(66)
    }

    let screen = CursesScreen(useColor: !noColor)
    do {
      try screen.begin()
    } catch {
      let quoted = paths.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
      FileHandle.standardError.write(
        Data("newsreader: \(error); try `newsreader list \(quoted)` to print the articles instead\n".utf8))
      throw ExitCode(2)
    }

    let inbox = ActionInbox()
    let readingState = ReadingStateConnection.open(state, inbox: inbox)
    defer { readingState.finish() }
    let loader = BackgroundLoad(
      paths: paths, options: LoadOptions(maxFileBytes: maxFileSize), inbox: inbox)
    let performer = EffectPerformer(
      clipboard: ClipboardProgram.detect(environment: environment),
      browser: BrowserLauncher.detect(environment: environment), inbox: inbox, reload: loader.start)

    var model = ReaderModel(catalog: ArticleCatalog(articles: []), sort: sort)
    model.isLoading = true
    model.sourceName = TextSanitizer.sanitize(paths.count == 1 ? paths[0] : "\(paths.count) paths")
    let app = ReaderApp(
      screen: screen, model: model, theme: chosenTheme, now: { Date().timeIntervalSince1970 }, inbox: inbox,
      effects: { effect, _ in performer.perform(effect) })
    if let themeMessage { inbox.post(.showStatus(themeMessage, isError: true)) }
    // The first screen is drawn at once; the records arrive through the inbox when loaded.
    loader.start()
    let status = try app.run()
    if status != 0 { throw ExitCode(status) }
  }

  /// This program's path, for finding themes installed beside it.
  static var executablePath: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }
}

/// Loads records on a background thread and posts the result to the reader's inbox.
struct BackgroundLoad: Sendable {
  var paths: [String]
  var options: LoadOptions
  var inbox: ActionInbox

  /// Starts one load; the reader stays responsive while it runs.
  func start() {
    let load = self
    DetachedThread.detach { load.run() }
  }

  private func run() {
    let inbox = self.inbox
    let result = SeedLoader(options: options).load(paths: paths) { read, total in
      inbox.post(.loadProgress(filesRead: read, filesTotal: total))
    }
    let catalog = ArticleCatalog(articles: result.articles)
    inbox.post(.loaded(catalog, BackgroundLoad.diagnostics(of: result)))
  }

  /// The load's diagnostics, with a path that does not exist or holds no record file as an error too.
  static func diagnostics(of result: LoadResult) -> [Diagnostic] {
    let missing = result.missingPaths.map {
      Diagnostic(
        path: TextSanitizer.sanitize($0), line: 0, column: 0, severity: .error,
        message: "no such file or directory")
    }
    let empty = result.emptyPaths.map {
      Diagnostic(
        path: TextSanitizer.sanitize($0), line: 0, column: 0, severity: .error,
        message: "holds no record file")
    }
    return missing + empty + result.diagnostics
  }
}
