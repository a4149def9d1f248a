#if canImport(Glibc)
  import Glibc
#endif

/// A load that went through the load index: the records, and the index to write for the next start.
public struct IndexedLoad: Sendable {
  public var result: LoadResult
  /// Every record file of this load with its stamp and what it gave; nil when nothing changed since the
  /// index that was read, so there is nothing to write.
  public var updatedIndex: LoadIndex?
}

extension SeedLoader {
  /// Loads like `load(paths:)`, but takes each file whose stamp is unchanged since `index` was written from
  /// the index instead of parsing it.
  ///
  /// The result is the same as a full load of the same files (the same records in the same order, the same
  /// ids and diagnostics): ids are made unique after reused and parsed records are put together, as a full
  /// load does. Every file is `stat`ed; one changed file among 100,000 means one file parsed.
  public func load(
    paths: [String], reusing index: LoadIndex?, progressInterval: Int = 512, progress: Progress? = nil,
    preview: LoadPreview? = nil
  ) -> IndexedLoad {
    load(
      paths: paths, reusingLater: index.map { index in { index } }, progressInterval: progressInterval,
      progress: progress, preview: preview)
  }

  /// Loads like `load(paths:reusing:)` with the index `reusingLater` gives: it is asked for only after the
  /// walk and the `stat` of every file, so an index still being read meanwhile (`IndexedLoader`) costs the
  /// load only what its read takes beyond them. Nil means no index: stamps then come from the reads.
  /// `ownsIndex` says that nothing else holds or will read the index's records (one just decoded from the
  /// file for this load): a load of some changed files then takes its array of records and changes it in
  /// place, leaving the index without records.
  /// `walked`, when given, is the walk of `paths` already made with the files stamped (`stampedWalk`).
  /// `afterWalk` is handed the walk's files, stamped, before the index is asked for.
  func load(
    paths: [String], reusingLater: (() -> LoadIndex?)?, ownsIndex: Bool = false, walked: FileWalker? = nil,
    afterWalk: (([RecordFileEntry]) -> Void)? = nil, progressInterval: Int = 512, progress: Progress? = nil,
    preview: LoadPreview? = nil
  ) -> IndexedLoad {
    let startedAt = Self.wallClockNanoseconds()
    // On every way out, before the caller posts the load: no preview may come after it.
    defer { preview?.finish() }
    var walker: FileWalker
    if let walked {
      walker = walked
    } else {
      walker = self.walker(previewing: preview)
      // With an index every file is checked against its stamp: each is `stat`ed by name during the walk.
      walker.stampsFiles = reusingLater != nil
      walker.walk(paths)
    }
    let files = walker.files
    progress?(0, files.count)
    var stamps = [FileStamp?](repeating: nil, count: files.count)
    // Without an index nothing is reused: each file's stamp comes from the `fstat` its read makes, on the
    // loading threads, instead of a `stat` of every path here first (150 ms at 100,000 files). With one,
    // the walk stamped the files in directories; an opened file, or one whose stat failed then, is
    // `stat`ed by its path here.
    if reusingLater != nil {
      for position in files.indices {
        if let stamp = files[position].stamp {
          stamps[position] = stamp
          continue
        }
        var info = stat()
        // A file that cannot be stat'ed now is parsed, and reading it says why.
        guard files[position].withSystemPath({ stat($0, &info) }) == 0 else { continue }
        stamps[position] = FileStamp(info)
      }
    }
    afterWalk?(files)
    let index = reusingLater?()

    // The walk meets the files in the order the index has them unless the tree changed, so each file is
    // looked for at its own position first; the table by path is built only once that misses. The index's
    // files are read in place: a copy of each (its path, records and diagnostics retained and released)
    // was most of this loop's time.
    var known: [[UInt8]: Int]? = nil
    // The index position each reused file's records come from, -1 for a file to read.
    var reusedFrom = [Int](repeating: -1, count: files.count)
    var reused = 0
    var stillThere = 0
    if let index {
      index.files.withUnsafeBufferPointer { indexed in
        for position in files.indices {
          guard let stamp = stamps[position] else { continue }
          let found: Int
          if known == nil, position < indexed.count, files[position].hasSystemPath(indexed[position].path) {
            found = position
          } else {
            if known == nil {
              var table: [[UInt8]: Int] = [:]
              table.reserveCapacity(indexed.count)
              for (at, file) in indexed.enumerated() { table[file.path] = at }
              known = table
            }
            guard let elsewhere = known?[files[position].systemPathBytes] else { continue }
            found = elsewhere
          }
          stillThere += 1
          guard index.canReuse(indexed[found], now: stamp) else { continue }
          reusedFrom[position] = found
          reused += 1
        }
      }
    }

    // Nothing changed since the index was written (the usual warm start): the decoded index's one array of
    // records is the load's article array as it is, shared and not copied, and nothing is read.
    if let index, known == nil, reused == files.count, index.files.count == files.count,
      let whole = index.wholeArticles
    {
      var articles = whole.articles
      // Writes only an id that changes (records sharing a URL), so with none the array stays shared.
      ArticleIdentity.assign(to: &articles)
      var result = LoadResult(articles: articles, fileCount: 0, missingPaths: walker.missingPaths)
      result.emptyPaths = walker.emptyPaths
      result.unreadablePaths = walker.unreadablePaths
      result.diagnostics = walker.diagnostics
      for file in index.files where file.isRecordFile {
        result.fileCount += 1
        result.diagnostics.append(contentsOf: file.diagnostics)
      }
      progress?(files.count, files.count)
      result.reusedFileCount = reused
      result.removedFileCount = 0
      return IndexedLoad(result: result, updatedIndex: nil)
    }

    if let index, known == nil, index.files.count == files.count, reused < files.count,
      let whole = index.wholeArticles,
      let spliced = splice(
        files, into: index, whole: whole, reusedFrom: reusedFrom, stamps: stamps, startedAt: startedAt,
        progressInterval: progressInterval, progress: progress, walker: walker, ownsIndex: ownsIndex)
    {
      return spliced
    }

    var prepared = [RecordFileOutcome?](repeating: nil, count: files.count)
    if let index {
      for position in files.indices where reusedFrom[position] >= 0 {
        let file = index.files[reusedFrom[position]]
        var outcome = RecordFileOutcome(isRecordFile: file.isRecordFile, diagnostics: file.diagnostics)
        // One record (nearly every file) is handed over as it is, without an array of its own.
        if file.articleCount == 1 {
          outcome.single = file.articleSlice.first
        } else {
          outcome.articles = file.articles
        }
        prepared[position] = outcome
      }
    }
    var (articles, outcomes) = readFiles(
      files, prepared: prepared, progressInterval: progressInterval, progress: progress, preview: preview)
    if index == nil {
      for position in outcomes.indices { stamps[position] = outcomes[position].stamp }
    }
    progress?(files.count, files.count)

    let removed = (index?.files.count ?? 0) - stillThere
    var updated: LoadIndex? = nil
    if reused != files.count || removed != 0 || index == nil {
      // Each file's records, with the base ids the index keeps (made unique only below): ranges of the
      // load's own array, which `assign` leaves shared unless it has to change an id.
      let shared = SharedArticles(articles)
      var indexed: [IndexedFile] = []
      indexed.reserveCapacity(files.count)
      var next = 0
      for (position, outcome) in outcomes.enumerated() {
        let count = outcome.isPlaced ? 1 : outcome.articles.count
        defer { next += count }
        // A file that could not be stat'ed is parsed again next time.
        guard let stamp = stamps[position] else { continue }
        indexed.append(
          IndexedFile(
            path: files[position].systemPathBytes, stamp: stamp, isRecordFile: outcome.isRecordFile,
            shared: shared, range: next..<next + count, diagnostics: outcome.diagnostics))
      }
      updated = LoadIndex(writtenAt: startedAt, files: indexed)
    }

    ArticleIdentity.assign(to: &articles)
    var result = Self.result(articles: articles, outcomes: outcomes, walker: walker)
    result.reusedFileCount = reused
    result.parsedFileCount = files.count - reused
    result.removedFileCount = removed
    return IndexedLoad(result: result, updatedIndex: updated)
  }

