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

  @Option(help: "Files and directories examined at most; past it the walk stops with an error.")
  var maxFiles: Int = LoadOptions().maxFiles

  func validate() throws {
    guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
    guard maxFiles > 0 else { throw ValidationError("--max-files must be positive") }
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
        printError(PathProblem(path: TextSanitizer.sanitize(path), message: PathProblem.missing).errorLine)
      }
      throw ExitCode(66)
    }

    let screen = CursesScreen(useColor: !noColor)
    do {
      try screen.begin()
    } catch {
      let quoted = paths.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
      printError("newsreader: \(error); try `newsreader list \(quoted)` to print the articles instead")
      throw ExitCode(2)
    }

    let inbox = ActionInbox()
    let performer = EffectPerformer(
      clipboard: ClipboardProgram.detect(environment: environment),
      browser: BrowserLauncher.detect(environment: environment),
      load: BackgroundLoad(
        paths: paths, options: LoadOptions(maxFileBytes: maxFileSize, maxFiles: maxFiles)))

    var model = ReaderModel(catalog: ArticleCatalog(articles: []), sort: sort)
    model.loading.sourceName = TextSanitizer.sanitize(paths.count == 1 ? paths[0] : "\(paths.count) paths")
    // The first locale variable set decides, as setlocale does; without UTF-8 the timeline uses ASCII.
    let codeset =
      [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
      .compactMap { $0 }.first { !$0.isEmpty } ?? ""
    model.timeline.asciiOnly = !codeset.lowercased().replacingOccurrences(of: "-", with: "").contains("utf8")
    model.stories.preferredLanguages = StoryLanguage.preferred(fromLocaleSettings: [
      environment["LANGUAGE"], environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"],
    ])
    let app = ReaderApp(
      screen: screen, model: model, theme: chosenTheme, keyMap: .standard,
      now: { Date().timeIntervalSince1970 }, inbox: inbox, effects: performer.perform)
    if let themeMessage { inbox.post(.showStatus(themeMessage, isError: true)) }
    // The first load is an effect like any reload; the first screen is drawn at once, and the records
    // arrive through the inbox when loaded.
    app.perform(.reload)
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

  /// Starts load `generation`; the reader stays responsive while it runs. Once `task` is cancelled (a newer
  /// load superseded it) it posts nothing more; it always marks `task` finished when it ends.
  func start(generation: Int, task: EffectTask, inbox: ActionInbox) {
    let load = self
    DetachedThread.detach {
      defer { task.finish() }
      let result = SeedLoader(options: load.options).load(paths: load.paths) { read, total in
        guard !task.isCancelled else { return }
        inbox.post(.loadProgress(filesRead: read, filesTotal: total, generation: generation))
      }
      guard !task.isCancelled else { return }
      let catalog = ArticleCatalog(articles: result.articles)
      inbox.post(.loaded(catalog, BackgroundLoad.diagnostics(of: result), generation: generation))
    }
  }

  /// The load's diagnostics, with a path that does not exist or holds no record file as an error too.
  static func diagnostics(of result: LoadResult) -> [Diagnostic] {
    PathProblem.all(in: result).map(\.diagnostic) + result.diagnostics
  }
}
