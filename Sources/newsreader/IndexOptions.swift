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
  ///
  /// The index is written on a thread of its own while the command goes on to print: encoding 100,000
  /// records is more than a warm `list` takes. The process waits for it before it exits
  /// (`IndexWriteBeforeExit.finish()`).
  func loadThenWriteIndex(paths: [String], forListing: Bool = false) -> LoadResult {
    finish(forListing ? loadForListing(paths: paths) : load(paths: paths))
  }

  /// `loadListing(paths:preparing:)`, then what `loadThenWriteIndex` does after a load of records.
  func loadListingThenWriteIndex<Prepared: Sendable>(
    paths: [String], preparing: @escaping @Sendable (ListingSnapshot) -> Prepared
  ) -> Listing<Prepared> {
    let listing = loadListing(paths: paths, preparing: preparing)
    if case .loaded(let outcome) = listing { _ = finish(outcome) }
    return listing
  }

  /// Reports why the index could not be used, starts its write if one is due, keeps the load until exit.
  private func finish(_ outcome: Outcome) -> LoadResult {
    if let problem = outcome.indexProblem { printError("newsreader: \(problem)") }
    if outcome.pendingIndex != nil || outcome.pendingListing != nil, file != nil {
      let loader = self
      IndexWriteBeforeExit.start { loader.writeIndex(of: outcome) }
    }
    KeptUntilExit.keep(outcome)
    return outcome.result
  }
}

/// The index write a command that prints and exits started beside its output: the process waits for it
/// before exiting, whichever way it exits, and says on standard error why it failed.
enum IndexWriteBeforeExit {
  private final class Write: @unchecked Sendable {
    let condition = NSCondition()
    var isDone = false
    var problem: String?
  }

  // Started and finished only from the main thread.
  nonisolated(unsafe) private static var pending: Write?

  /// Runs `write` (which returns a problem to report, or nil) on a thread of its own.
  static func start(_ write: @escaping @Sendable () -> String?) {
    let job = Write()
    pending = job
    Thread {
      let problem = write()
      job.condition.lock()
      job.problem = problem
      job.isDone = true
      job.condition.broadcast()
      job.condition.unlock()
    }.start()
  }

  /// Waits for the write started, if any, and reports its problem.
  static func finish() {
    guard let job = pending else { return }
    pending = nil
    job.condition.lock()
    while !job.isDone { job.condition.wait() }
    let problem = job.problem
    job.condition.unlock()
    if let problem { printError("newsreader: \(problem)") }
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
