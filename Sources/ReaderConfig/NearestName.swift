/// Finds the known name closest to a misspelt one, for "did you mean …?" in config problems.
public enum NearestName {
  /// The candidate with the smallest edit distance to `name`, when that distance is small enough to be
  /// a plausible typo (at most a third of the name's characters, and at least 1, at most 3); nil otherwise.
  public static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
    let lowered = name.lowercased()
    let limit = min(3, max(1, lowered.count / 3))
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    return best?.name
  }

  /// Levenshtein distance in characters, with a swap of two neighbours counting as one edit
  /// (optimal string alignment), since `mvoe` for `move` is the commonest slip.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// `; did you mean "x"?` or nothing, to append to a message.
  static func hint(for name: String, among candidates: some Sequence<String>) -> String {
    suggestion(for: name, among: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
  }
}
