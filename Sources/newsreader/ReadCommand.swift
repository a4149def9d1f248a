import ArgumentParser
import CursesScreen
import Foundation
import NewsCore
import ReaderConfig
import ReaderState
import ReaderView
import ScreenKit
import Synchronization

/// The default command: opens the records in the interactive reader.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read", abstract: "Open records in the reader (the default command).")

  @Argument(help: "Record files or directories (default: the config's paths, else seeds).")
  var paths: [String] = []

  @Option(
    name: .customLong("config"),
    help: ArgumentHelp(
      "Config file to read instead of the one `newsreader config path` prints.", valueName: "file"))
  var configFile: String?

  @Option(
    help: "Theme name (dark, light, monochrome, or a file in a themes directory) or path to a theme file.")
  var theme: String?

  @Option(
    help:
      "Initial sort: newest, oldest, quality, heat, provider or title (default: the config's, else newest).")
  var sort: NewsCore.SortOrder?

  @Option(help: "Largest record file read, in bytes.")
  var maxFileSize: Int = LoadOptions().maxFileBytes

  @Option(help: "Files and directories examined at most; past it the walk stops with an error.")
  var maxFiles: Int = LoadOptions().maxFiles

  @OptionGroup var index: IndexOptions

  @Flag(help: "Do not watch the record files for changes (the config's `watch` setting, on by default).")
  var noWatch = false

  @OptionGroup var state: StateOptions

  func validate() throws {
    guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
    guard maxFiles > 0 else { throw ValidationError("--max-files must be positive") }
  }

  func run() throws {
    var environment = ProcessInfo.processInfo.environment
    // A broken config never stops the reader: its problems join the load problems (`!`).
    let loadedConfig = ConfigFile.load(
      explicitPath: configFile, environment: environment, parser: ConfigCommand.parser)
    let settings = ReaderLaunch(config: loadedConfig.config, environment: environment)
    let keys = KeyMap.configured(
      keys: loadedConfig.config.keys, sequenceTimeout: settings.settings.sequenceTimeout,
      path: loadedConfig.path ?? "config")
    // Views after the keys section: a view's key takes its key from whatever bound it.
    let keyMap = keys.keyMap.addingViews(
      loadedConfig.config.views, digits: settings.settings.digits, path: loadedConfig.path ?? "config")
    let configProblems = loadedConfig.problems + keys.problems + keyMap.problems
    let paths = self.paths.isEmpty ? settings.paths : self.paths
    let theme = self.theme ?? settings.theme
    let sort = self.sort ?? settings.settings.sort
    if let browser = settings.browserCommand { environment["BROWSER"] = browser }
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

    let screen = CursesScreen(
      useColor: !noColor, hyperlinks: OSC8.isSupported(environment: environment),
      mouse: settings.settings.mouse)
    do {
      try screen.begin()
    } catch {
      let quoted = paths.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
      printError("newsreader: \(error); try `newsreader list \(quoted)` to print the articles instead")
      throw ExitCode(2)
    }

    let watching = !noWatch && settings.settings.watch
    let inbox = ActionInbox()
    let readingState = ReadingStateConnection.open(state, inbox: inbox)
    defer { readingState.finish() }
    let performer = EffectPerformer(
      clipboard: settings.clipboardProgram(detected: ClipboardProgram.detect(environment: environment)),
      copies: settings.settings.clipboard != ClipboardChoice.off,
      browser: BrowserLauncher.detect(environment: environment),
      load: BackgroundLoad(
        paths: paths,
        loader: IndexOptions.loader(
          for: paths, options: LoadOptions(maxFileBytes: maxFileSize, maxFiles: maxFiles),
          indexed: !index.disabled && settings.settings.index),
        configProblems: configProblems, readingState: readingState, keepsIndex: watching, listingOrder: sort),
      readingState: readingState, watch: watching ? FileWatch(paths: paths) : nil,
      searchHistory: SearchHistoryFile(environment: environment))

    // Dates in queries are the user's, as on screen: `date:2023-03-01` starts at local midnight,
    // `newer:2d` counts from when the reader started.
    let timeZone = DisplayTimeZone(choice: settings.settings.timeZone, environment: environment)
      .with(dateFormat: settings.settings.dateFormat)
    var model = ReaderModel(
      catalog: ArticleCatalog(articles: []), sort: sort,
      environment: QueryEnvironment(now: Date().timeIntervalSince1970, timeZone: timeZone.zone))
    model.watch.isEnabled = watching
    model.adopt(loadedConfig.config)  // views, the mark-read delay, story-level read
    model.loading.sourceName = TextSanitizer.sanitize(paths.count == 1 ? paths[0] : "\(paths.count) paths")
    // The first locale variable set decides, as setlocale does; without UTF-8 the timeline uses ASCII.
    let codeset =
      [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
      .compactMap { $0 }.first { !$0.isEmpty } ?? ""
    model.timeline.asciiOnly = !codeset.lowercased().replacingOccurrences(of: "-", with: "").contains("utf8")
    model.stories.preferredLanguages = settings.storyLanguages(environment: environment)
    let app = ReaderApp(
      screen: screen, model: model, theme: chosenTheme, keyMap: keyMap.keyMap,
      timeZone: timeZone, now: { Date().timeIntervalSince1970 },
      inbox: inbox, glyphs: .forLocale(environment: environment), effects: performer.perform)
    if let themeMessage {
      inbox.post(.showStatus(themeMessage, isError: true))
    } else if !configProblems.isEmpty {
      let count = configProblems.count
      inbox.post(
        .showStatus(
          "config: \(count) problem\(count == 1 ? "" : "s"), listed with ! (the defaults apply)",
          isError: true))
    }
    // The first load is an effect like any reload; the first screen is drawn at once, and the records
    // arrive through the inbox when loaded.
    app.perform(.reload)
    app.perform(.requestSearchHistory)
    let status = try app.run()
    // A quit right after the records were listed still leaves the index for the next start (about two
    // seconds at 100,000 records): without it, every short session made the next start cold. A signal ends
    // the reader at once, as it promises, index or not.
    if status == 0, performer.load.memory.indexWrites.isBusy {
      // Seconds after a large first load: said, so a prompt that does not come back yet is not a hang.
      printError("newsreader: saving the load index for the next start…")
      performer.load.memory.indexWrites.wait()
    }
    performer.load.indexWriter?.finish()  // the changes' index, if its write still waits
    if status != 0 { throw ExitCode(status) }
  }

  /// This program's path, for finding themes installed beside it.
  static var executablePath: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }
}

