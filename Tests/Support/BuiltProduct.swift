import Foundation

/// Where the package and its built `newsreader` are, for tests that run the real binary.
public enum BuiltProduct {
  /// The package root: this file is `Tests/Support/BuiltProduct.swift`.
  public static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The `newsreader` binary in the test runner's products directory, else the debug build's.
  public static let binary: String = {
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = runner.deletingLastPathComponent()
    while directory.path != "/" {
      let candidate = directory.appendingPathComponent("newsreader").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      if directory.lastPathComponent.hasSuffix(".build") { break }
      directory.deleteLastPathComponent()
    }
    return packageRoot + "/.build/debug/newsreader"
  }()

  /// The release `newsreader` (`swift build -c release --product newsreader`, which `make test` runs):
  /// the build users get, where the optimizer can break what the debug build gets right.
  public static let releaseBinary = packageRoot + "/.build/release/newsreader"
}
