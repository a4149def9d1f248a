import Foundation
import NewsCore

/// One benchmark run: prepares the corpora, measures every row of issue 5's table and notes what went wrong.
struct Benchmark {
  let options: BenchOptions
  var rows: [BenchRow] = []
  /// Broken invariants (a file that did not parse, records missing); any of them fails the run.
  var problems: [String] = []

  init(options: BenchOptions) { self.options = options }

  mutating func run() {
    let corpora: [(records: Int, directory: String)]
    if let corpus = options.corpus {
      corpora = [(CorpusFiles.scan(corpus)?.paths.count ?? 0, corpus)]
    } else {
      corpora = options.sizes.map { ($0, "\(options.corpusRoot)/\($0)") }
    }
    if options.queriesOnly {
      // Only the catalog and the query rows, on the largest corpus: for working on search.
      guard let corpus = corpora.last else { return }
      if options.corpus == nil, !generate(records: corpus.records, directory: corpus.directory) { return }
      progress("load \(corpus.directory)")
      let loaded = SeedLoader(options: LoadOptions()).load(paths: [corpus.directory]).articles
      _ = measureQueries(records: loaded.count, loaded: loaded)
      return
    }
    if options.readingOnly {
      guard let corpus = corpora.last else { return }
      if options.corpus == nil, !generate(records: corpus.records, directory: corpus.directory) { return }
      progress("load \(corpus.directory)")
      let loaded = SeedLoader(options: LoadOptions()).load(paths: [corpus.directory]).articles
      let catalog = ArticleCatalog(articles: loaded)
      rows += StateTiming.measure(catalog: catalog, repetitions: options.repetitions, problems: &problems)
      rows += ReadingTiming.measure(catalog: catalog, repetitions: options.repetitions, problems: &problems)
      return
    }
    if options.storiesOnly {
      guard let corpus = corpora.last else { return }
      if options.corpus == nil, !generate(records: corpus.records, directory: corpus.directory) { return }
      progress("load \(corpus.directory)")
      let loaded = SeedLoader(options: LoadOptions()).load(paths: [corpus.directory]).articles
      let grouping = StoryGrouping.measure(
        articles: loaded, records: loaded.count, repetitions: options.repetitions)
      rows.append(grouping.row)
      if let problem = grouping.problem { problems.append(problem) }
      let catalog = ArticleCatalog(articles: loaded)
      rows += StoryViewTiming.measure(catalog: catalog, repetitions: options.repetitions, problems: &problems)
      for scene in [FrameRender.Scene.storiesMiddle, .storiesMoving] {
        for (columns, height) in [(200, 60), (80, 24)] {
          let samples = FrameRender.measure(
            catalog: catalog, columns: columns, rows: height, scene: scene, count: options.frames)
          if let problem = samples.problem { problems.append(problem) }
          rows += FrameRender.rows(
            samples, scene: scene, columns: columns, rows: height, records: loaded.count,
            note: "\(loaded.count) loaded records")
        }
      }
      return
    }
    if options.framesOnly {
      guard let corpus = corpora.last else { return }
      if options.corpus == nil, !generate(records: corpus.records, directory: corpus.directory) { return }
      progress("load \(corpus.directory)")
      let loaded = SeedLoader(options: LoadOptions()).load(paths: [corpus.directory]).articles
      measureFrames(catalog: ArticleCatalog(articles: loaded), records: loaded.count)
      return
    }
    if options.peersOnly {
      // Our own cold and warm starts and the peers' on the largest corpus: issue 11's side-by-side rows.
      guard let (directory, files) = largestCorpusFiles(corpora) else { return }
      let ours = measureFirstScreen(directory: directory, files: files)
      measurePeerStarts(directory: directory, files: files, ours: ours)
      return
    }
    if options.loadsOnly {
      // The floor, the loads and the index rows on the largest corpus: for working on the load itself.
      guard let (directory, files) = largestCorpusFiles(corpora) else { return }
      let floor = measureFloor(directory: directory, files: files)
      _ = measureLoads(directory: directory, files: files, floor: floor)
      measureIndex(directory: directory, files: files, floor: floor)
      return
    }
    if options.watchOnly {
      guard let corpus = corpora.last else { return }
      if options.corpus == nil, !generate(records: corpus.records, directory: corpus.directory) { return }
      let records = CorpusFiles.scan(corpus.directory, measuringSizes: false)?.paths.count ?? 0
      measureChangeMerge(directory: corpus.directory, records: records)
      measureWatch(directory: corpus.directory, records: records)
      return
    }
    for (index, corpus) in corpora.enumerated() {
      if options.corpus == nil, !generate(records: corpus.records, directory: corpus.directory) { return }
      guard let files = CorpusFiles.scan(corpus.directory), !files.paths.isEmpty else {
        problems.append("no record files under \(corpus.directory)")
        return
      }
      let isLargest = index == corpora.count - 1
      let floor = measureFloor(directory: corpus.directory, files: files)
      let loaded = measureLoads(directory: corpus.directory, files: files, floor: floor)
      measurePeer(directory: corpus.directory, files: files, floor: floor)
      measureIndex(directory: corpus.directory, files: files, floor: floor)
      let catalog = measureQueries(records: files.paths.count, loaded: loaded)
      let grouping = StoryGrouping.measure(
        articles: loaded, records: files.paths.count, repetitions: options.repetitions)
      rows.append(grouping.row)
      if let problem = grouping.problem { problems.append(problem) }
      if isLargest {
        measureFrames(catalog: catalog, records: files.paths.count)
        progress("reading state \(files.paths.count)")
        rows += StateTiming.measure(catalog: catalog, repetitions: options.repetitions, problems: &problems)
        rows += ReadingTiming.measure(catalog: catalog, repetitions: options.repetitions, problems: &problems)
        progress("stories view \(files.paths.count)")
        rows += StoryViewTiming.measure(
          catalog: catalog, repetitions: options.repetitions, problems: &problems)
        measureMemory(directory: corpus.directory, files: files)
      }
      let ours = measureFirstScreen(directory: corpus.directory, files: files)
      measurePeerStarts(directory: corpus.directory, files: files, ours: ours)
      if isLargest {
        measureChangeMerge(directory: corpus.directory, records: files.paths.count)
        measureWatch(directory: corpus.directory, records: files.paths.count)
      }
    }
  }