  /// The load when the files are the index's, each at its own position, and only some changed: the changed
  /// ones are parsed and their records put in place in the index's one array of records (taken from an
  /// index the load owns, else a copy of it), instead of every reused file's outcome being made and placed
  /// again (most of a warm start with one changed file at 100,000). Nil, for the general path, when a
  /// changed file gives a different number of records than the index has for it. Ids are made unique over
  /// the whole array afterwards, as a full load does.
  private func splice(
    _ files: [RecordFileEntry], into index: LoadIndex, whole: SharedArticles, reusedFrom: [Int],
    stamps: [FileStamp?], startedAt: Int64, progressInterval: Int, progress: Progress?, walker: FileWalker,
    ownsIndex: Bool
  ) -> IndexedLoad? {
    let changed = files.indices.filter { reusedFrom[$0] < 0 }
    let (parsed, parsedOutcomes) = readFiles(
      changed.map { files[$0] }, progressInterval: progressInterval, progress: nil)
    // Every changed file must give as many records as the index has for it, checked before anything is
    // placed: the general path reads the index's records as they are.
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(changed.count)
    for (offset, position) in changed.enumerated() {
      let outcome = parsedOutcomes[offset]
      // Every file's records are a range of `whole` (the caller checked), read as the range: once the array
      // is taken, the index's own slices are empty.
      let range = index.files[position].sharedRange
      guard (outcome.isPlaced ? 1 : outcome.articles.count) == range.count else { return nil }
      ranges.append(range)
    }
    // An index this load owns gives its array up, and the changed records are written into it in place;
    // otherwise they go into a copy (100,000 records with every string retained, and the old array freed
    // afterwards: most of what one changed file added to a warm start).
    var articles = ownsIndex ? whole.takeArticles() : whole.articles
    var next = 0
    var outcomeOf: [Int: RecordFileOutcome] = [:]
    for (offset, position) in changed.enumerated() {
      let range = ranges[offset]
      // `parsed` holds every changed file's records in order (the one of a one-record file, placed).
      for (slot, record) in zip(range, parsed[next..<next + range.count]) { articles[slot] = record }
      next += range.count
      outcomeOf[position] = parsedOutcomes[offset]
    }
    progress?(files.count, files.count)

    let shared = SharedArticles(articles)
    var indexed: [IndexedFile] = []
    indexed.reserveCapacity(files.count)
    var result = LoadResult(articles: [], fileCount: 0, missingPaths: walker.missingPaths)
    result.emptyPaths = walker.emptyPaths
    result.unreadablePaths = walker.unreadablePaths
    result.diagnostics = walker.diagnostics
    for position in files.indices {
      let old = index.files[position]
      let outcome = outcomeOf[position]
      let isRecordFile = outcome?.isRecordFile ?? old.isRecordFile
      let diagnostics = outcome?.diagnostics ?? old.diagnostics
      if isRecordFile {
        result.fileCount += 1
        result.diagnostics.append(contentsOf: diagnostics)
      }
      // A file that could not be stat'ed is parsed again next time.
      guard let stamp = stamps[position] else { continue }
      // The splice runs only when every stat'ed file was found at its own position in the index, so its
      // path there is its path: shared, not made again for each of 100,000 files.
      indexed.append(
        IndexedFile(
          path: old.path, stamp: stamp, isRecordFile: isRecordFile, shared: shared,
          range: old.sharedRange, diagnostics: diagnostics))
    }
    ArticleIdentity.assign(to: &articles)
    result.articles = articles
    result.reusedFileCount = files.count - changed.count
    result.parsedFileCount = changed.count
    result.removedFileCount = 0
    return IndexedLoad(result: result, updatedIndex: LoadIndex(writtenAt: startedAt, files: indexed))
  }

