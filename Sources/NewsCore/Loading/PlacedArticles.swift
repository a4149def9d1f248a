/// The load's article array, filled in place by the loading threads: each file's only record goes
/// straight to the file's position, and the positions left empty are closed up at the end.
///
/// This is the load's one use of uninitialized storage, and what it buys is memory: collecting the
/// records per file or per thread and copying them into one array holds every article twice at the end
/// of the load (see docs/PERFORMANCE.md, "Where the loader is unsafe", for the measured figure).
/// `SeedLoaderReferenceTests` check the result against a plain sequential load.
enum PlacedArticles {
  /// Runs `fill`, which may place at most one article at each index below `count` (from any thread, each
  /// index from one thread only), and returns the placed articles in index order.
  static func build(count: Int, _ fill: (Places) -> Void) -> [Article] {
    let isPlaced = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
    isPlaced.initialize(repeating: false)
    defer { isPlaced.deallocate() }
    return [Article](unsafeUninitializedCapacity: count) { storage, initialized in
      fill(Places(storage: storage, isPlaced: isPlaced))
      // Close the gaps: afterwards exactly the first `kept` slots are initialized.
      var kept = 0
      for index in 0..<count where isPlaced[index] {
        if kept != index {
          (storage.baseAddress! + kept).moveInitialize(from: storage.baseAddress! + index, count: 1)
        }
        kept += 1
      }
      initialized = kept
    }
  }

  /// The uninitialized storage, lent to the loading threads for the length of `build`.
  struct Places: @unchecked Sendable {
    fileprivate let storage: UnsafeMutableBufferPointer<Article>
    fileprivate let isPlaced: UnsafeMutableBufferPointer<Bool>

    /// Puts `article` at `index`, which no other call may use.
    func place(_ article: Article, at index: Int) {
      precondition(!isPlaced[index], "two articles placed at \(index)")
      (storage.baseAddress! + index).initialize(to: article)
      isPlaced[index] = true
    }
  }
}
