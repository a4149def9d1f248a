import Foundation
import NewsCore
import ReaderState
import ReaderView
import ScreenKit

extension Benchmark {
  /// The in-process cost of one watched change at the corpus's size, split where it is spent: reading the
  /// one changed file against the index in memory, updating the catalog (and sorting it ahead), and the
  /// model merging the change on the run loop. The file is written into a second, scratch path opened
  /// beside the corpus, so the corpus itself is never written.
  mutating func measureChangeMerge(directory: String, records: Int) {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "newsbench-change-\(getpid())-\(records)"
    ).path
    try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let roots = [directory, scratch]
    let geometry = LayoutGeometry(keyMap: .standard)
    let loader = SeedLoader()
    progress("change merge \(records): full load")
    let full = loader.load(paths: roots, reusing: nil)
    guard var index = full.updatedIndex else {
      problems.append("a load without an index gave no index")
      return
    }
    index.writtenAt += 2 * LoadIndex.racyWindow
    var files = LoadedFiles(index: index)
    var catalog = ArticleCatalog(articles: full.result.articles)
    catalog.prepareForChanges()  // as the reader does after a load, off its run loop
    var model = ReaderModel(catalog: catalog)
    model.watch.isEnabled = true
    model.apply(.reload, now: 0, geometry: geometry)
    model.apply(.loaded(catalog, [], generation: 1), now: 0, geometry: geometry)

    var reading: [Double] = []
    var updating: [Double] = []
    var merging: [Double] = []
    var marking: [Double] = []
    var drawing: [Double] = []
    let size = Size(columns: 200, rows: 60)
    for repetition in 0..<max(5, options.repetitions) {
      let path = scratch + "/arrival-\(repetition).txt"
      let text = "---\ntitle: \"Arrival \(repetition)\"\npublishedDateTime: 2031-01-02T09:00:00Z\n---\n"
      _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
      let changes = FileChanges(files: [path])
      var read: ChangeLoad?
      reading.append(Stopwatch.seconds { read = loader.loadChanges(changes, roots: roots, from: files) })
      guard let read, read.parsedFileCount == 1 else {
        problems.append("a change load of one new file did not parse exactly it")
        return
      }
      var change: CatalogChange?
      updating.append(Stopwatch.seconds { change = catalog.applying(read.files, prepare: .newest) })
      model.apply(.filesChanged(changes), now: 1, geometry: geometry)
      let generation = model.loading.generation
      merging.append(
        Stopwatch.seconds {
          model.apply(.changesLoaded(change!, [], generation: generation), now: 1, geometry: geometry)
        })
      // What follows on the run loop: the arrival's first-seen mark comes back from the state store (the
      // reader's other marks are by id, so it is a new set of new ids), and the frame is drawn.
      let arrivalIDs = Set(change!.reread.map { change!.catalog.articles[$0].id.rawValue })
      marking.append(
        Stopwatch.seconds { model.apply(.newArrivals(arrivalIDs), now: 1, geometry: geometry) })
      var frame: Grid?
      drawing.append(
        Stopwatch.seconds {
          frame = ReaderRenderer.render(
            model, theme: Theme.builtInDark, keyMap: .standard, size: size, now: 1)
        })
      let header = (0..<size.columns).map { frame![0, $0].text }.joined()
      let listed = "\(FrameRender.grouped(records + repetition + 1)) articles"
      if !header.contains(listed) {
        problems.append("the frame after a change shows \"\(header)\", not \"\(listed)\"")
      }
      files = read.loadedFiles
      catalog = change!.catalog
    }
    if model.listing.catalog.articles.count != records + reading.count {
      problems.append(
        "after \(reading.count) changes the model lists \(model.listing.catalog.articles.count) articles")
    }
    for (key, label, samples) in [
      ("change_read_ms", "watch: read one changed file (index in memory)", reading),
      ("change_catalog_ms", "watch: update the catalog by it, sorted", updating),
      ("change_merge_ms", "watch: merge into the model (run loop)", merging),
      ("change_marks_ms", "watch: take the arrival's first-seen mark (run loop)", marking),
      ("change_draw_ms", "watch: draw the frame after it, 200x60 (run loop)", drawing),
    ] {
      rows.append(
        BenchRow(
          key: key, label: label, records: records, value: Stopwatch.median(samples) * 1000, unit: "ms",
          note: "median of \(samples.count), in process; slowest "
            + String(format: "%.1f", samples.max()! * 1000) + " ms"))
    }
  }
}