  /// The walk of `paths` with every record file `stat`ed by name on the way, as a load through an index
  /// walks them.
  func stampedWalk(_ paths: [String]) -> FileWalker {
    var walker = walker(previewing: nil)
    walker.stampsFiles = true
    walker.walk(paths)
    return walker
  }

  /// The records of `files[position]` for each position in `positions`, parsed on this thread, by
  /// position (a file that gives none, or cannot be read, gives an empty list).
  func records(of files: [RecordFileEntry], at positions: [Int]) -> [Int: [Article]] {
    guard !positions.isEmpty else { return [:] }
    let interner = StringInterner()
    let buffer = ReadBuffer()
    let scratch = DecodeScratch()
    var records: [Int: [Article]] = [:]
    for position in positions {
      let outcome = RecordFile.load(
        files[position], options: options, interner: interner, buffer: buffer, scratch: scratch)
      records[position] = outcome.single.map { [$0] } ?? outcome.articles
    }
    return records
  }

  static func wallClockNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
  }
}

extension RecordFileEntry {
  /// The path as the system knows it, the key of the file in the load index.
  var systemPathBytes: [UInt8] { systemPath ?? Array(path.utf8) }

  /// Whether the path as the system knows it is `bytes`, compared in place (a warm start asks this of
  /// each of 100,000 files: making `systemPathBytes` for it was an array each).
  func hasSystemPath(_ bytes: [UInt8]) -> Bool {
    if let systemPath { return systemPath == bytes }
    return path.utf8.elementsEqual(bytes)
  }
}
