#if canImport(Glibc)
  import Glibc
#endif

/// The bytes of an index file, read into memory of their own so that the part already decoded can be given
/// back to the system while the rest is decoded.
///
/// A warm start's memory peaked at the end of the decode, holding the whole file (85 MiB of 100,000 records)
/// beside the strings and records made from it. The decode reads the file front to back once, so each
/// whole page behind it is unmapped as it goes (`release(before:)`); reading a released byte would fault,
/// which is why only the decoder, which never goes back, calls it.
final class IndexBytes {
  private let base: UnsafeMutableRawPointer?
  let count: Int
  private let mappedBytes: Int
  /// Bytes from the start that have been given back (a multiple of the page size).
  private var released = 0
  private static let pageBytes = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// Reads `count` bytes from `descriptor`, or nil when they cannot all be read (or mapped).
  init?(reading descriptor: Int32, count: Int) {
    self.count = count
    guard count > 0 else {
      base = nil
      mappedBytes = 0
      return
    }
    let pages = (count + Self.pageBytes - 1) / Self.pageBytes * Self.pageBytes
    guard let mapped = mmap(nil, pages, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      mapped != MAP_FAILED
    else { return nil }
    base = mapped
    mappedBytes = pages
    var filled = 0
    while filled < count {
      let read = Glibc.read(descriptor, mapped + filled, count - filled)
      if read < 0 && errno == EINTR { continue }
      if read <= 0 { break }
      filled += read
    }
    guard filled == count else {
      munmap(mapped, pages)
      return nil
    }
  }

  deinit {
    if let base, mappedBytes > released { munmap(base + released, mappedBytes - released) }
  }

  /// The bytes, valid until released and while `self` lives.
  var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  /// Gives back every whole page before `offset`; the bytes there must not be read again.
  func release(before offset: Int) {
    guard let base else { return }
    let end = min(offset, count) / Self.pageBytes * Self.pageBytes
    guard end > released else { return }
    munmap(base + released, end - released)
    released = end
  }
}
