import Foundation

/// What a change of a catalog looks up over all of its articles, built once and then carried from catalog to
/// catalog by the changes: the ids as a set, the articles of each path, and the domains each provider name
/// is given with.
///
/// The id set and the paths are handed over to the catalog a change makes (the catalog changed is rarely
/// changed again; when it is, it builds them anew), so a change copies neither.
final class ChangeIndex: @unchecked Sendable {
  /// Guards the three tables.
  private let lock = NSLock()
  private var ids: Set<String>?
  private var paths: [String: [Int32]]?
  private var domains: ProviderDomains?

  /// The ids of `articles` (the catalog's own), built if this index does not have them; this index keeps
  /// them.
  func ids(of articles: [Article]) -> Set<String> {
    lock.lock()
    defer { lock.unlock() }
    return builtIDs(of: articles)
  }

  /// The ids and the article indices (ascending) by `source.path` of `articles`, taken out of this index.
  func take(of articles: [Article]) -> (ids: Set<String>, paths: [String: [Int32]]) {
    lock.lock()
    defer { lock.unlock() }
    let taken = (builtIDs(of: articles), builtPaths(of: articles))
    ids = nil
    paths = nil
    return taken
  }

  /// The provider names and their domains of `articles`, built the first time.
  func providerDomains(of articles: [Article]) -> ProviderDomains {
    lock.lock()
    defer { lock.unlock() }
    if let domains { return domains }
    let built = ProviderDomains(articles: articles)
    domains = built
    return built
  }

  /// Takes `built`, made for the same articles elsewhere, unless this index has its own already.
  func adopt(_ built: ProviderDomains) {
    lock.lock()
    defer { lock.unlock() }
    if domains == nil { domains = built }
  }

  /// The provider domains if they were built.
  var builtProviderDomains: ProviderDomains? {
    lock.lock()
    defer { lock.unlock() }
    return domains
  }

  /// Takes what a change made for the new catalog.
  func store(ids: Set<String>, paths: [String: [Int32]], domains: ProviderDomains?) {
    lock.lock()
    defer { lock.unlock() }
    self.ids = ids
    self.paths = paths
    if let domains { self.domains = domains }
  }

  /// Builds all three ahead (for a catalog the watcher will change).
  func prepare(_ articles: [Article]) {
    lock.lock()
    _ = builtIDs(of: articles)
    _ = builtPaths(of: articles)
    lock.unlock()
    _ = providerDomains(of: articles)
  }

  private func builtIDs(of articles: [Article]) -> Set<String> {
    if let ids { return ids }
    var built = Set<String>(minimumCapacity: articles.count)
    for article in articles { built.insert(article.id.rawValue) }
    ids = built
    return built
  }

  private func builtPaths(of articles: [Article]) -> [String: [Int32]] {
    if let paths { return paths }
    var built: [String: [Int32]] = [:]
    for index in articles.indices { built[articles[index].source.path, default: []].append(Int32(index)) }
    paths = built
    return built
  }
}

/// How many times each provider name is given with each domain, among the articles and their related
/// items: the names given with more than one domain are shown by domain in the list.
struct ProviderDomains: Sendable {
  private var counts: [String: [String: Int]] = [:]
  /// The names given with more than one (non-empty) domain.
  private(set) var shared: Set<String> = []

  init(articles: [Article]) {
    func note(_ provider: Provider?) { note(provider?.name, provider?.domain) }
    func note(_ name: String?, _ domain: String?) {
      guard let name, let domain, !domain.isEmpty else { return }
      counts[name, default: [:]][domain, default: 0] += 1
    }
    for article in articles {
      note(article.item.provider)
      for item in article.related.indices {
        note(article.related.text(.providerName, of: item), article.related.text(.providerDomain, of: item))
      }
    }
    shared = Set(counts.lazy.filter { $0.value.count > 1 }.map(\.key))
  }

  /// Counts `article`'s providers in (`by` 1) or out (-1), and updates `shared` for their names.
  mutating func count(_ article: Article, by step: Int) {
    note(article.item.provider?.name, article.item.provider?.domain, by: step)
    for item in article.related.indices {
      note(
        article.related.text(.providerName, of: item), article.related.text(.providerDomain, of: item),
        by: step)
    }
  }

  private mutating func note(_ name: String?, _ domain: String?, by step: Int) {
    guard let name, let domain, !domain.isEmpty else { return }
    var domains = counts.removeValue(forKey: name) ?? [:]
    let count = (domains[domain] ?? 0) + step
    domains[domain] = count > 0 ? count : nil
    if domains.count > 1 { shared.insert(name) } else { shared.remove(name) }
    if !domains.isEmpty { counts[name] = domains }
  }
}