/// Loads records on a background thread and posts the result to the reader's inbox: everything, or only the
/// files the watcher saw change, merged into what the last load gave.
struct BackgroundLoad: Sendable {
  var paths: [String]
  /// Through the load index unless `--no-index`.
  var loader: IndexedLoader
  /// Shown first among the load problems, on every load.
  var configProblems: [Diagnostic] = []
  /// Where first-seen times are recorded after each load.
  var readingState: ReadingStateConnection? = nil
  /// Keep the index of the records in memory even with `--no-index`, so a watched change reads only the
  /// changed files.
  var keepsIndex = false
  /// The order the reader lists in first, whose permutation a load's catalog makes before it is posted.
  var listingOrder: NewsCore.SortOrder = .newest
  /// What the last load gave, so a reload the watcher asks for reads neither the index file nor every file.
  let memory = LoadMemory()
  /// Writes the index after loads of changes; nil without an index file.
  var indexWriter: IndexWriter? { memory.writer(for: loader.file) }

  /// Starts load `generation`; the reader stays responsive while it runs. Once `task` is cancelled (a newer
  /// load superseded it) it posts nothing more; it always marks `task` finished when it ends.
  func start(generation: Int, task: EffectTask, inbox: ActionInbox) {
    let load = self
    DetachedThread.detach {
      defer { task.finish() }
      load.loadEverything(generation: generation, task: task, inbox: inbox)
    }
  }

