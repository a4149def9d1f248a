import ArgumentParser
import Foundation
import NewsStore

/// `newsreader state _stress` (hidden): marks articles at random through the real background writer
/// until killed, for the test that kill -9's it and then checks the file.
///
/// It prints `q ID` before queueing a mark and `w ID` after the transaction holding it committed, each
/// with one unbuffered `write`, so every line the test reads was true before the process died.
struct StateStressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_stress", abstract: "Mark articles at random until killed (for tests).",
    shouldDisplay: false)

  @Option(help: "Prefix of the made-up article ids.")
  var prefix: String

  @Option(help: "Seed of the random choices.")
  var seed: UInt64 = 1

  @Option(help: "Stop after this many marks (default: run until killed).")
  var count: Int?

  @OptionGroup var state: StateOptions

  func run() throws {
    let store = try state.openForWriting()
    let writer = MarkWriter(
      store: store,
      onWritten: { batch in
        // One write per line: a line is shorter than PIPE_BUF, so it never interleaves with a `q` line.
        for change in batch { writeOut("w \(change.id)\n") }
      },
      onFailure: { reason in printError("newsreader: reading state is not saved: \(reason)") })
    writeOut("ready\n")
    var random = SplitMix(seed: seed)
    var index = 0
    while count.map({ index < $0 }) ?? true {
      let id = "\(prefix)-\(index)"
      let kind: MarkChange.Kind = random.next() % 2 == 0 ? .read : .star
      writeOut("q \(id)\n")
      writer.queue(MarkChange(id: id, kind: kind, at: Date().timeIntervalSince1970))
      index += 1
      // Bursts and pauses, so batches of every size are in flight when the kill comes.
      let pause = random.next() % 8 == 0 ? random.next() % 20_000 : random.next() % 500
      usleep(UInt32(pause))
    }
    writer.finish()
    store.close()
  }
}

/// A small deterministic generator (SplitMix64), so a failing run can be repeated with its seed.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
