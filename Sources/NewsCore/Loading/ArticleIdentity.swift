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
    // The ids are decided reading the records in place: reading a field through the `inout` array copied
    // each whole record (a retain and a release of every string it holds) at each step.
    let changes = articles.withUnsafeBufferPointer { records in
      var changes: [(index: Int, id: String)] = []
      for index in records.indices {
        let given = records[index].id.rawValue
        let base =
          given.isEmpty
          ? baseID(url: records[index].item.identifyingURL, source: records[index].source) : given
        var candidate = base
        if used.contains(candidate) {
          let source = records[index].source
          let suffix = StableHash.hex(source.relativePath + "#\(source.documentIndex)").prefix(8)
          candidate = base + "-" + suffix
          var counter = 2
          while used.contains(candidate) {
            candidate = base + "-" + suffix + "-\(counter)"
            counter += 1
          }
        }
        used.insert(candidate)
        if candidate != given { changes.append((index, candidate)) }
      }
      return changes
    }
    // Only a changed id is written: the array may be shared with the load index (a warm start), and one
    // write would copy every record.
    for change in changes { articles[change.index].id = ArticleID(change.id) }
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
