import NewsCore

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output through `write(2)`, buffered and checked: a failed write is an error the command
/// reports (exit 74), never a silent success as with `print`, whose stdio buffer hides errors.
final class StandardOutput {
  private var buffer: [UInt8] = []
  /// Bytes kept before a write: large enough that a 100,000-line list makes few system calls.
  private let flushThreshold = 1 << 16

  init() { buffer.reserveCapacity(flushThreshold) }

  /// Appends `text` and a newline, writing out the buffer once it is full.
  func line(_ text: String) throws {
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
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
