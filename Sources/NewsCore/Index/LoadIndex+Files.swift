import Dispatch
import Foundation

extension LoadIndex {
  /// One entry of the files section's directory: a run of files and where its records go.
  struct Chunk {
    var files: Int
    var articles: Int
    /// The position in the one record array of the chunk's first record.
    var firstArticle: Int
    var bytes: Int
  }

  /// An encoded record takes at least 21 bytes (its strings' numbers, counts and flags): a directory that
  /// claims more records than its bytes could hold is damaged, and nothing that large is reserved for it.
  static let fewestBytesPerArticle = 16

  /// The files section: every file, and every file's records in one array in file order (a warm load takes
  /// it whole as its article array). The chunks are decoded on all cores, each straight into its part of
  /// the array; a damaged chunk fails the whole index.
  static func decodeFiles(_ decoder: inout IndexDecoder) throws(IndexCorruption) -> ([IndexedFile], [Article])
  {
    let fileCount = try decoder.count()
    let chunkCount = try decoder.count(atMost: fileCount)
    var chunks: [Chunk] = []
    chunks.reserveCapacity(chunkCount)
    var files = 0
    var articles = 0
    var bytes = 0
    for _ in 0..<chunkCount {
      let chunkFiles = try decoder.count()
      let chunkArticles = try decoder.count()
      let chunkBytes = try decoder.count()
      guard chunkFiles > 0, chunkArticles <= chunkBytes / fewestBytesPerArticle else {
        throw IndexCorruption("a chunk of files is out of range")
      }
      chunks.append(
        Chunk(files: chunkFiles, articles: chunkArticles, firstArticle: articles, bytes: chunkBytes))
      files += chunkFiles
      articles += chunkArticles
      bytes += chunkBytes
      guard files <= fileCount, bytes <= decoder.remaining else {
        throw IndexCorruption("a chunk of files is out of range")
      }
    }
    guard files == fileCount else { throw IndexCorruption("the chunks do not hold every file") }
    var parts: [IndexDecoder] = []
    parts.reserveCapacity(chunks.count)
    for chunk in chunks { parts.append(try decoder.split(length: chunk.bytes)) }
    guard decoder.isAtEnd else { throw IndexCorruption("has bytes after its last file") }

    let workers = IndexWork.workers
    // A listing's strings are made on first use: each worker makes its own (the chunks of worker `w` are
    // `w`, `w + workers`, …), so no two threads fill one table.
    if let table = decoder.lazyStrings, workers > 1 {
      let tables = [table] + (1..<workers).map { _ in table.forAnotherThread() }
      for index in parts.indices { parts[index].lazyStrings = tables[index % workers] }
    }
    let layout = chunks
    nonisolated(unsafe) let decoders = parts
    var outcomes: [ChunkOutcome] = []
    let decoded = try [Article](unsafeUninitializedCapacity: articles) {
      (buffer, initialized) throws(IndexCorruption) in
      nonisolated(unsafe) let target = buffer.baseAddress
      let empty = ChunkOutcome(files: [], made: 0, failure: nil)
      outcomes = IndexWork.map(layout.count, placeholder: empty) { index in
        decodeChunk(layout[index], decoders[index], into: target)
      }
      var failure: IndexCorruption? = nil
      for outcome in outcomes { failure = failure ?? outcome.failure }
      if let failure {
        // What the other chunks made is given back before the array is dropped.
        for index in layout.indices {
          let made = outcomes[index].made
          if made > 0, let target { (target + layout[index].firstArticle).deinitialize(count: made) }
        }
        throw failure
      }
      initialized = articles
    }
    var indexed: [IndexedFile] = []
    indexed.reserveCapacity(fileCount)
    for outcome in outcomes { indexed.append(contentsOf: outcome.files) }
    return (indexed, decoded)
  }

  /// Decodes one chunk's files, its records made at `target + chunk.firstArticle` onwards.
  private static func decodeChunk(
    _ chunk: Chunk, _ start: IndexDecoder, into target: UnsafeMutablePointer<Article>?
  ) -> ChunkOutcome {
    var decoder = start
    var made = 0
    var files: [IndexedFile] = []
    files.reserveCapacity(min(chunk.files, decoder.remaining / 9))
    let placeholder = SharedArticles([])
    do throws(IndexCorruption) {
      for _ in 0..<chunk.files {
        let path = try decoder.raw()
        let stamp = try decoder.stamp()
        let isRecordFile = try decoder.byte() == 1
        let articleCount = try decoder.count()
        guard articleCount <= chunk.articles - made else {
          throw IndexCorruption("a chunk holds more records than its directory says")
        }
        let first = chunk.firstArticle + made
        // A chunk with records has room for them: the array holds every chunk's count.
        if articleCount > 0, let target {
          for _ in 0..<articleCount {
            (target + chunk.firstArticle + made).initialize(to: try decoder.article())
            made += 1
          }
        }
        let diagnosticCount = try decoder.count()
        var diagnostics: [Diagnostic] = []
        for _ in 0..<diagnosticCount { diagnostics.append(try decoder.diagnostic()) }
        files.append(
          IndexedFile(
            path: path, stamp: stamp, isRecordFile: isRecordFile, shared: placeholder,
            range: first..<(chunk.firstArticle + made), diagnostics: diagnostics))
      }
      guard made == chunk.articles else {
        throw IndexCorruption("a chunk holds fewer records than its directory says")
      }
      guard decoder.isAtEnd else { throw IndexCorruption("a chunk has bytes after its last file") }
      return .init(files: files, made: made, failure: nil)
    } catch {
      return .init(files: [], made: made, failure: error)
    }
  }
}

/// What one chunk of files gave: its files, how many records it made in place in the array (counted from
/// its first), and why it stopped.
struct ChunkOutcome {
  var files: [IndexedFile]
  var made: Int
  var failure: IndexCorruption?
}
