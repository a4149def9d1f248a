/// A terminal colour: the terminal's default, one of the 16 ANSI colours, a 256-palette index or RGB.
public enum Color: Hashable, Sendable {
  /// Whatever the terminal uses when nothing is set (keeps the user's background).
  case `default`
  /// One of the 16 ANSI colours, 0...7 normal and 8...15 bright.
  case ansi(Int)
  /// An index into the xterm 256-colour palette.
  case palette(Int)
  /// A true colour; terminals draw it through the nearest palette entry.
  case rgb(UInt8, UInt8, UInt8)

  public static let black = Color.ansi(0)
  public static let red = Color.ansi(1)
  public static let green = Color.ansi(2)
  public static let yellow = Color.ansi(3)
  public static let blue = Color.ansi(4)
  public static let magenta = Color.ansi(5)
  public static let cyan = Color.ansi(6)
  public static let white = Color.ansi(7)
  public static let brightBlack = Color.ansi(8)
  public static let brightRed = Color.ansi(9)
  public static let brightGreen = Color.ansi(10)
  public static let brightYellow = Color.ansi(11)
  public static let brightBlue = Color.ansi(12)
  public static let brightMagenta = Color.ansi(13)
  public static let brightCyan = Color.ansi(14)
  public static let brightWhite = Color.ansi(15)

  /// The ANSI colour names in index order, as theme files spell them.
  public static let ansiNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright-black", "bright-red", "bright-green", "bright-yellow",
    "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
  ]

  /// Parses `default`, an ANSI name (`red`, `bright-red`, `brightred`, `grey`), a palette index `0...255`
  /// or `#rrggbb`; nil when the text is none of these.
  public init?(parsing text: String) {
    let name = text.trimmingSpaces.lowercased()
    if name == "default" || name == "none" || name.isEmpty {
      self = .default
      return
    }
    if name.hasPrefix("#"), name.utf8.count == 7, let value = UInt32(name.dropFirst(), radix: 16) {
      self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
      return
    }
    if let index = Int(name), (0...255).contains(index) {
      self = .palette(index)
      return
    }
    let compact = name.replacingSpacesAndDashes
    if compact == "gray" || compact == "grey" {
      self = .ansi(8)
      return
    }
    if let index = Color.ansiNames.firstIndex(where: { $0.replacingSpacesAndDashes == compact }) {
      self = .ansi(index)
      return
    }
    return nil
  }
}

extension String {
  fileprivate var trimmingSpaces: Substring {
    let start = firstIndex(where: { $0 != " " }) ?? endIndex
    let end = lastIndex(where: { $0 != " " }).map { index(after: $0) } ?? start
    return self[start..<max(start, end)]
  }
}

extension StringProtocol {
  fileprivate var replacingSpacesAndDashes: String {
    String(filter { $0 != "-" && $0 != " " && $0 != "_" })
  }
}
