/// The language an article is written in, as far as its record tells.
///
/// The records have no language field of their own (the real corpus states none); Wikimedia projects
/// name the language in the host (`sv.wikipedia.org`, `zh-yue.wikipedia.org`, `en.m.wikipedia.org`). A
/// record that does carry a `language` or `lang` field (kept among its extra fields) is taken at its word.
public enum StoryLanguage {
  /// Lower-cased language code of `item`, or nil when nothing says.
  public static func of(_ item: NewsItem) -> String? {
    for field in item.extraFields {
      let key = field.key.lowercased()
      if key == "language" || key == "lang" {
        let value = field.value.trimmingSpaces.lowercased().replacingUnderscores
        if !value.isEmpty { return value }
      }
    }
    if let domain = item.provider?.domain, let code = code(inHost: domain) { return code }
    for url in [item.webUrl, item.originalUrl] {
      if let url, let host = host(of: url), let code = code(inHost: host) { return code }
    }
    return nil
  }

  /// Project hosts whose first label is the language.
  private static let multilingualProjects: Set<String> = [
    "wikipedia.org", "wikinews.org", "wikisource.org", "wikiquote.org", "wikivoyage.org",
    "wiktionary.org", "wikibooks.org",
  ]

  static func code(inHost host: String) -> String? {
    let labels = host.lowercased().split(separator: ".")
    guard labels.count >= 3 else { return nil }
    let project = labels.suffix(2).joined(separator: ".")
    guard multilingualProjects.contains(project) else { return nil }
    let first = labels[0]
    guard first != "www", first != "m", first.utf8.allSatisfy({ $0 == 0x2D || ($0 >= 0x61 && $0 <= 0x7A) })
    else { return nil }
    return String(first)
  }

  static func host(of url: String) -> String? {
    guard let schemeEnd = url.range(of: "://") else { return nil }
    let rest = url[schemeEnd.upperBound...]
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
    return host.isEmpty ? nil : String(host)
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }

  fileprivate var replacingUnderscores: String {
    String(map { $0 == "_" ? "-" : $0 })
  }
}
