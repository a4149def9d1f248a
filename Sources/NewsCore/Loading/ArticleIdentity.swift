#if canImport(Glibc)
  import Glibc
#endif

/// Gives records their stable, unique ids.
///
/// The id is a hash of the record's URL (`originalUrl`, else `webUrl`), so it is the same wherever the directory
/// is opened from; without a URL it hashes the relative path and document index. Records sharing an id (the
/// real corpus has pairs sharing a URL) keep it for the first in load order and get a suffix hashed from their
/// relative path and document index otherwise, which is deterministic because load order is.
enum ArticleIdentity {
  /// A letter and 14 hex digits (56 bits of the hash): 15 bytes is what a Swift string holds without a
  /// heap allocation, which matters with one id per record.
  static func baseID(url: String?, source: RecordSource) -> String {
    if let url, !url.isEmpty { return StableHash.tagged("u", StableHash.value(url), digits: 14) }
    return StableHash.tagged(
      "p", StableHash.value(source.relativePath + "#\(source.documentIndex)"), digits: 14)
  }

  /// Makes the ids unique in load order. An article whose id is already set (the loader sets `baseID` on the
  /// loading threads, where hashing costs nothing extra in wall time) keeps it as its base.
  static func assign(to articles: inout [Article]) {
    var used: Set<String> = []
    used.reserveCapacity(articles.count)
    for index in articles.indices {
      // Fields, not the whole article: copying an article retains every string it holds.
      let given = articles[index].id.rawValue
      let base =
        given.isEmpty
        ? baseID(url: articles[index].item.identifyingURL, source: articles[index].source) : given
      var candidate = base
      if used.contains(candidate) {
        let source = articles[index].source
        candidate = base + "-" + StableHash.hex(source.relativePath + "#\(source.documentIndex)").prefix(8)
        var counter = 2
        while used.contains(candidate) {
          candidate =
            base + "-" + StableHash.hex(source.relativePath + "#\(source.documentIndex)").prefix(8)
            + "-\(counter)"
          counter += 1
        }
      }
      used.insert(candidate)
      // Only a changed id is written: the array may be shared with the load index (a warm start), and one
      // write would copy every record.
      if candidate != given { articles[index].id = ArticleID(candidate) }
    }
  }
}

/// The number of cores to use, without Foundation's ProcessInfo.
enum ProcessInfoLite {
  static var activeProcessorCount: Int {
    #if canImport(Glibc)
      return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
      return 2
    #endif
  }
}

extension ArticleIdentity {
  /// The id a record with base id `base` gets when the ids in `isUsed` are taken, by the same rule as
  /// `assign` (a suffix hashed from its relative path and document index, then a counter).
  static func unique(_ base: String, source: RecordSource, isUsed: (String) -> Bool) -> String {
    guard isUsed(base) else { return base }
    let suffix = base + "-" + StableHash.hex(source.relativePath + "#\(source.documentIndex)").prefix(8)
    var candidate = suffix
    var counter = 2
    while isUsed(candidate) {
      candidate = suffix + "-\(counter)"
      counter += 1
    }
    return candidate
  }
}
