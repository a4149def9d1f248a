/// Where the reading state lives when no `--state FILE` is given.
public enum StateLocation {
  /// The file name inside the data directory.
  public static let fileName = "state.sqlite"

  /// `$XDG_DATA_HOME/newsreader/state.sqlite`, else `~/.local/share/newsreader/state.sqlite`.
  ///
  /// The XDG base directory specification says a relative `XDG_DATA_HOME` is invalid and must be
  /// ignored, so it is. Returns nil when neither variable gives a directory.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return join(data, "newsreader/" + fileName)
    }
    if let home = environment["HOME"], !home.isEmpty {
      return join(home, ".local/share/newsreader/" + fileName)
    }
    return nil
  }

  private static func join(_ directory: String, _ rest: String) -> String {
    directory.hasSuffix("/") ? directory + rest : directory + "/" + rest
  }
}
