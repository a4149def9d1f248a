import Dispatch

/// Topic, category and provider ids of every article, found on all cores.
///
/// Ids are handed out in order of first appearance in load order, exactly as one pass over the articles
/// would: each chunk numbers the names it meets, and the chunks are merged in order.
struct NameIndex {
  /// Names as first spelled, by id.
  var topicNames: [String] = []
  /// Articles having each topic, by id.
  var topicFrequencies: [Int] = []
  var topicIDsByFoldedName: [String: Int32] = [:]
  /// `articleTopics[topicStarts[i]..<topicStarts[i + 1]]` are article `i`'s distinct topic ids.
  var topicStarts: [Int32] = [0]
  var articleTopics: [Int32] = []
  /// -1 where an article has no category or provider.
  var categoryIDs: [Int32] = []
  var categoryIDsByFoldedName: [String: Int32] = [:]
  var providerIDs: [Int32] = []
  var providerIDsByFoldedName: [String: Int32] = [:]
  /// Provider domains and types, for the `domain:` and `type:` query fields.
  var domainIDs: [Int32] = []
  var domainIDsByFoldedName: [String: Int32] = [:]
  var typeIDs: [Int32] = []
  var typeIDsByFoldedName: [String: Int32] = [:]

  init(articles: [Article]) {
    let count = articles.count
    let chunkCount = count < 8_192 ? 1 : min(4 * ProcessInfoLite.activeProcessorCount, count / 4_096)
    var parts = [NameIndex](repeating: NameIndex(), count: chunkCount)
    parts.withUnsafeMutableBufferPointer { slots in
      // Each chunk writes only its own slot.
      nonisolated(unsafe) let slots = slots
      DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        slots[chunk] = NameIndex(
          articles: articles, (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount))
      }
    }
    if chunkCount == 1 {
      self = parts[0]
      return
    }
    topicStarts.reserveCapacity(count + 1)
    categoryIDs.reserveCapacity(count)
    providerIDs.reserveCapacity(count)
    domainIDs.reserveCapacity(count)
    typeIDs.reserveCapacity(count)
    for part in parts { merge(part) }
  }

  private init() {}

  /// Numbers the names of `articles[range]` on their own.
  private init(articles: [Article], _ range: Range<Int>) {
    var folder = TextFolder()
    // Names are looked up as given first: feeds repeat the same spelling, so most lookups skip folding.
    var topicIDsByName: [ExactString: Int32] = [:]  // exact bytes: no normalizing hash per lookup
    var categories = NameIDs()
    var providers = NameIDs()
    var domains = NameIDs()
    var types = NameIDs()
    topicStarts.reserveCapacity(range.count + 1)
    articles.withUnsafeBufferPointer { articles in
      for index in range {
        let first = articleTopics.count
        for topic in articles[index].item.topics {
          let id: Int32
          if let known = topicIDsByName[ExactString(topic)] {
            id = known
          } else {
            let key = String(decoding: folder.fold(topic), as: UTF8.self)
            if let known = topicIDsByFoldedName[key] {
              id = known
            } else {
              id = Int32(topicNames.count)
              topicIDsByFoldedName[key] = id
              topicNames.append(topic)
              topicFrequencies.append(0)
            }
            topicIDsByName[ExactString(topic)] = id
          }
          if !articleTopics[first...].contains(id) {
            articleTopics.append(id)
            topicFrequencies[Int(id)] += 1
          }
        }
        topicStarts.append(Int32(articleTopics.count))
        categoryIDs.append(categories.id(of: articles[index].item.category, folder: &folder))
        providerIDs.append(providers.id(of: articles[index].item.provider?.name, folder: &folder))
        domainIDs.append(domains.id(of: articles[index].item.provider?.domain, folder: &folder))
        typeIDs.append(types.id(of: articles[index].item.type, folder: &folder))
      }
    }
    categoryIDsByFoldedName = categories.idsByFoldedName
    providerIDsByFoldedName = providers.idsByFoldedName
    domainIDsByFoldedName = domains.idsByFoldedName
    typeIDsByFoldedName = types.idsByFoldedName
  }

  /// Appends `part`'s articles, renumbering its names into this index's ids.
  private mutating func merge(_ part: NameIndex) {
    var topicMap = [Int32](repeating: 0, count: part.topicNames.count)
    for (key, localID) in part.topicIDsByFoldedName.sorted(by: { $0.value < $1.value }) {
      if let id = topicIDsByFoldedName[key] {
        topicMap[Int(localID)] = id
      } else {
        let id = Int32(topicNames.count)
        topicIDsByFoldedName[key] = id
        topicNames.append(part.topicNames[Int(localID)])
        topicFrequencies.append(0)
        topicMap[Int(localID)] = id
      }
      topicFrequencies[Int(topicMap[Int(localID)])] += part.topicFrequencies[Int(localID)]
    }
    let offset = Int32(articleTopics.count)
    for start in part.topicStarts.dropFirst() { topicStarts.append(start + offset) }
    for id in part.articleTopics { articleTopics.append(topicMap[Int(id)]) }
    categoryIDs += Self.renumber(
      part.categoryIDs, part.categoryIDsByFoldedName, into: &categoryIDsByFoldedName)
    providerIDs += Self.renumber(
      part.providerIDs, part.providerIDsByFoldedName, into: &providerIDsByFoldedName)
    domainIDs += Self.renumber(part.domainIDs, part.domainIDsByFoldedName, into: &domainIDsByFoldedName)
    typeIDs += Self.renumber(part.typeIDs, part.typeIDsByFoldedName, into: &typeIDsByFoldedName)
  }

  /// `ids` numbered by `local`, renumbered into `global` (new names get the next ids in local order).
  private static func renumber(_ ids: [Int32], _ local: [String: Int32], into global: inout [String: Int32])
    -> [Int32]
  {
    var map = [Int32](repeating: 0, count: local.count)
    for (key, localID) in local.sorted(by: { $0.value < $1.value }) {
      if let id = global[key] {
        map[Int(localID)] = id
      } else {
        let id = Int32(global.count)
        global[key] = id
        map[Int(localID)] = id
      }
    }
    return ids.map { $0 < 0 ? -1 : map[Int($0)] }
  }
}
