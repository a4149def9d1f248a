#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one file yielded: its records (with base ids, not yet made unique) and its diagnostics.
struct RecordFileOutcome: Sendable {
  /// False for a Markdown file without front matter (a README, say): not a record file, not counted.
  var isRecordFile = true
  var articles: [Article] = []
  var diagnostics: [Diagnostic] = []
  /// True when the file's only record was moved into the load's result (and `articles` emptied).
  var isPlaced = false
  /// The file's only record taken from the load index, to be placed like a parsed one (`articles` empty).
  var single: Article? {
    get { singleBox?.article }
    set { singleBox = newValue.map(SingleArticle.init) }
  }
  /// `single` boxed: a load keeps an outcome per file in several arrays at once (each worker's, the gathered,
  /// the ordered, the reused), and an `Article` held inline made each outcome about 470 bytes, 150 MB of a
  /// cold start's peak at 100,000 files.
  private var singleBox: SingleArticle? = nil
  /// The file's stamp as `fstat` gave it when the file was opened for reading, before its bytes were read:
  /// the load index's key for what was read (nil when the file could not be opened).
  var stamp: FileStamp? = nil

  init(
    isRecordFile: Bool = true, articles: [Article] = [], diagnostics: [Diagnostic] = [],
    isPlaced: Bool = false,
    stamp: FileStamp? = nil
  ) {
    self.isRecordFile = isRecordFile
    self.articles = articles
    self.diagnostics = diagnostics
    self.isPlaced = isPlaced
    self.stamp = stamp
  }
}

/// An article on the heap, so that an optional one costs its holder a pointer.
final class SingleArticle: Sendable {
  let article: Article

  init(_ article: Article) { self.article = article }
}

/// Reads one record file: YAML front matter with an optional Markdown body, or a plain YAML stream.
enum RecordFile {
  static func load(
    _ entry: RecordFileEntry, options: LoadOptions, interner: StringInterner = StringInterner(),
    buffer: ReadBuffer = ReadBuffer(), scratch: DecodeScratch = DecodeScratch()
  ) -> RecordFileOutcome {
    var outcome = RecordFileOutcome()
    let path = TextSanitizer.sanitize(entry.path)
    func fail(_ message: String) -> RecordFileOutcome {
      outcome.diagnostics.append(
        Diagnostic(path: path, line: 0, column: 0, severity: .error, message: message))
      return outcome
    }
    let all: UnsafeBufferPointer<UInt8>
    var stamp: FileStamp? = nil
    switch read(entry, maxBytes: options.maxFileBytes, into: buffer, stamp: &stamp) {
    case .success(let bytes): all = bytes
    case .failure(let problem):
      outcome.stamp = stamp
      return fail(problem.message)
    }
    // The exact bytes, when what is shown is not them (a name that is not UTF-8, or holds control characters).
    let pathBytes = entry.systemPath ?? (path == entry.path ? nil : Array(entry.path.utf8))
    var decoded = decode(
      all, path: path, pathBytes: pathBytes, relativePath: entry.relativePath, options: options,
      interner: interner, scratch: scratch)
    decoded.stamp = stamp
    return decoded
  }

