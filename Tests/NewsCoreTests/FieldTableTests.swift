import Foundation
import Testing

@testable import NewsCore

/// The accepted-field table says which keys each mapping takes, and every field of the model survives a
/// write and a load: a field the loader does not accept (or accepts in the wrong place) fails here.
@Suite struct FieldTableTests {
  /// The record format as the README's "Records" table documents it, written out independently of the code.
  static let itemFields = [
    "title", "excerpt", "category", "type", "publishedDateTime", "originalUrl", "webUrl", "ampWebUrl",
    "cdnAmpWebUrl", "quality", "heat", "published", "provider", "topics", "images",
  ]

  func accepted(in place: FieldKey.Places) -> Set<String> {
    Set(FieldKey.allCases.filter { $0.places.contains(place) }.map { $0.spelling.description })
  }

  func match(_ text: String, in place: FieldKey.Places) -> FieldKey? {
    var text = text
    return text.withUTF8 { FieldKey.match($0, in: place) }
  }

  @Test func eachMappingAcceptsExactlyItsDocumentedFields() {
    #expect(accepted(in: .record) == Set(Self.itemFields + ["related", "secured"]))
    #expect(accepted(in: .relatedItem) == Set(Self.itemFields))
    #expect(accepted(in: .provider) == ["name", "domain", "images"])
    #expect(accepted(in: .image) == ["url", "width", "height", "isCached"])
    // Every key is a field somewhere, or it would be dead.
    #expect(FieldKey.allCases.allSatisfy { !$0.places.isEmpty })
  }