  /// The largest corpus (generated first when it is ours) and its record files; nil, with the problem
  /// noted, when it has none.
  private mutating func largestCorpusFiles(
    _ corpora: [(records: Int, directory: String)]
  ) -> (directory: String, files: CorpusFiles)? {
    guard let corpus = corpora.last else { return nil }
    if options.corpus == nil, !generate(records: corpus.records, directory: corpus.directory) { return nil }
    guard let files = CorpusFiles.scan(corpus.directory), !files.paths.isEmpty else {
      problems.append("no record files under \(corpus.directory)")
      return nil
    }
    return (corpus.directory, files)
  }

  /// The real reader watching a copy of the corpus: single files, a burst, and its idle CPU.
  mutating func measureWatch(directory: String, records: Int) {
    let arrivals = options.smoke ? 3 : 20
    let burst = options.smoke ? 1_000 : 20_000
    progress("watch \(records): \(arrivals) arrivals, a burst of \(burst) files, idle CPU")
    let outcome = WatchLatency.measure(
      script: "\(options.scripts)/watch_latency.py", binary: options.readerBinary, corpus: directory,
      records: records, arrivals: arrivals, burst: burst, idleSeconds: options.smoke ? 2 : 10,
      settleSeconds: 3)
    rows += outcome.rows
    problems += outcome.problems
  }

