import Foundation

/// An index's string table kept as its decompressed bytes, each string made the first time a record asks
/// for it: what a load that reads only some fields of each record uses (`LoadIndex.Projection.listing`).
///
/// Making every string of the table is most of a warm load (1.6 million strings at 100,000 records); a
/// listing reads a title, a date, a provider and the links of each record and leaves the rest, excerpts
/// and related coverage above all, as bytes. Read from one thread only (`forAnotherThread` gives another
/// thread its own).
final class LazyStringTable: @unchecked Sendable {
  /// Where one string's bytes are: its block, and its offset and length there.
  struct Place {
    var block: Int32
    var offset: Int32
    var length: Int32
  }

  /// A decompressed block and the places of its strings, or why it could not be read.
  typealias Block = Result<(bytes: [UInt8], places: [Place]), IndexCorruption>

  private let blocks: [[UInt8]]
  private let places: [Place]
  private var made: [String?]

  /// A table of the same bytes with strings of its own, for another thread: the bytes are shared, and a
  /// string both threads ask for (a provider's name) is made once by each.
  func forAnotherThread() -> LazyStringTable { LazyStringTable(blocks: blocks, places: places) }

  private init(blocks: [[UInt8]], places: [Place]) {
    self.blocks = blocks
    self.places = places
    made = Array(repeating: nil, count: places.count)
  }

  var count: Int { places.count }

  /// The table of `blocks` (in order); the first damaged block fails it.
  init(_ blocks: [Block], total: Int) throws(IndexCorruption) {
    var bytes: [[UInt8]] = []
    bytes.reserveCapacity(blocks.count)
    var places: [Place] = []
    places.reserveCapacity(total)
    for (number, block) in blocks.enumerated() {
      let (blockBytes, blockPlaces) = try block.get()
      bytes.append(blockBytes)
      for var place in blockPlaces {
        place.block = Int32(number)
        places.append(place)
      }
    }
    guard places.count == total else { throw IndexCorruption("a string block was not decoded") }
    self.blocks = bytes
    self.places = places
    made = Array(repeating: nil, count: total)
  }

  /// String `index` (checked by the caller to be in range), made and kept on first use.
  func string(_ index: Int) throws(IndexCorruption) -> String {
    if let string = made[index] { return string }
    let place = places[index]
    let string = try blocks[Int(place.block)].withUnsafeBufferPointer { bytes throws(IndexCorruption) in
      try IndexDecoder.makeString(
        UnsafeBufferPointer(rebasing: bytes[Int(place.offset)..<Int(place.offset + place.length)]))
    }
    made[index] = string
    return string
  }

  /// Decompresses one block and finds its `count` strings (each a byte count and the bytes).
  static func block(compressed: UnsafeRawBufferPointer, raw: Int, count: Int) -> Block {
    guard let bytes = IndexCompression.decompress(compressed, rawCount: raw) else {
      return .failure(IndexCorruption("a string block does not decompress"))
    }
    return bytes.withUnsafeBytes { buffer in
      Result { () throws(IndexCorruption) in
        var reader = IndexDecoder(buffer)
        var places: [Place] = []
        places.reserveCapacity(count)
        for _ in 0..<count {
          let length = try reader.count()
          places.append(Place(block: 0, offset: Int32(reader.offset), length: Int32(length)))
          try reader.skip(length)
        }
        guard reader.isAtEnd else { throw IndexCorruption("a string block has bytes after its strings") }
        return (bytes, places)
      }
    }
  }

  /// A block no worker has read: a placeholder until every block has been.
  static let notRead: Block = .failure(IndexCorruption("a string block was not decoded"))
}