  /// Decodes a file's bytes once read; `path` is already sanitized (`pathBytes` are the exact bytes when they
  /// differ from it), `relativePath` picks the format.
  ///
  /// Separate from `load` so that the fuzz target (and `SeedLoader.decode(bytes:relativePath:)`) run
  /// exactly the code a load runs, without a file.
  static func decode(
    _ all: UnsafeBufferPointer<UInt8>, path: String, pathBytes: [UInt8]? = nil, relativePath: String,
    options: LoadOptions, interner: StringInterner, scratch: DecodeScratch
  ) -> RecordFileOutcome {
    var outcome = RecordFileOutcome()
    if all.isEmpty {
      outcome.diagnostics.append(
        Diagnostic(path: path, line: 0, column: 0, severity: .warning, message: "empty file, no record"))
      return outcome
    }
    let fileExtension = relativePath.utf8.lastIndex(of: UInt8(ascii: ".")).map {
      relativePath[relativePath.utf8.index(after: $0)...].lowercased()
    }
    let isMarkdown = fileExtension == "md" || fileExtension == "markdown"
    let isYAML = fileExtension == "yaml" || fileExtension == "yml"
    // Nothing below keeps a pointer into `all`: every value becomes its own String before the next file.
    var start = 0
    if all.count >= 3, all[0] == 0xEF, all[1] == 0xBB, all[2] == 0xBF { start = 3 }
    let text = UnsafeBufferPointer(rebasing: all[start...])
    let split = FrontMatter.split(text, markdown: isMarkdown, yamlOnly: isYAML)
    if isMarkdown && !split.hasFrontMatter {
      outcome.isRecordFile = false
      return outcome
    }
    let yaml = UnsafeBufferPointer(rebasing: text[..<split.yamlEnd])
    let reader = YAMLEventReader(
      bytes: yaml, maxNodes: options.maxNodesPerDocument, maxDepth: options.maxDepth)
    let decoder = RecordDecoder(reader: reader, path: path, interner: interner, scratch: scratch)
    let records: [DecodedRecord]
    do throws(YAMLError) {
      records = try decoder.decodeDocuments()
    } catch {
      outcome.diagnostics = decoder.diagnostics
      outcome.diagnostics.append(
        Diagnostic(
          path: path, line: error.line, column: error.column, severity: .error,
          message: error.message + "; no record read from this file"))
      return outcome
    }
    outcome.diagnostics = decoder.diagnostics
    if records.isEmpty && outcome.diagnostics.isEmpty {
      // Only document markers, comments or blank lines: as empty as an empty file, and said the same way.
      outcome.diagnostics.append(
        Diagnostic(
          path: path, line: 0, column: 0, severity: .warning,
          message: "no record: every document in this file is empty"))
    }
    var body: String? = nil
    if split.yamlEnd < text.count {
      let rest = UnsafeBufferPointer(rebasing: text[split.yamlEnd...])
      body = TextSanitizer.sanitize(rest, layout: .paragraphs)
    }
    for record in records {
      var source = RecordSource(
        path: path, relativePath: TextSanitizer.sanitize(relativePath),
        documentIndex: record.documentIndex, line: record.line)
      source.pathBytes = pathBytes
      outcome.articles.append(
        Article(
          id: ArticleID(ArticleIdentity.baseID(url: record.item.identifyingURL, source: source)),
          source: source,
          item: record.item, related: RelatedCoverage(record.related), secured: record.secured,
          body: record.documentIndex == 0 ? body : nil))
    }
    return outcome
  }

  struct ReadProblem: Error {
    var message: String
  }

  /// `read` of a path that is its own shown form.
  static func read(_ path: String, maxBytes: Int, into buffer: ReadBuffer) -> Result<
    UnsafeBufferPointer<UInt8>, ReadProblem
  > {
    var stamp: FileStamp? = nil
    return read(
      RecordFileEntry(path: path, relativePath: path), maxBytes: maxBytes, into: buffer, stamp: &stamp)
  }

  /// The whole file in `buffer`, read with one `read` when the file is no larger than `fstat` said.
  ///
  /// The bytes are valid until the next read into `buffer`. `stamp` is set from the `fstat` of the opened
  /// file, before any byte is read (so a change while reading makes the stamp older than the bytes, never
  /// newer).
  static func read(
    _ entry: RecordFileEntry, maxBytes: Int, into buffer: ReadBuffer, stamp: inout FileStamp?
  ) -> Result<UnsafeBufferPointer<UInt8>, ReadProblem> {
    // O_NONBLOCK: a file replaced by a FIFO since the walk must not block the load (regular files ignore it).
    let descriptor = entry.withSystemPath { open($0, O_RDONLY | O_NONBLOCK) }
    guard descriptor >= 0 else {
      return .failure(ReadProblem(message: "cannot open: \(FileWalker.reason(errno))"))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .failure(ReadProblem(message: "cannot read its size: \(FileWalker.reason(errno))"))
    }
    stamp = FileStamp(info)
    guard info.st_mode & S_IFMT == S_IFREG else {
      return .failure(ReadProblem(message: "no longer a regular file; not read"))
    }
    let size = Int(info.st_size)
    if size > maxBytes {
      return .failure(
        ReadProblem(message: "file is \(size) bytes, more than the limit of \(maxBytes) bytes; skipped"))
    }
    // One byte more than the size catches a file that grew since fstat.
    let wanted = size + 1
    let base = buffer.reserve(wanted)
    var filled = 0
    while filled < wanted {
      let count = Glibc.read(descriptor, base + filled, wanted - filled)
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(ReadProblem(message: "cannot read: \(String(cString: strerror(errno)))"))
      }
      filled += count
      // A regular file's read comes up short only at its end: no second call just to be told so.
      if count == 0 || filled >= size { break }
    }
    if filled > maxBytes {
      return .failure(ReadProblem(message: "file is more than the limit of \(maxBytes) bytes; skipped"))
    }
    return .success(UnsafeBufferPointer(start: base, count: filled))
  }
}

