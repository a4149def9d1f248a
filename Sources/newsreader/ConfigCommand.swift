import ArgumentParser
import Foundation
import NewsCore
import ReaderConfig
import ReaderView

/// `newsreader config`: checks, prints or locates the config file.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Check the config file, print the default one or its manual, or say where it is looked for.",
    discussion: "The settings, keys and views it holds are described in newsreader-config(5).",
    subcommands: [
      ConfigCheckCommand.self, ConfigDefaultCommand.self, ConfigPathCommand.self, ConfigManualCommand.self,
    ])

  /// The parser every command uses: action names are the key map's, view queries must parse in the
  /// query language.
  static let parser = ConfigParser(
    knownActions: KeyMap.actionNames,
    checkQuery: { text in
      do {
        _ = try Query(text)
        return nil
      } catch let error as QueryError {
        return "query column \(error.column): \(error.message)"
      } catch {
        return "\(error)"
      }
    })
}

/// `newsreader config check [FILE|-]`: every problem as `file:line:column: error|warning: …`.
struct ConfigCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Print every problem in a config file with its line and column.",
    discussion: """
      Without FILE, checks the file `newsreader config path` prints; - reads standard input. \
      Exit status: 0 without errors (warnings allowed), 65 with errors, 66 when FILE does not exist.
      """)

  @Argument(help: "The config file, or - for standard input.")
  var file: String?

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let path = file ?? ConfigFile.defaultPath(environment: environment) else {
      FileHandle.standardError.write(
        Data("newsreader: neither XDG_CONFIG_HOME nor HOME is set: no config file to check\n".utf8))
      throw ExitCode(66)
    }
    if path != "-", !FileManager.default.fileExists(atPath: path) {
      if file == nil {
        print("\(TextSanitizer.sanitize(path)): no config file; the defaults apply")
        return
      }
      FileHandle.standardError.write(
        Data("newsreader: \(TextSanitizer.sanitize(path)): no such file\n".utf8))
      throw ExitCode(66)
    }
    let loaded = ConfigFile.load(explicitPath: path, environment: environment, parser: ConfigCommand.parser)
    for problem in loaded.problems { print(problem.description) }
    let errors = loaded.problems.filter { $0.severity == .error }.count
    let warnings = loaded.problems.count - errors
    let shown = path == "-" ? "<stdin>" : TextSanitizer.sanitize(path)
    print("\(shown): \(count(errors, "error")), \(count(warnings, "warning"))")
    if errors > 0 { throw ExitCode(65) }
  }

  private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}

/// `newsreader config default`: a complete config with every default, which `config check` accepts.
struct ConfigDefaultCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "default", abstract: "Print a complete, commented config file with every default.")

  func run() { print(DefaultConfig.text, terminator: "") }
}

/// `newsreader config path`: where the reader looks for its config file.
struct ConfigPathCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "path",
    abstract: "Print where the config file is looked for.",
    discussion:
      "$XDG_CONFIG_HOME/newsreader/config.yaml, else ~/.config/newsreader/config.yaml; --config FILE overrides it."
  )

  func run() throws {
    guard let path = ConfigFile.defaultPath(environment: ProcessInfo.processInfo.environment) else {
      FileHandle.standardError.write(
        Data("newsreader: neither XDG_CONFIG_HOME nor HOME is set: no config file location\n".utf8))
      throw ExitCode(1)
    }
    print(path)
  }
}
