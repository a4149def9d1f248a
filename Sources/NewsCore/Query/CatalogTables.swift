/// What a catalog prepares from its articles besides their text: the name ids, the topics in order of
/// frequency with their postings, the provider ranks and the query columns.
///
/// Built from the articles, or carried from the tables of the catalog a change was made from: the kept
/// articles' entries are copied in runs and only the arriving articles' names are folded and looked up.
struct CatalogTables {
  /// Topics as first spelled, most frequent first (then by name); a topic's id is its position.
  var topics: [String]
  var topicFrequencies: [Int]
  var topicIDsByFoldedName: [String: Int32]
  /// Folded topic names by id.
  var topicFoldedNames: [[UInt8]]
  /// `articleTopics[topicStarts[i]..<topicStarts[i + 1]]` are article `i`'s distinct topic ids.
  var topicStarts: [Int32]
  var articleTopics: [Int32]
  /// Article indices (ascending) per topic id.
  var topicPostings: [[Int32]]
  var categories: NameColumn
  var providers: NameColumn
  var domains: NameColumn
  var types: NameColumn
  /// Per article, its provider's rank, -1 for none: what the provider order sorts by.
  var providerRanks: [Int32]
  var columns: QueryColumns

  init(articles: [Article]) {
    let names = NameIndex(articles: articles)
    let frequencies = names.topicFrequencies
    // Renumber topics so that ids follow frequency: the picker and shortcuts read them in id order.
    let topicNames = names.topicNames
    let byFrequency = topicNames.indices.sorted {
      frequencies[$0] != frequencies[$1] ? frequencies[$0] > frequencies[$1] : topicNames[$0] < topicNames[$1]
    }
    var renumbered = [Int32](repeating: 0, count: topicNames.count)
    for (newID, oldID) in byFrequency.enumerated() { renumbered[oldID] = Int32(newID) }
    topics = byFrequency.map { topicNames[$0] }
    topicFrequencies = byFrequency.map { frequencies[$0] }
    topicIDsByFoldedName = names.topicIDsByFoldedName.mapValues { renumbered[Int($0)] }
    topicFoldedNames = NameColumn.namesByID(topicIDsByFoldedName)
    let starts = names.topicStarts
    topicStarts = starts
    let articleTopics = names.articleTopics.map { renumbered[Int($0)] }
    self.articleTopics = articleTopics
    var postings = [[Int32]](repeating: [], count: topicNames.count)
    for index in articles.indices {
      for position in Int(starts[index])..<Int(starts[index + 1]) {
        postings[Int(articleTopics[position])].append(Int32(index))
      }
    }
    topicPostings = postings
    categories = NameColumn(ids: names.categoryIDs, idsByFoldedName: names.categoryIDsByFoldedName)
    providers = NameColumn(ids: names.providerIDs, idsByFoldedName: names.providerIDsByFoldedName)
    domains = NameColumn(ids: names.domainIDs, idsByFoldedName: names.domainIDsByFoldedName)
    types = NameColumn(ids: names.typeIDs, idsByFoldedName: names.typeIDsByFoldedName)
    let rankByID = Self.ranks(of: providers)
    providerRanks = providers.ids.map { $0 < 0 ? -1 : rankByID[Int($0)] }
    columns = QueryColumns(articles: articles)
  }

  /// Per provider id, its place among the folded provider names in byte order: the provider order sorts by
  /// these, so the sort never touches strings per article.
  static func ranks(of providers: NameColumn) -> [Int32] {
    var rankByID = [Int32](repeating: 0, count: providers.names.count)
    let byBytes = providers.names.indices.sorted {
      providers.names[$0].lexicographicallyPrecedes(providers.names[$1])
    }
    for (rank, id) in byBytes.enumerated() { rankByID[id] = Int32(rank) }
    return rankByID
  }
}

/// One name field of every article as ids (-1 for none), with the ids of the folded names and the folded
/// names by id.
///
/// A carried column keeps the names of articles that went away: no article has their ids, so a query
/// naming one matches nothing, as it would in a catalog without the name.
struct NameColumn {
  var ids: [Int32]
  var idsByFoldedName: [String: Int32]
  /// Folded names by id, for matching `field:pattern` query terms against each distinct name once.
  var names: [[UInt8]]

  init(ids: [Int32], idsByFoldedName: [String: Int32]) {
    self.ids = ids
    self.idsByFoldedName = idsByFoldedName
    names = Self.namesByID(idsByFoldedName)
  }

  /// The keys of `idsByFoldedName` as bytes, at their ids.
  static func namesByID(_ idsByFoldedName: [String: Int32]) -> [[UInt8]] {
    var names = [[UInt8]](repeating: [], count: idsByFoldedName.count)
    for (name, id) in idsByFoldedName { names[Int(id)] = Array(name.utf8) }
    return names
  }

  /// The id of `name`, given the next id when it is new here.
  mutating func id(of name: String?, folder: inout TextFolder) -> Int32 {
    guard let name else { return -1 }
    let folded = folder.fold(name)
    let key = String(decoding: folded, as: UTF8.self)
    if let id = idsByFoldedName[key] { return id }
    let id = Int32(names.count)
    idsByFoldedName[key] = id
    names.append(Array(folded))
    return id
  }
}
