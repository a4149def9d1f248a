import NewsCore
import ReaderState
import ReaderView

/// The stories view at scale (issue 16: toggling it and moving in it p95 ≤ 10 ms): the reader groups the
/// stories off the run loop after a load (`.groupStories`), so what the run loop pays is the view's rows
/// over the listing, each toggle and each move.
enum StoryViewTiming {
  static func measure(catalog: ArticleCatalog, repetitions: Int, problems: inout [String]) -> [BenchRow] {
    let records = catalog.articles.count
    let geometry = LayoutGeometry(keyMap: .standard)
    var model = ReaderModel(catalog: catalog, size: TerminalSize(columns: 200, rows: 60))
    // What the background grouping hands the model after the load.
    model.apply(
      .storiesGrouped(StoryIndex(articles: catalog.articles), for: catalog), now: 0, geometry: geometry)

    var toggleSamples: [Double] = []
    for _ in 0..<max(20, repetitions * 4) {
      toggleSamples.append(Stopwatch.seconds { model.apply(.toggleStories, now: 0, geometry: geometry) })
      if !model.stories.isShown || model.stories.rows.isEmpty {
        problems.append("the stories view did not show any story")
        break
      }
      toggleSamples.append(Stopwatch.seconds { model.apply(.toggleStories, now: 0, geometry: geometry) })
    }

    model.apply(.toggleStories, now: 0, geometry: geometry)
    let stories = model.stories.rows.count
    var moveSamples: [Double] = []
    let moves = min(1_000, max(1, stories - 1))
    for step in 0..<moves {
      let movement: Movement = step % 50 == 49 ? .pageDown : .down
      moveSamples.append(Stopwatch.seconds { model.apply(.move(movement), now: 0, geometry: geometry) })
    }
    if stories > 1, model.stories.list.selection == 0 {
      problems.append("moving in the stories view did not move the selection")
    }
    return [
      BenchRow(
        key: "stories_toggle_p95_ms", label: "stories view: toggle p95", records: records,
        value: Stopwatch.percentile(toggleSamples, 0.95) * 1000, unit: "ms",
        note:
          "\(toggleSamples.count) toggles on and off, grouping made in the background; \(stories) stories; target ≤ 10 ms"
      ),
      BenchRow(
        key: "stories_move_p95_ms", label: "stories view: move p95", records: records,
        value: Stopwatch.percentile(moveSamples, 0.95) * 1000, unit: "ms",
        note: "\(moveSamples.count) moves (down, a page every 50th); target ≤ 10 ms"),
    ]
  }
}
