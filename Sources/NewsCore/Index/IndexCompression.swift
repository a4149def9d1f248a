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

/// The jobs of an index decode spread over the cores: job `i` runs on worker `i % workers`, in order there.
enum IndexWork {
  static let workers = max(1, min(8, ProcessInfoLite.activeProcessorCount))

  /// What `job` gave for each of `0..<count`, in order; `placeholder` stands for a job not run (never, once
  /// this returns).
  static func map<Outcome>(
    _ count: Int, placeholder: Outcome, _ job: @escaping @Sendable (Int) -> Outcome
  ) -> [Outcome] {
    let results = Results(Array(repeating: placeholder, count: count))
    let workers = Self.workers
    let work: @Sendable (Int) -> Void = { worker in
      var index = worker
      while index < count {
        results.store(index, job(index))
        index += workers
      }
    }
    if count <= 1 || workers == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers, execute: work)
    }
    return results.all()
  }

  /// Each job's outcome, written by the one worker that ran it and read once all have finished.
  private final class Results<Outcome>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Outcome]

    init(_ outcomes: [Outcome]) { self.outcomes = outcomes }

    func store(_ index: Int, _ outcome: Outcome) {
      lock.lock()
      outcomes[index] = outcome
      lock.unlock()
    }

    func all() -> [Outcome] {
      lock.lock()
      defer { lock.unlock() }
      return outcomes
    }
  }
}

/// How far one block of strings got: how many of its strings were made (in place, in the table), and why
/// not all of them.
struct StringBlockOutcome {
  var made: Int
  var failure: IndexCorruption?
}
