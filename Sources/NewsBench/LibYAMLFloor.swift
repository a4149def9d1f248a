internal import CLibYAML
import Glibc

/// The floor every loader is compared with: walk, read each file and run libyaml's event parser over it, building nothing.
struct LibYAMLFloor {
  /// What one pass saw, so the caller can check that the floor really parsed the corpus.
  struct Pass: Sendable {
    var files = 0
    /// Documents whose root is a mapping (the seed format's trailing `---` opens an empty one, not counted).
    var documents = 0
    var events = 0
    var bytes = 0
    /// Files that could not be read or did not parse.
    var failures: [String] = []
  }

  /// Walks `root` and parses every record file on this thread.
  static func run(root: String) -> Pass {
    var pass = Pass()
    guard let corpus = CorpusFiles.scan(root, measuringSizes: false) else {
      pass.failures.append(root)
      return pass
    }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    for path in corpus.paths {
      guard let size = read(path, into: &buffer) else {
        pass.failures.append(path)
        continue
      }
      pass.files += 1
      pass.bytes += size
      if !parse(buffer, byteCount: size, into: &pass) { pass.failures.append(path) }
    }
    return pass
  }

  /// Reads the whole file into `buffer` (grown as needed) and returns its size in bytes.
  private static func read(_ path: String, into buffer: inout [UInt8]) -> Int? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    if buffer.count < size { buffer = [UInt8](repeating: 0, count: size) }
    var done = 0
    while done < size {
      let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + done, size - done) }
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { return nil }
      done += got
    }
    return size
  }

  /// Runs libyaml's event loop over the first `byteCount` bytes of `buffer`; false on a parse error.
  private static func parse(_ buffer: [UInt8], byteCount: Int, into pass: inout Pass) -> Bool {
    // The buffer stays alive for the whole parse: libyaml reads it in place.
    buffer.withUnsafeBufferPointer { bytes in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return false }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_input_string(&parser, bytes.baseAddress, byteCount)
      var event = yaml_event_t()
      var afterDocumentStart = false
      while true {
        guard yaml_parser_parse(&parser, &event) == 1 else { return false }
        let type = event.type
        yaml_event_delete(&event)
        pass.events += 1
        if afterDocumentStart && type == YAML_MAPPING_START_EVENT { pass.documents += 1 }
        afterDocumentStart = type == YAML_DOCUMENT_START_EVENT
        if type == YAML_STREAM_END_EVENT { return true }
      }
    }
  }
}
