import ArgumentParser
import Foundation
import NewsCore

/// `--no-index`, shared by the commands that load through the load index.
struct IndexOptions: ParsableArguments {
  @Flag(
    name: .customLong("no-index"),
    help: "Neither read nor write the load index (parse every file; the cache under ~/.cache/newsreader).")
  var disabled = false

  /// The loader for `paths`: through the index in the user's cache directory unless disabled (or no home).
  func loader(for paths: [String], options: LoadOptions) -> IndexedLoader {
    Self.loader(for: paths, options: options, indexed: !disabled)
  }

  /// The loader for `paths`, through the index in the user's cache directory when `indexed`.
  static func loader(for paths: [String], options: LoadOptions, indexed: Bool) -> IndexedLoader {
    let file =
      !indexed
      ? nil
      : LoadIndexFile.standard(
        for: paths, options: options, environment: ProcessInfo.processInfo.environment)
    return IndexedLoader(loader: SeedLoader(options: options), file: file)
  }
}

extension IndexedLoader {
  /// Loads, then writes the index and says on standard error why it could not be used or written; for the
  /// commands that print and exit (the reader writes it off its run loop instead).
  func loadThenWriteIndex(paths: [String]) -> LoadResult {
    let outcome = load(paths: paths)
    if let problem = outcome.indexProblem { printError("newsreader: \(problem)") }
    if let problem = writeIndex(of: outcome) { printError("newsreader: \(problem)") }
    KeptUntilExit.keep(outcome)
    return outcome.result
  }
}

/// What a command that prints and exits loaded, kept until the process ends instead of freed.
///
/// Freeing a load record by record (every string and array released, then the index's copies of the same
/// records) was about a tenth of a warm `list` at 100,000 records; at exit the kernel takes the memory back
/// at once. Only the commands that load once and exit use it, never the reader.
enum KeptUntilExit {
  // Written only from the main thread, before the command prints.
  nonisolated(unsafe) private static var values: [Any] = []

  static func keep(_ value: Any) { values.append(value) }
}