  /// Starts load `generation` of only the files in `changes`: they are read again, the last load's catalog
  /// is updated by their records (sorted by `order` ahead) and the change is posted; a full load instead when
  /// there is no last load to update or the changes cannot be placed under the opened paths.
  func startChanges(
    generation: Int, changes: FileChanges, order: NewsCore.SortOrder, task: EffectTask, inbox: ActionInbox
  ) {
    let load = self
    DetachedThread.detach {
      defer { task.finish() }
      guard let last = load.memory.last,
        let read = load.loader.loader.loadChanges(changes, roots: load.paths, from: last.files)
      else {
        load.loadEverything(generation: generation, task: task, inbox: inbox)
        return
      }
      guard !task.isCancelled else { return }
      let change = last.catalog.applying(read.files, prepare: order)
      let touched = Set(read.files.map(\.path))
      let diagnostics =
        last.diagnostics.filter { !touched.contains($0.path) } + read.files.flatMap(\.diagnostics)
      guard !task.isCancelled else { return }
      load.memory.last = LoadMemory.Last(
        files: read.loadedFiles, catalog: change.catalog, diagnostics: diagnostics)
      inbox.post(.changesLoaded(change, diagnostics, generation: generation))
      load.memory.searchPreparer.schedule(change.catalog, waiting: true)
      if !change.reread.isEmpty {
        load.readingState?.recordFirstSeen(
          change.reread.map { change.catalog.articles[$0] }, arrivals: true, inbox: inbox)
      }
      // Written off the run loop once the changes pause, so the next start is warm.
      if read.parsedFileCount + read.removedFileCount > 0, let writer = load.indexWriter {
        writer.schedule(read.loadedFiles.index) { inbox.post(.showStatus($0, isError: true)) }
      }
    }
  }

