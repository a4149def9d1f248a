/// A run of cells on one row that shows a URL, for terminals that make it clickable (OSC 8).
public struct Hyperlink: Hashable, Sendable {
  public var row: Int
  public var column: Int
  public var columns: Int
  /// The exact URL (already sanitized), not the decoded form shown.
  public var url: String

  public init(row: Int, column: Int, columns: Int, url: String) {
    self.row = row
    self.column = column
    self.columns = columns
    self.url = url
  }
}

/// OSC 8 hyperlinks (`ESC ] 8 ; ; URL ESC \`), written over cells a screen has already drawn.
public enum OSC8 {
  /// Whether the terminal is known to support OSC 8, from what the environment says it is; unknown
  /// terminals (and tmux, which before 3.4 drops the sequences) get none, since a terminal that does not
  /// understand them may print them.
  public static func isSupported(environment: [String: String]) -> Bool {
    if environment["TMUX"] != nil || environment["STY"] != nil { return false }
    if let program = environment["TERM_PROGRAM"],
      ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"].contains(program)
    {
      return true
    }
    if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
    if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil { return true }
    let term = environment["TERM"] ?? ""
    return term == "xterm-kitty" || term.hasPrefix("foot") || term == "alacritty" || term == "wezterm"
  }

  /// The bytes that make `link` clickable in a terminal showing `grid`: save the cursor and rendition,
  /// move to the link, write its cells again inside the hyperlink, restore. Nil when the URL is not plain
  /// printable ASCII (OSC 8 allows nothing else) or a cell of it is styled (it is written again without
  /// attributes, which must change nothing on screen).
  public static func sequence(for link: Hyperlink, in grid: Grid) -> [UInt8]? {
    guard !link.url.isEmpty, link.url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
      link.row >= 0, link.row < grid.size.rows, link.column >= 0, link.columns > 0,
      link.column + link.columns <= grid.size.columns
    else { return nil }
    var text = ""
    for column in link.column..<(link.column + link.columns) {
      let cell = grid[link.row, column]
      guard cell.style == .plain else { return nil }
      if !cell.isContinuation { text += cell.text }
    }
    let escape = "\u{1B}"
    let open = "\(escape)]8;;\(link.url)\(escape)\\"
    let close = "\(escape)]8;;\(escape)\\"
    return Array(
      "\(escape)7\(escape)[\(link.row + 1);\(link.column + 1)H\(escape)[0m\(open)\(text)\(close)\(escape)8"
        .utf8)
  }
}