  /// A record field inside `provider` is kept under its own name (it once lost its name: `provider.`).
  @Test func aKeyOfAnotherPlaceIsAnExtraFieldUnderItsName() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-places-\(UUID())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try "title: T\nurl: top\nprovider:\n  name: P\n  title: inner\nrelated:\n- title: R\n  secured: x\n"
      .write(toFile: root.appendingPathComponent("a.yaml").path, atomically: true, encoding: .utf8)
    let article = try #require(SeedLoader().load(paths: [root.path]).articles.first)
    #expect(
      article.item.extraFields == [
        ExtraField(key: "url", value: "top"), ExtraField(key: "provider.title", value: "inner"),
      ])
    #expect(article.item.provider == Provider(name: "P"))
    #expect(article.related.first?.extraFields == [ExtraField(key: "secured", value: "x")])
  }

  @Test func matchingInAPlaceRefusesKeysOfOtherPlaces() {
    #expect(match("secured", in: .record) == .secured)
    #expect(match("secured", in: .relatedItem) == nil)
    #expect(match("related", in: .relatedItem) == nil)
    #expect(match("url", in: .record) == nil)
    #expect(match("name", in: .record) == nil)
    #expect(match("title", in: .provider) == nil)
    #expect(match("images", in: .provider) == .images)
    #expect(match("images", in: .image) == nil)
  }

  /// The duplicate-key set holds each key apart from every other: it is one word, so this fails past 64 keys.
  @Test func fieldSetHoldsEveryKeyApart() {
    var all = FieldSet()
    for key in FieldKey.allCases {
      var one = FieldSet()
      one.insert(key)
      #expect(FieldKey.allCases.filter { one.contains($0) } == [key])
      all.insert(key)
    }
    #expect(FieldKey.allCases.allSatisfy { all.contains($0) })
    var title = FieldSet()
    title.insert(.title)
    var heat = FieldSet()
    heat.insert(.heat)
    #expect(FieldKey.allCases.filter { title.union(heat).contains($0) } == [.title, .heat])
  }

  // MARK: Round trip

  static func image(_ number: Int) -> ImageRef {
    ImageRef(
      url: "https://img.example.org/\(number).jpg", width: 640 + number, height: 480,
      isCached: number % 2 == 0)
  }

  static func item(_ name: String, extra: String) -> NewsItem {
    NewsItem(
      title: "\(name) title: \"quoted\" and 東京 🌧", excerpt: "\(name) first paragraph.\n\nSecond paragraph.",
      category: "\(name) category", type: "story",
      publishedDateTime: NewsDate(canonicalSecondsSince1970: 1_715_000_000),
      originalUrl: "https://example.org/\(name)/original", webUrl: "https://example.org/\(name)/web",
      ampWebUrl: "https://example.org/\(name)/amp", cdnAmpWebUrl: "https://cdn.example.org/\(name)/amp",
      quality: 7, heat: -3, published: true,
      provider: Provider(name: "\(name) Provider", domain: "\(name).example.org", images: [image(1)]),
      topics: ["\(name) topic one", "Économie"], images: [image(2), image(3)],
      extraFields: [ExtraField(key: extra, value: "kept as text")])
  }

  static let securedBlob = String(repeating: "QUJD", count: 25)

  /// One record with every field of the model set to a value that is not its default.
  static func fullArticle(path: String) -> Article {
    let source = RecordSource(path: path, relativePath: "full.txt", documentIndex: 0, line: 1)
    let item = item("main", extra: "featuredContent")
    return Article(
      id: ArticleID(ArticleIdentity.baseID(url: item.originalUrl, source: source)), source: source,
      item: item, related: [Self.item("other", extra: "syndication")],
      secured: SecuredContent(byteCount: securedBlob.utf8.count), body: "The Markdown body.\n")
  }

  /// The names of `value`'s stored properties that hold nil or an empty list.
  func unset(_ value: Any) -> [String] {
    Mirror(reflecting: value).children.compactMap { child in
      let mirror = Mirror(reflecting: child.value)
      let empty =
        (mirror.displayStyle == .optional && mirror.children.isEmpty)
        || (mirror.displayStyle == .collection && mirror.children.isEmpty)
      return empty ? child.label ?? "?" : nil
    }
  }

  /// A double-quoted YAML scalar.
  func quoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }

  func yaml(_ image: ImageRef, indent: String) -> String {
    "\(indent)- url: \(quoted(image.url!))\n\(indent)  width: \(image.width!)\n"
      + "\(indent)  height: \(image.height!)\n\(indent)  isCached: \(image.isCached!)\n"
  }

  /// The mapping entries of `item`, each line starting with `indent` (the first with `first`).
  func yaml(_ item: NewsItem, first: String, indent: String) -> String {
    var lines = [
      "title: \(quoted(item.title!))", "excerpt: \(quoted(item.excerpt!))",
      "category: \(quoted(item.category!))", "type: \(item.type!)",
      "publishedDateTime: \(item.publishedDateTime!.text)", "originalUrl: \(quoted(item.originalUrl!))",
      "webUrl: \(quoted(item.webUrl!))", "ampWebUrl: \(quoted(item.ampWebUrl!))",
      "cdnAmpWebUrl: \(quoted(item.cdnAmpWebUrl!))", "quality: \(item.quality!)", "heat: \(item.heat!)",
      "published: \(item.published!)", "provider:", "  name: \(quoted(item.provider!.name!))",
      "  domain: \(quoted(item.provider!.domain!))", "  images:",
    ]
    var text = ""
    for image in item.provider!.images {
      lines.append(contentsOf: yaml(image, indent: "  ").split(separator: "\n").map(String.init))
    }
    lines.append("topics:")
    for topic in item.topics { lines.append("- \(quoted(topic))") }
    lines.append("images:")
    for image in item.images {
      lines.append(contentsOf: yaml(image, indent: "").split(separator: "\n").map(String.init))
    }
    for extra in item.extraFields { lines.append("\(extra.key): \(quoted(extra.value))") }
    for (index, line) in lines.enumerated() { text += (index == 0 ? first : indent) + line + "\n" }
    return text
  }

  func yaml(_ article: Article) -> String {
    var text = "---\n" + yaml(article.item, first: "", indent: "")
    text += "related:\n"
    for related in article.related { text += yaml(related, first: "- ", indent: "  ") }
    text += "secured: \(Self.securedBlob)\n---\n\(article.body!)"
    return text
  }

  @Test func everyFieldOfTheModelRoundTrips() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsreader-fields-\(UUID())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("full.txt").path
    let expected = Self.fullArticle(path: path)
    // A new field of the model must be given a value here, and then written and loaded.
    #expect(unset(expected) == [])
    #expect(unset(expected.item) == [])
    #expect(unset(expected.item.provider!) == [])
    #expect(unset(expected.item.images[0]) == [])
    #expect(unset(expected.related[0]) == [])
    try yaml(expected).write(toFile: path, atomically: true, encoding: .utf8)

    let result = SeedLoader().load(paths: [root.path])
    #expect(result.diagnostics == [])
    let loaded = try #require(result.articles.first)
    #expect(result.articles.count == 1)
    #expect(loaded.item == expected.item)
    #expect(loaded.related == expected.related)
    #expect(loaded.secured == expected.secured)
    #expect(loaded.body == expected.body)
    #expect(loaded == expected)
  }
}