  /// A full load on this thread: every file walked and `stat`ed, the unchanged ones taken from the index.
  private func loadEverything(generation: Int, task: EffectTask, inbox: ActionInbox) {
    let pacer = ProgressPacer()
    let progress: SeedLoader.Progress = { read, total in
      guard !task.isCancelled, pacer.admits(read: read, total: total) else { return }
      inbox.post(.loadProgress(filesRead: read, filesTotal: total, generation: generation))
    }
    let result: LoadResult
    let pending: LoadIndex?
    let index: LoadIndex?
    var indexProblem: String? = nil
    // The listing beside the index, written alone when the index is not (it was missing, damaged or of
    // other files).
    var pendingListing: IndexedLoader.Outcome? = nil
    // Until this load is kept below, a load of changes has nothing current to update: it loads everything.
    let remembered = memory.last?.files.index
    memory.last = nil
    if let remembered {
      let reload = loader.loader.load(paths: paths, reusing: remembered, progress: progress)
      (result, pending, index) = (reload.result, reload.updatedIndex, reload.updatedIndex ?? remembered)
    } else {
      // Nothing is listed yet (a first load): the records parsed so far are listed while the rest are read,
      // or, on a warm start, every record from the listing beside the index while the records decode.
      let preview = LoadPreview(order: listingOrder) { catalog, part in
        guard !task.isCancelled else { return }
        inbox.post(
          part == .listing
            ? .loadedListing(catalog, generation: generation) : .loadedPart(catalog, generation: generation))
      }
      let outcome = loader.load(
        paths: paths, keepingIndex: keepsIndex, progress: progress, preview: preview)
      (result, pending, indexProblem) = (outcome.result, outcome.pendingIndex, outcome.indexProblem)
      index = outcome.index
      if outcome.pendingListing != nil { pendingListing = outcome }
    }
    guard !task.isCancelled else { return }
    let catalog = ArticleCatalog.forListing(result.articles, order: listingOrder)
    let diagnostics = configProblems + BackgroundLoad.diagnostics(of: result)
    // From here the index is as good as written: the reader waits for it when it quits.
    let writesIndex = (pending != nil || pendingListing != nil) && loader.file != nil
    if writesIndex { memory.indexWrites.begin() }
    defer { if writesIndex { memory.indexWrites.end() } }
    let posted = inbox.post(.loaded(catalog, diagnostics, generation: generation))
    // What follows can wait for the records to be listed and drawn: at 100,000 records, the search index and
    // the tables for changes built meanwhile took the cores from the run loop and delayed the list by half.
    inbox.waitUntilShown(posted, timeout: 2)
    if !task.isCancelled { memory.searchPreparer.schedule(catalog, waiting: false) }
    // The index is written on a thread of its own beside the work below (the first-seen times, the tables
    // for changes), and this load ends when both have: a quit after a large first load waits for the longer
    // of the two, not for their sum.
    let written = DispatchSemaphore(value: 0)
    if let pending, let file = loader.file {
      DetachedThread.detach {
        defer { written.signal() }
        do throws(IndexWriteFailure) {
          try file.write(pending)
        } catch {
          inbox.post(.showStatus(error.description, isError: true))
        }
      }
    } else if let pendingListing {
      let loader = self.loader
      DetachedThread.detach {
        defer { written.signal() }
        if let problem = loader.writeIndex(of: pendingListing) {
          inbox.post(.showStatus(problem, isError: true))
        }
      }
    } else {
      written.signal()
    }
    // What the index gave, for the load problems overlay (`parsed 1, reused 99,999`).
    if loader.file != nil || remembered != nil {
      inbox.post(.loadStatistics(result.indexSummary, generation: generation))
    }
    if let indexProblem { inbox.post(.showStatus(indexProblem, isError: true)) }
    // After the records are on screen: the lookup by path and the ids are for the next load of changes.
    if let index, !task.isCancelled {
      catalog.prepareForChanges()
      memory.last = LoadMemory.Last(
        files: LoadedFiles(index: index), catalog: catalog, diagnostics: diagnostics)
    }
    readingState?.recordFirstSeen(result.articles, inbox: inbox)
    written.wait()
  }

  /// What the latest load gave, shared by the loads' threads.
  final class LoadMemory: Sendable {
    /// The index of the records with their files by path, the catalog posted and its problems.
    struct Last: Sendable {
      var files: LoadedFiles
      var catalog: ArticleCatalog
      var diagnostics: [Diagnostic]
    }

    private let stored = Mutex<Last?>(nil)
    /// Index writes of whole loads under way, which the reader waits for when it quits.
    let indexWrites = PendingWork()
    private let writerStored = Mutex<IndexWriter?>(nil)
    /// Builds each new catalog's search index in the background.
    let searchPreparer = SearchPreparer()

    /// The one writer of `file`, made on first use.
    func writer(for file: LoadIndexFile?) -> IndexWriter? {
      guard let file else { return nil }
      return writerStored.withLock { writer in
        if writer == nil { writer = IndexWriter(file: file) }
        return writer
      }
    }
    var last: Last? {
      get { stored.withLock { $0 } }
      set { stored.withLock { $0 = newValue } }
    }
  }

  /// The load's diagnostics, with a path that does not exist or holds no record file as an error too.
  static func diagnostics(of result: LoadResult) -> [Diagnostic] {
    PathProblem.all(in: result).map(\.diagnostic) + result.diagnostics
  }
}

/// Work under way on other threads that the program waits for before it exits: counted in and out.
final class PendingWork: @unchecked Sendable {
  private let condition = NSCondition()
  private var running = 0

  func begin() {
    condition.lock()
    running += 1
    condition.unlock()
  }

  func end() {
    condition.lock()
    running -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Whether something is under way now.
  var isBusy: Bool {
    condition.lock()
    defer { condition.unlock() }
    return running > 0
  }

  /// Returns once nothing is under way.
  func wait() {
    condition.lock()
    while running > 0 { condition.wait() }
    condition.unlock()
  }
}
