// The libFuzzer entry point for the record loader. It is compiled together with NewsCore's sources into
// one module by scripts/fuzz.sh (outside SwiftPM, so `swift build` never sees it); libFuzzer supplies
// `main`, hence `-parse-as-library`.

/// The loader every input goes through: default limits, one thread (there is one buffer).
private let fuzzLoader = SeedLoader(options: LoadOptions(concurrency: 1))

/// The three formats a file's name selects; the input's first byte picks one, so one corpus covers all.
private let fuzzNames = ["fuzz.txt", "fuzz.md", "fuzz.yaml"]

/// Decodes one input as a record file and touches what a reader would show, so lazily computed values
/// (dates, sanitized text, ids) are computed too.
@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size > 0 else {
    _ = fuzzLoader.decode(bytes: UnsafeRawBufferPointer(start: nil, count: 0), relativePath: fuzzNames[0])
    return 0
  }
  let name = fuzzNames[Int(data[0] % 3)]
  let bytes = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
  let result = fuzzLoader.decode(bytes: bytes, relativePath: name)
  var checksum = result.diagnostics.count
  for article in result.articles {
    checksum &+= article.id.rawValue.utf8.count
    checksum &+= article.title?.utf8.count ?? 0
    // The date text is computed on demand from the instant, as `list` and the reader show it.
    checksum &+= article.publishedDateTime?.text.utf8.count ?? 0
    for related in article.related {
      checksum &+= related.publishedDateTime?.text.utf8.count ?? 0
    }
  }
  // Keeps the work above from being optimized away.
  if checksum == Int.min { print(checksum) }
  return 0
}
