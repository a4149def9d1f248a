import Foundation

/// Where the test data lives, derived from this file's path so tests run from any directory.
enum FixturePaths {
  /// The package root (two levels above this file's directory).
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let loader = packageRoot + "/Tests/Fixtures/Loader"

  /// `../shared/<name>` next to the package, or nil when absent (tests then skip).
  static func shared(_ name: String) -> String? {
    let path = packageRoot + "/../shared/" + name
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }
}
