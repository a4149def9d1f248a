/// A stable identifier for a record, the same wherever and on whichever machine the directory is opened.
public struct ArticleID: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a record came from: its file and its document within that file.
public struct RecordSource: Sendable, Hashable {
  /// The file's path as the user can find it (the opened path joined with the relative part).
  public var path: String
  /// The file's path relative to the opened directory (the file name when a file was opened).
  public var relativePath: String
  /// The zero-based index of the YAML document within the file.
  public var documentIndex: Int
  /// The one-based line where the document starts.
  public var line: Int
  /// The file path's exact bytes when `path` (sanitized for showing) is not them: a name that is not UTF-8
  /// (each such byte shows as U+FFFD) or holds control characters; nil otherwise.
  public var pathBytes: [UInt8]? = nil

  public init(path: String, relativePath: String, documentIndex: Int, line: Int) {
    self.path = path
    self.relativePath = relativePath
    self.documentIndex = documentIndex
    self.line = line
  }
}

/// The presence and size of a record's encrypted `secured` blob; its content is never kept.
public struct SecuredContent: Sendable, Hashable {
  /// Size of the blob's text in bytes.
  public var byteCount: Int

  public init(byteCount: Int) { self.byteCount = byteCount }
}

/// One news record: a story, its related coverage from other outlets, and where it was read from.
@dynamicMemberLookup
public struct Article: Sendable, Hashable, Identifiable {
  public var id: ArticleID
  public var source: RecordSource
  /// The record's own fields.
  public var item: NewsItem
  /// The same story from other outlets.
  public var related: RelatedCoverage
  public var secured: SecuredContent?
  /// The Markdown body after the front matter, if any.
  public var body: String?

  public init(
    id: ArticleID, source: RecordSource, item: NewsItem, related: RelatedCoverage = [],
    secured: SecuredContent? = nil, body: String? = nil
  ) {
    self.id = id
    self.source = source
    self.item = item
    self.related = related
    self.secured = secured
    self.body = body
  }

  public subscript<Value>(dynamicMember keyPath: WritableKeyPath<NewsItem, Value>) -> Value {
    get { item[keyPath: keyPath] }
    set { item[keyPath: keyPath] = newValue }
  }
}
