import Foundation

internal import CLZ4

/// LZ4 block compression of the index's string blocks.
enum IndexCompression {
  static func compress(_ raw: [UInt8]) -> [UInt8] {
    guard !raw.isEmpty else { return [] }
    let bound = Int(LZ4_compressBound(Int32(raw.count)))
    var output = [UInt8](repeating: 0, count: bound)
    let written = raw.withUnsafeBytes { source in
      output.withUnsafeMutableBytes { target in
        LZ4_compress_default(
          source.baseAddress!.assumingMemoryBound(to: CChar.self),
          target.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), Int32(bound))
      }
    }
    precondition(written > 0, "LZ4 cannot fail on a buffer of its own bound")
    output.removeSubrange(Int(written)...)
    return output
  }

  /// The `rawCount` bytes `compressed` holds, or nil when it is damaged (LZ4's safe decoder never reads or
  /// writes outside the buffers it is given).
  static func decompress(_ compressed: UnsafeRawBufferPointer, rawCount: Int) -> [UInt8]? {
    if rawCount == 0 { return compressed.isEmpty ? [] : nil }
    guard !compressed.isEmpty, compressed.count <= Int(Int32.max) else { return nil }
    var output = [UInt8](repeating: 0, count: rawCount)
    let read = output.withUnsafeMutableBytes { target in
      LZ4_decompress_safe(
        compressed.baseAddress!.assumingMemoryBound(to: CChar.self),
        target.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(compressed.count), Int32(rawCount))
    }
    return read == Int32(rawCount) ? output : nil
  }
}

/// How far each block of strings got, written by the one worker that decoded it and read once all have
/// finished.
final class IndexBlockResults: @unchecked Sendable {
  static let workers = max(1, min(8, ProcessInfoLite.activeProcessorCount))

  /// How many of a block's strings were made (in place, in the table), and why not all of them.
  struct Outcome {
    var made: Int
    var failure: IndexCorruption?
  }

  private let lock = NSLock()
  private var results: [Outcome]

  init(count: Int) { results = Array(repeating: Outcome(made: 0, failure: nil), count: count) }

  func store(_ index: Int, _ outcome: Outcome) {
    lock.lock()
    results[index] = outcome
    lock.unlock()
  }

  func take(_ index: Int) -> Outcome {
    lock.lock()
    defer { lock.unlock() }
    return results[index]
  }
}
