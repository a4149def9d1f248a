import NewsCore

/// The story grouping row: the loaded records grouped into stories (issue 16's target: ≤ 200 ms at 100,000).
enum StoryGrouping {
  /// The median of `repetitions` groupings of `articles`, and a problem when the stories do not cover
  /// every article exactly once.
  static func measure(articles: [Article], records: Int, repetitions: Int) -> (
    row: BenchRow, problem: String?
  ) {
    var samples: [Double] = []
    var index: StoryIndex?
    for _ in 1...max(1, repetitions) {
      index = nil  // frees the previous grouping before timing the next
      samples.append(Stopwatch.seconds { index = StoryIndex(articles: articles) })
    }
    let stories = index?.stories ?? []
    let covered = stories.reduce(0) { $0 + $1.members.count }
    let largest = stories.map(\.members.count).max() ?? 0
    let problem =
      covered == articles.count ? nil : "stories cover \(covered) of \(articles.count) articles"
    let row = BenchRow(
      key: "story_grouping_ms", label: "stories: group the loaded records", records: records,
      value: Stopwatch.median(samples) * 1000, unit: "ms",
      note:
        "median of \(samples.count); \(stories.count) stories, largest \(largest) articles; target ≤ 200 ms")
    return (row, problem)
  }
}

extension StoryGrouping {
  /// `NewsBench stories DIR [REPETITIONS]`: loads DIR on all cores and prints the grouping row alone, for
  /// working on the grouping without the whole benchmark.
  static func standaloneMain(arguments: [String]) -> Int32 {
    guard let directory = arguments.first else {
      print("usage: NewsBench stories DIR [REPETITIONS]")
      return 2
    }
    let repetitions = arguments.count > 1 ? Int(arguments[1]) ?? 3 : 3
    let result = SeedLoader().load(paths: [directory])
    let measured = measure(
      articles: result.articles, records: result.articles.count, repetitions: repetitions)
    print(
      "\(measured.row.label): \(String(format: "%.1f", measured.row.value ?? 0)) ms; \(measured.row.note)")
    if let problem = measured.problem { print("problem: \(problem)") }
    return measured.problem == nil ? 0 : 1
  }
}
