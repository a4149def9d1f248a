import Foundation
import NewsCore

/// Where the config file is looked for, and reading it from there (or from a file the user named).
public enum ConfigFile {
  /// Config files larger than this are refused: no sensible config comes near it.
  public static let maxBytes = 1 << 20

  /// `$XDG_CONFIG_HOME/newsreader/config.yaml` when that variable holds an absolute path (the XDG
  /// spec ignores relative ones), else `~/.config/newsreader/config.yaml`; nil without either.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
      return base + "/newsreader/config.yaml"
    }
    if let home = environment["HOME"], !home.isEmpty {
      return home + "/.config/newsreader/config.yaml"
    }
    return nil
  }

  /// What loading gave: the config (defaults for what is missing or broken), its problems, and the file
  /// it came from (nil when there was none).
  public struct Loaded: Sendable {
    public var config: ReaderConfig
    public var problems: [Diagnostic]
    public var path: String?
  }

  /// Loads `explicitPath` (from `--config`; a missing file is an error there) or the default file (whose
  /// absence is normal); `-` reads standard input.
  public static func load(
    explicitPath: String?, environment: [String: String], parser: ConfigParser = ConfigParser()
  ) -> Loaded {
    guard let path = explicitPath ?? defaultPath(environment: environment) else {
      return Loaded(config: ReaderConfig(), problems: [], path: nil)
    }
    let shownPath = path == "-" ? "<stdin>" : TextSanitizer.sanitize(path)
    let bytes: [UInt8]
    switch read(path) {
    case .success(let data):
      bytes = data
    case .failure(let problem):
      if problem == .missing, explicitPath == nil {
        return Loaded(config: ReaderConfig(), problems: [], path: nil)
      }
      let failure = Diagnostic(
        path: shownPath, line: 0, column: 0, severity: .error, message: problem.message)
      return Loaded(config: ReaderConfig(), problems: [failure], path: path)
    }
    let result = parser.parse(bytes, path: shownPath)
    return Loaded(config: result.config, problems: result.problems, path: path)
  }

  enum ReadProblem: Error, Equatable {
    case missing, tooLarge, unreadable(String)

    var message: String {
      switch self {
      case .missing: return "no such file; the defaults apply"
      case .tooLarge: return "larger than \(ConfigFile.maxBytes) bytes; refused, the defaults apply"
      case .unreadable(let reason): return "cannot be read (\(reason)); the defaults apply"
      }
    }
  }

  static func read(_ path: String) -> Result<[UInt8], ReadProblem> {
    let handle: FileHandle
    if path == "-" {
      handle = FileHandle.standardInput
    } else {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        return .failure(.missing)
      }
      if isDirectory.boolValue { return .failure(.unreadable("a directory")) }
      guard let opened = FileHandle(forReadingAtPath: path) else {
        return .failure(.unreadable("permission denied"))
      }
      handle = opened
    }
    defer { if path != "-" { try? handle.close() } }
    do {
      let data = try handle.read(upToCount: maxBytes + 1) ?? Data()
      if data.count > maxBytes { return .failure(.tooLarge) }
      return .success([UInt8](data))
    } catch {
      return .failure(.unreadable(TextSanitizer.sanitize("\(error.localizedDescription)")))
    }
  }
}
