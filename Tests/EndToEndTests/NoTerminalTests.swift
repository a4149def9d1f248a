import Foundation
import Testing

/// Without a usable terminal the reader must say so in one line instead of drawing garbage.
@Suite struct NoTerminalTests {
  @Test func redirectedOutputGivesOneLineAndSuggestsList() throws {
    let fixture = try ReaderFixture(records: ReaderFixture.standardRecords)
    defer { fixture.remove() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ReaderFixture.binary)
    process.arguments = [fixture.directory]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    _ = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()

    #expect(process.terminationStatus != 0)
    let lines = errorText.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(errorText.contains("not a terminal"))
    #expect(errorText.contains("newsreader list"))
  }
}
