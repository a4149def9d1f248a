extension ArticleCatalog {
  /// For each topic of `topics` (same positions), how many of the articles at `indices` fall in each of
  /// `buckets` buckets, `bucket(index)` naming an article's bucket (nil: none): the topic picker's
  /// sparklines, counted in one pass over the articles' topic ids like `topicCounts(among:)`.
  public func topicSeries(among indices: [Int], buckets: Int, bucket: (Int) -> Int?) -> [[Int]] {
    guard buckets > 0 else { return [] }
    var series = [Int](repeating: 0, count: topics.count * buckets)
    topicStarts.withUnsafeBufferPointer { starts in
      articleTopics.withUnsafeBufferPointer { ids in
        for index in indices {
          guard let slot = bucket(index), slot >= 0, slot < buckets else { continue }
          for position in Int(starts[index])..<Int(starts[index + 1]) {
            series[Int(ids[position]) * buckets + slot] += 1
          }
        }
      }
    }
    return (0..<topics.count).map { Array(series[$0 * buckets..<($0 + 1) * buckets]) }
  }
}
