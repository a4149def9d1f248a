import Foundation
import Testing

@testable import NewsCore

/// A directory entry is read in place: one whose short name ends where readable memory ends (as the last
/// entry of a `readdir` buffer can) reads without touching the next page.
@Suite struct DirectoryEntryTests {
  @Test func aShortEntryAtTheEndOfReadableMemoryReadsInPlace() throws {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let mapped = try #require(
      mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
    #expect(mapped != MAP_FAILED)
    defer { munmap(mapped, 2 * page) }
    // The second page faults on any access: loading a whole `dirent` (280 bytes) from the entry would.
    #expect(mprotect(mapped + page, page, PROT_NONE) == 0)
    let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    let name = Array("ab".utf8) + [0]
    let entryStart = page - nameOffset - name.count
    let entry = (mapped + entryStart).bindMemory(to: dirent.self, capacity: 1)
    let raw = UnsafeMutableRawPointer(entry)
    raw.storeBytes(
      of: UInt8(DT_DIR), toByteOffset: MemoryLayout<dirent>.offset(of: \dirent.d_type)!, as: UInt8.self)
    for (offset, byte) in name.enumerated() {
      raw.storeBytes(of: byte, toByteOffset: nameOffset + offset, as: UInt8.self)
    }
    #expect(DirectoryEntry.name(entry) == "ab")
    #expect(DirectoryEntry.type(entry) == UInt8(DT_DIR))
  }
}