  /// Generates the corpus with generate_corpus.py unless a finished one is cached there.
  private mutating func generate(records: Int, directory: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "\(options.scripts)/generate_corpus.py", "--records", String(records), "--out", directory,
    ]
    process.standardInput = FileHandle.nullDevice
    let seconds = Stopwatch.seconds {
      do {
        try process.run()
        process.waitUntilExit()
      } catch {
        problems.append("could not run generate_corpus.py: \(error)")
      }
    }
    guard process.terminationStatus == 0 else {
      problems.append("generate_corpus.py failed for \(records) records (run from the package root?)")
      return false
    }
    progress("corpus \(directory) ready in \(String(format: "%.1f", seconds)) s")
    return true
  }

  /// Median seconds of `options.repetitions` runs of `body`, after one untimed run that warms the page cache.
  func medianSeconds(_ what: String, warmUp: Bool = false, _ body: () -> Void) -> Double {
    if warmUp { body() }
    var samples: [Double] = []
    for repetition in 1...options.repetitions {
      progress("\(what): repetition \(repetition)/\(options.repetitions)")
      samples.append(Stopwatch.seconds(body))
    }
    return Stopwatch.median(samples)
  }

  private mutating func measureFloor(directory: String, files: CorpusFiles) -> Double {
    var pass = LibYAMLFloor.Pass()
    let seconds = medianSeconds("floor \(files.paths.count)", warmUp: true) {
      pass = LibYAMLFloor.run(root: directory)
    }
    if !pass.failures.isEmpty {
      problems.append(
        "libyaml could not read or parse \(pass.failures.count) files, first \(pass.failures[0])")
    }
    if pass.documents != files.paths.count {
      problems.append("floor found \(pass.documents) documents in \(files.paths.count) files")
    }
    rows.append(
      BenchRow(
        key: "floor_seconds", label: "floor: walk, read, libyaml events", records: files.paths.count,
        value: seconds,
        unit: "s", ratio: 1, ratioTo: "floor",
        note:
          "1 thread; \(pass.events) events, \(String(format: "%.1f", Double(files.byteCount) / 1_048_576)) MiB"
      ))
    return seconds
  }

  /// Times the reader's load on one thread and on all cores; returns the all-core result's articles.
  private mutating func measureLoads(directory: String, files: CorpusFiles, floor: Double) -> [Article] {
    var kept: [Article] = []
    for (concurrency, name) in [(1, "1 thread"), (0, "all cores")] {
      var result = LoadResult()
      let loader = SeedLoader(options: LoadOptions(concurrency: concurrency))
      let seconds = medianSeconds("load \(files.paths.count), \(name)") {
        result = LoadResult()  // frees the previous pass's records before timing the next
        result = loader.load(paths: [directory])
      }
      var row = BenchRow(
        key: "load_\(concurrency == 1 ? "one_thread" : "all_cores")_seconds", label: "reader load, \(name)",
        records: files.paths.count, value: seconds, unit: "s", ratio: seconds / floor, ratioTo: "floor",
        note: "\(result.articles.count) records, \(result.diagnostics.count) diagnostics")
      if result.articles.isEmpty {
        // Timing a load that produced nothing would be a number without meaning.
        row = .notMeasured(
          key: row.key, label: row.label, records: row.records, unit: "s",
          reason: "loader returned 0 of \(files.paths.count) records")
      } else if result.articles.count != files.paths.count {
        problems.append(
          "the loader returned \(result.articles.count) records from \(files.paths.count) files")
      }
      rows.append(row)
      kept = result.articles
    }
    return kept
  }

  private mutating func measurePeer(directory: String, files: CorpusFiles, floor: Double) {
    let key = "peer_pyyaml_csafeloader_seconds"
    let label = "peer: PyYAML CSafeLoader"
    let repetitions = options.effectivePeerRepetitions
    progress("peer \(files.paths.count): \(repetitions) repetitions")
    switch PeerRun.run(
      script: "\(options.scripts)/pyyaml_peer.py", corpus: directory, repetitions: repetitions)
    {
    case .failure(let failure):
      rows.append(
        .notMeasured(key: key, label: label, records: files.paths.count, unit: "s", reason: failure.reason))
    case .success(let answer):
      guard let samples = answer.seconds, !samples.isEmpty else {
        rows.append(
          .notMeasured(
            key: key, label: label, records: files.paths.count, unit: "s",
            reason: answer.missing ?? "no timings"))
        return
      }
      if answer.documents != files.paths.count {
        problems.append("PyYAML found \(answer.documents ?? 0) documents in \(files.paths.count) files")
      }
      let seconds = Stopwatch.median(samples)
      rows.append(
        BenchRow(
          key: key, label: label, records: files.paths.count, value: seconds, unit: "s",
          ratio: seconds / floor,
          ratioTo: "floor",
          note: "PyYAML \(answer.pyyaml ?? "?"), median of \(samples.count); walk, read, build Python objects"
        ))
    }
  }

  /// Search and topic latency over the loaded records; returns the catalog the queries ran on.
  private mutating func measureQueries(records: Int, loaded: [Article]) -> ArticleCatalog {
    let articles = Array(loaded.prefix(records))
    var catalog: ArticleCatalog?
    let buildSeconds = Stopwatch.seconds { catalog = ArticleCatalog(articles: articles) }
    let source = "\(articles.count) loaded records"
    rows.append(
      BenchRow(
        key: "catalog_build_seconds", label: "catalog build (search index)", records: records,
        value: buildSeconds,
        unit: "s", note: "one run; \(source)"))
    progress("queries \(records)")
    let latency = QueryLatency.measure(catalog: catalog!, repetitions: options.repetitions)
    rows += latency.rows(records: records, note: source)
    let bytes = catalog!.searchTextBytes
    rows.append(
      BenchRow(
        key: "search_text_mib", label: "folded search text in memory", records: records,
        value: Double(bytes.total) / 1_048_576, unit: "MiB",
        note:
          "\(String(format: "%.1f", Double(bytes.related) / 1_048_576)) MiB of it related coverage; \(source)"
      ))
    progress("query language \(records)")
    // First as a catalog reads its text before its token index is built (and as `list --query` always
    // does), then with the index the reader builds after every load: one run, so the two compare.
    rows += QueryLanguageLatency.measure(catalog: catalog!, repetitions: options.repetitions).rows(
      records: records, note: source, scanOnly: true)
    let indexSeconds = Stopwatch.seconds { catalog!.prepareSearch() }
    rows.append(
      BenchRow(
        key: "search_index_build_seconds", label: "search token index build", records: records,
        value: indexSeconds, unit: "s",
        note: "one run, on all cores, off the run loop in the reader; \(source)"))
    let shape = catalog!.searchIndexShape
    rows.append(
      BenchRow(
        key: "search_index_mib", label: "search token index in memory", records: records,
        value: Double(catalog!.searchIndexShape.bytes) / 1_048_576, unit: "MiB",
        note:
          "\(shape.tokens) distinct tokens in \(String(format: "%.1f", Double(shape.vocabularyBytes) / 1_048_576)) MiB, "
          + "\(shape.postings) postings, per-byte sets; \(source)"))
    rows += QueryLanguageLatency.measure(catalog: catalog!, repetitions: options.repetitions).rows(
      records: records, note: source, scanOnly: false)
    return catalog!
  }

  /// One frame of each scene at 200x60 and 80x24, rendered many times over `catalog`.
  private mutating func measureFrames(catalog: ArticleCatalog, records: Int) {
    let source = "\(catalog.articles.count) loaded records"
    for scene in FrameRender.Scene.allCases {
      for (columns, height) in [(200, 60), (80, 24)] {
        progress("frames \(records) \(columns)x\(height)")
        let samples = FrameRender.measure(
          catalog: catalog, columns: columns, rows: height, scene: scene, count: options.frames)
        if let problem = samples.problem { problems.append(problem) }
        rows += FrameRender.rows(
          samples, scene: scene, columns: columns, rows: height, records: records, note: source)
      }
    }
  }

  /// The real reader started on a pseudo-terminal, timed until its first screen and until it lists the
  /// records, cold and warm; returns the medians the peer rows are compared with.
  mutating func measureFirstScreen(directory: String, files: CorpusFiles) -> OwnStart {
    let records = files.paths.count
    var ours = OwnStart()
    progress("first screen \(records): \(options.repetitions) starts of \(options.readerBinary)")
    // A private cache directory, so the warm start reads the index its own warm-up wrote and nothing else.
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent(
      "newsbench-cache-\(getpid())-\(records)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    for start in [FirstScreen.Start.cold, .warm(cacheDirectory: cache)] {
      let outcome = FirstScreen.measure(
        script: "\(options.scripts)/first_screen.py", binary: options.readerBinary, corpus: directory,
        records: records, corpusBytes: files.byteCount, repetitions: options.repetitions, start: start)
      rows += outcome.rows
      problems += outcome.problems
      let seconds = outcome.listedMs.map { $0 / 1000 }
      if case .cold = start { ours.coldSeconds = seconds } else { ours.warmSeconds = seconds }
    }
    measureOneChangedStart(directory: directory, files: files, warmSeconds: ours.warmSeconds)
    measureWarmListing(directory: directory, files: files)
    return ours
  }

  /// `newsreader list --format tsv` from a warm index (issue 11: at most 0.5 s at 100,000 records): one run
  /// writes the index into a private cache directory, then each timed run walks and `stat`s every file and
  /// prints the rows of the listing beside the index. The output goes to /dev/null; the median of the runs is the row.
  private mutating func measureWarmListing(directory: String, files: CorpusFiles) {
    let records = files.paths.count
    let key = "list_tsv_warm_seconds"
    let label = "warm `list --format tsv`, start to exit"
    progress("warm list \(records)")
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent(
      "newsbench-list-\(getpid())-\(records)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    func run() -> Double? {
      let list = Process()
      list.executableURL = URL(fileURLWithPath: options.readerBinary)
      list.arguments = ["list", "--format", "tsv", directory]
      list.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": cache]) { $1 }
      list.standardOutput = FileHandle.nullDevice
      list.standardError = FileHandle.nullDevice
      let started = DispatchTime.now().uptimeNanoseconds
      guard (try? list.run()) != nil else { return nil }
      list.waitUntilExit()
      guard list.terminationStatus == 0 else { return nil }
      return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }
    // The first run loads every file and writes the index: its peak is a cold start's whole peak, the
    // index write after the load included (the screen probes read theirs when every record is whole).
    let peakKey = "list_tsv_cold_peak_mib"
    let peakLabel = "peak memory of a cold `list --format tsv`, index write included"
    guard
      let cold = ChildUsage.run(
        [options.readerBinary, "list", "--format", "tsv", directory], environment: ["XDG_CACHE_HOME": cache]),
      cold.status == 0
    else {
      rows.append(
        .notMeasured(
          key: peakKey, label: peakLabel, records: records, unit: "MiB",
          reason: "`\(options.readerBinary) list --format tsv` failed on \(directory)"))
      return rows.append(
        .notMeasured(
          key: key, label: label, records: records, unit: "s",
          reason: "`\(options.readerBinary) list --format tsv` failed on \(directory)"))
    }
    var peak = FirstScreen.peakRow(
      key: peakKey, label: peakLabel, records: records, kibibytes: [cold.peakKiB],
      corpusBytes: files.byteCount,
      what: "the runs that wrote the index", source: "ru_maxrss")
    peak.note += String(format: "; %.2f s from start to exit", cold.seconds)
    rows.append(peak)
    let runs = max(3, options.repetitions)
    let seconds = (0..<runs).compactMap { _ in run() }.sorted()
    guard seconds.count == runs else {
      return rows.append(
        .notMeasured(key: key, label: label, records: records, unit: "s", reason: "a timed run failed"))
    }
    rows.append(
      BenchRow(
        key: key, label: label, records: records, value: seconds[runs / 2], unit: "s",
        note:
          "median of \(runs) runs (fastest \(String(format: "%.3f", seconds[0])) s) after one that wrote the "
          + "index, output to /dev/null; target ≤ 0.5 s at 100,000"))
  }

  /// A warm start after one file changed (issue 11: at most 1.2x a warm start with none): on a private copy
  /// of the corpus, whose index is written by one `list` before one file is changed; every timed start then
  /// parses that one file (a few changed files do not rewrite the index).
  private mutating func measureOneChangedStart(directory: String, files: CorpusFiles, warmSeconds: Double?) {
    let records = files.paths.count
    let key = "records_listed_ms_warm_one_changed_ratio"
    let label = "warm start with one changed file, against none"
    func unmeasured(_ reason: String) {
      rows.append(.notMeasured(key: key, label: label, records: records, unit: "x", reason: reason))
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "newsbench-changed-\(getpid())-\(records)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let copy = scratch + "/corpus"
    let cache = scratch + "/cache"
    let original = files.paths.isEmpty ? nil : files.paths[files.paths.count / 2]
    guard let original, original.hasPrefix(directory),
      (try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)) != nil,
      (try? FileManager.default.copyItem(atPath: directory, toPath: copy)) != nil
    else { return unmeasured("could not copy the corpus to \(scratch)") }
    // The copies are new: an index written within a second of them would take them as racy and parse them
    // again, so the index is written once they are older than that (a clock condition).
    let settled = Date().addingTimeInterval(1.1)
    while Date() < settled { usleep(50_000) }
    let list = Process()
    list.executableURL = URL(fileURLWithPath: options.readerBinary)
    list.arguments = ["list", "--format", "tsv", copy]
    list.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": cache]) { $1 }
    list.standardOutput = FileHandle.nullDevice
    guard (try? list.run()) != nil else { return unmeasured("could not run \(options.readerBinary) list") }
    list.waitUntilExit()
    let changed = copy + original.dropFirst(directory.count)
    guard list.terminationStatus == 0, let text = try? String(contentsOfFile: changed, encoding: .utf8),
      (try? (text + "\n").write(toFile: changed, atomically: false, encoding: .utf8)) != nil
    else { return unmeasured("could not write the index of the copy or change \(changed)") }
    let outcome = FirstScreen.measure(
      script: "\(options.scripts)/first_screen.py", binary: options.readerBinary, corpus: copy,
      records: records, corpusBytes: files.byteCount + 1, repetitions: options.repetitions,
      start: .warmOneChanged(cacheDirectory: cache))
    rows += outcome.rows
    problems += outcome.problems
    guard let listed = outcome.listedMs, let warmSeconds, warmSeconds > 0 else {
      return unmeasured("no warm start to compare with")
    }
    rows.append(
      BenchRow(
        key: key, label: label, records: records, value: listed / 1000 / warmSeconds, unit: "x",
        note:
          "start to records listed, medians of this run: \(String(format: "%.0f", listed)) ms with one file "
          + "changed (a private copy), \(String(format: "%.0f", warmSeconds * 1000)) ms with none; target ≤ 1.2x"
      ))
  }

  private mutating func measureMemory(directory: String, files: CorpusFiles) {
    let records = files.paths.count
    progress("memory \(records)")
    guard let baseline = MemoryProbe.measure(arguments: ["--baseline"]),
      let loaded = MemoryProbe.measure(arguments: [directory])
    else {
      rows.append(
        .notMeasured(
          key: "peak_resident_mib", label: "peak resident memory after load", records: records, unit: "MiB",
          reason: "the measure-memory child failed"))
      return
    }
    let mebibytes = Double(loaded.peakResidentBytes) / 1_048_576
    let peak = BenchRow(
      key: "peak_resident_mib", label: "peak resident memory after load", records: records, value: mebibytes,
      unit: "MiB", ratio: Double(loaded.peakResidentBytes) / Double(files.byteCount), ratioTo: "corpus bytes",
      note:
        "VmHWM of a child process; corpus \(String(format: "%.1f", Double(files.byteCount) / 1_048_576)) MiB; "
        + "baseline without loading \(String(format: "%.1f", Double(baseline.peakResidentBytes) / 1_048_576)) MiB"
    )
    if loaded.articles == 0 {
      rows.append(
        .notMeasured(
          key: peak.key, label: peak.label, records: records, unit: "MiB",
          reason: "loader returned 0 records; "
            + "baseline without loading \(String(format: "%.1f", Double(baseline.peakResidentBytes) / 1_048_576)) MiB"
        ))
      rows.append(
        .notMeasured(
          key: "bytes_per_record", label: "resident bytes per record", records: records, unit: "bytes",
          reason: "loader returned 0 records"))
      return
    }
    rows.append(peak)
    let perRecord = Double(loaded.peakResidentBytes - baseline.peakResidentBytes) / Double(loaded.articles)
    let diskPerRecord = Double(files.byteCount) / Double(records)
    rows.append(
      BenchRow(
        key: "bytes_per_record", label: "resident bytes per record", records: records, value: perRecord,
        unit: "bytes", ratio: perRecord / diskPerRecord, ratioTo: "bytes on disk per record",
        note: "(peak - baseline) / records; \(Int(diskPerRecord)) bytes per record on disk"))
  }

  func progress(_ message: String) {
    FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
  }
}
