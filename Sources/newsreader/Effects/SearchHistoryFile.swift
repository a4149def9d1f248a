import Foundation
import ReaderState

/// The reader's kept queries, one a line, in `$XDG_STATE_HOME/newsreader/search-history` (else
/// `~/.local/state/newsreader/search-history`): read once at start, appended to at each Enter, both on a
/// background thread so a slow disk never holds up a keystroke.
struct SearchHistoryFile: Sendable {
  /// The file, or nil when neither variable names a directory (then nothing is kept).
  var path: String?
  /// How many of the newest entries are loaded.
  static let limit = 500
  static let fileName = "search-history"

  init(path: String?) { self.path = path }

  /// The default place; the XDG specification says a relative `XDG_STATE_HOME` must be ignored.
  init(environment: [String: String]) {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      path = (state as NSString).appendingPathComponent("newsreader/" + Self.fileName)
    } else if let home = environment["HOME"], !home.isEmpty {
      path = (home as NSString).appendingPathComponent(".local/state/newsreader/" + Self.fileName)
    } else {
      path = nil
    }
  }

  /// The newest `limit` entries, oldest first; none when the file is missing or unreadable.
  func read() -> [String] {
    guard let path, let data = FileManager.default.contents(atPath: path) else { return [] }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    return Array(lines.filter { !$0.isEmpty }.suffix(Self.limit))
  }

  /// Appends `query` as one line (line breaks in it become spaces), creating the directory when needed;
  /// false when it could not be written.
  @discardableResult
  func append(_ query: String) -> Bool {
    guard let path else { return false }
    let line = query.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    let directory = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      if !FileManager.default.fileExists(atPath: path) {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return false }
      }
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      try handle.seekToEnd()
      try handle.write(contentsOf: Data((line + "\n").utf8))
      return true
    } catch {
      return false
    }
  }
}
