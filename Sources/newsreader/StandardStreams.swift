import NewsCore

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output through `write(2)`, buffered and checked: a failed write is an error the command
/// reports (exit 74), never a silent success as with `print`, whose stdio buffer hides errors.
final class StandardOutput: @unchecked Sendable {
  private var buffer: [UInt8] = []
  /// Bytes kept before a write: large enough that a 100,000-line list makes a few hundred system calls.
  private let flushThreshold: Int

  init() {
    flushThreshold = 1 << 20
    buffer.reserveCapacity(flushThreshold + 4096)
  }

  /// An output that keeps everything until `flush()`, with room for `capacity` bytes: one made on another
  /// thread, ahead of knowing whether it will be written (it is then handed over: one thread at a time).
  init(holdingEverything capacity: Int) {
    flushThreshold = Int.max
    buffer.reserveCapacity(capacity)
  }

  /// Appends `text` and a newline, writing out the buffer once it is full.
  func line(_ text: String) throws {
    append(text)
    try endLine()
  }

  /// Appends the text `json` wrote and a newline.
  func line(_ json: JSONOutput) throws {
    buffer.append(contentsOf: json.bytes)
    try endLine()
    // A whole list's JSON is one line: written out now rather than copied again.
    try flush()
  }

  /// Appends the UTF-8 bytes of `text`, without a newline and without a write: for lines built in pieces.
  func append(_ text: String) {
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
  }

  /// Appends one byte (ASCII punctuation of a line built in pieces).
  func append(byte: UInt8) { buffer.append(byte) }

  /// Appends `bytes` as they are.
  func append(bytes: UnsafeBufferPointer<UInt8>) { buffer.append(contentsOf: bytes) }

  /// Appends `text` as a TSV field: tabs and line feeds become spaces (as `replacingTabs()` does, on bytes).
  func appendField(_ text: String) {
    var text = text
    text.withUTF8 { TSVField.append($0, to: &buffer) }
  }

  /// Appends `bytes` as a TSV field, as `appendField(_:)` does.
  func appendField(bytes: UnsafeBufferPointer<UInt8>) { TSVField.append(bytes, to: &buffer) }

  /// Appends `DateParser.iso8601(seconds)`, or its first `prefix` bytes (10: `YYYY-MM-DD`), made in place.
  func appendISO8601(_ seconds: Double, prefix: Int = DateParser.iso8601MaximumBytes) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DateParser.iso8601MaximumBytes) { bytes in
      let count = DateParser.writeISO8601(seconds, to: bytes.baseAddress!)
      buffer.append(contentsOf: UnsafeBufferPointer(start: bytes.baseAddress, count: min(count, prefix)))
    }
  }

  /// Ends the line built by the `append` calls, writing out the buffer once it is full.
  func endLine() throws {
    buffer.append(0x0A)
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Writes out everything buffered; call it before the command ends (an error thrown later would lose it).
  func flush() throws {
    defer { buffer.removeAll(keepingCapacity: true) }
    try buffer.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw OutputFailure(code: errno)
        }
        offset += written
      }
    }
  }
}

/// One field of a TSV row written as bytes: what `String.replacingTabs()` gives, without a `Character` per
/// byte.
enum TSVField {
  /// Appends `field` with every tab and every line feed that is a `Character` of its own (not the LF of a
  /// CR LF pair, which is one `Character` and which `replacingTabs()` keeps) replaced by a space.
  static func append(_ field: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    // Sanitized fields have neither: one scan, one copy.
    guard field.contains(where: { $0 == 0x09 || $0 == 0x0A }) else {
      output.append(contentsOf: field)
      return
    }
    // Tab and LF are single bytes that never belong to a multi-byte scalar, and grapheme breaking puts a
    // boundary on both sides of them (they are controls) except between CR and LF.
    for (offset, byte) in field.enumerated() {
      if byte == 0x09 || (byte == 0x0A && (offset == 0 || field[offset - 1] != 0x0D)) {
        output.append(0x20)
      } else {
        output.append(byte)
      }
    }
  }
}

/// A write to standard output failed with the system's error `code`.
struct OutputFailure: Error {
  var code: Int32

  /// EX_IOERR from sysexits.h.
  static let exitStatus: Int32 = 74

  var message: String {
    "newsreader: cannot write to standard output: \(String(cString: strerror(code)))"
  }
}

/// Writes a line to standard error, sanitized: messages repeat command-line arguments and paths, which
/// may hold escape sequences.
func printError(_ line: String) {
  var text = TextSanitizer.sanitize(line, layout: .paragraphs)
  text.append("\n")
  text.withUTF8 { bytes in
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }  // nowhere left to say anything
      offset += written
    }
  }
}

/// The three standard descriptors, before anything else opens a file.
enum StandardDescriptors {
  /// A closed one gets /dev/null opened read-only in its place: the next file the program opens would
  /// otherwise become "standard output", and writes to it must fail, not land in a record file.
  static func occupyClosed() {
    for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let opened = open("/dev/null", O_RDONLY)
      if opened >= 0 && opened != descriptor {
        dup2(opened, descriptor)
        close(opened)
      }
    }
  }
}
