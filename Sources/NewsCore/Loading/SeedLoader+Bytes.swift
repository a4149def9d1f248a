extension SeedLoader {
  /// Decodes one record file's bytes exactly as `load(paths:)` decodes a file it has read.
  ///
  /// `relativePath` plays the part of the file's name: its extension picks the format (`.md` needs front
  /// matter, `.yaml`/`.yml` is a plain YAML stream, anything else is front matter with an optional body)
  /// and it is the path the diagnostics and the records' sources name. This is the entry point of the fuzz
  /// target (`Fuzz/`), and it lets a test decode bytes without writing a file.
  public func decode(bytes: UnsafeRawBufferPointer, relativePath: String) -> LoadResult {
    let outcome = RecordFile.decode(
      bytes.assumingMemoryBound(to: UInt8.self), path: TextSanitizer.sanitize(relativePath),
      relativePath: relativePath, options: options, interner: StringInterner(), scratch: DecodeScratch())
    var articles = outcome.articles
    ArticleIdentity.assign(to: &articles)
    var result = LoadResult(
      articles: articles, diagnostics: outcome.diagnostics, fileCount: outcome.isRecordFile ? 1 : 0)
    if !outcome.isRecordFile { result.diagnostics = [] }
    return result
  }
}