/// Memory that one loading thread reads its files into, one after another, so reading a file allocates
/// (and clears) nothing once the buffer is as large as the largest file.
final class ReadBuffer {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int

  init(capacity: Int = 1 << 16) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  deinit { base.deallocate() }

  /// Storage for at least `count` bytes; earlier contents are not kept.
  func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
    if count > capacity {
      base.deallocate()
      capacity = max(count, capacity * 2)
      base = .allocate(capacity: capacity)
    }
    return base
  }
}

/// Where a file's YAML ends and its Markdown body begins.
enum FrontMatter {
  struct Split {
    var hasFrontMatter: Bool
    /// Byte offset just past the YAML part; the body is what follows.
    var yamlEnd: Int
  }

  static func split(_ text: UnsafeBufferPointer<UInt8>, markdown: Bool, yamlOnly: Bool) -> Split {
    let whole = Split(hasFrontMatter: false, yamlEnd: text.count)
    var lines = LineCursor(text: text)
    guard let first = lines.next(), isMarker(text, first, "---") else { return whole }
    if yamlOnly { return Split(hasFrontMatter: true, yamlEnd: text.count) }
    while let line = lines.next() {
      guard isMarker(text, line, "---") || isMarker(text, line, "...") else { continue }
      let end = line.next
      if markdown { return Split(hasFrontMatter: true, yamlEnd: end) }
      // In a .txt file what follows is more YAML documents when it looks like YAML, else a Markdown body.
      var rest = LineCursor(text: text, index: end)
      while let next = rest.next() {
        let content = UnsafeBufferPointer(rebasing: text[next.start..<next.end])
        if isBlank(content) || content.first == UInt8(ascii: "#") { continue }
        return Split(hasFrontMatter: true, yamlEnd: looksLikeYAML(content) ? text.count : end)
      }
      return Split(hasFrontMatter: true, yamlEnd: text.count)
    }
    return Split(hasFrontMatter: true, yamlEnd: text.count)
  }

  /// A line that is exactly `marker`, maybe followed by spaces (CR already excluded).
  private static func isMarker(
    _ text: UnsafeBufferPointer<UInt8>, _ line: LineCursor.Line, _ marker: StaticString
  ) -> Bool {
    let count = marker.utf8CodeUnitCount
    guard line.end - line.start >= count else { return false }
    for offset in 0..<count where text[line.start + offset] != marker.utf8Start[offset] { return false }
    return isBlank(UnsafeBufferPointer(rebasing: text[(line.start + count)..<line.end]))
  }

  private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  /// `key:` at the line start, a `- ` list item, or a document marker.
  private static func looksLikeYAML(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    if line.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: "-")]) { return true }
    if line.starts(with: [UInt8(ascii: "-"), 0x20]) { return true }
    var index = 0
    while index < line.count {
      let byte = line[index]
      let isKeyByte =
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: "-")
      if !isKeyByte { break }
      index += 1
    }
    guard index > 0, index < line.count, line[index] == UInt8(ascii: ":") else { return false }
    return index + 1 == line.count || line[index + 1] == 0x20
  }
}

/// Lines of a buffer, without their LF or CRLF.
struct LineCursor {
  struct Line {
    var start: Int
    var end: Int
    /// Offset of the following line.
    var next: Int
  }

  let text: UnsafeBufferPointer<UInt8>
  var index = 0

  mutating func next() -> Line? {
    guard index < text.count else { return nil }
    let start = index
    // memchr is vectorized; a byte loop here was a visible part of a load (callgrind).
    var end = text.count
    if let newline = memchr(text.baseAddress! + start, 0x0A, text.count - start) {
      end = UnsafeRawPointer(newline) - UnsafeRawPointer(text.baseAddress!)
    }
    index = end < text.count ? end + 1 : end
    let contentEnd = end > start && text[end - 1] == 0x0D ? end - 1 : end
    return Line(start: start, end: contentEnd, next: index)
  }
}
