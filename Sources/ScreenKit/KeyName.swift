/// Why a key name could not be read, with the one-based position of the bad name in the text.
public struct KeyNameError: Error, Sendable, Hashable, CustomStringConvertible {
  /// One-based character offset of the offending name within the text parsed.
  public var offset: Int
  /// The name as written.
  public var name: String
  public var message: String

  public init(offset: Int, name: String, message: String) {
    self.offset = offset
    self.name = name
    self.message = message
  }

  public var description: String { message }
}

extension Key {
  /// The names of keys that are not one printable character, in the order the manual lists them; the
  /// first spelling of each key is the one `name` prints.
  public static let namedKeys: [(name: String, key: Key)] =
    [
      ("space", .character(" ")), ("enter", .enter), ("esc", .escape), ("tab", .tab),
      ("shift-tab", .backTab), ("backspace", .backspace), ("delete", .delete), ("up", .up),
      ("down", .down), ("left", .left), ("right", .right), ("home", .home), ("end", .end),
      ("pgup", .pageUp), ("pgdn", .pageDown),
    ] + (1...12).map { ("f\($0)", Key.function($0)) }

  /// Other spellings accepted when reading, never printed.
  static let aliases: [String: Key] = [
    "return": .enter, "escape": .escape, "backtab": .backTab, "del": .delete, "pageup": .pageUp,
    "pagedown": .pageDown, "page-up": .pageUp, "page-down": .pageDown,
  ]

  /// Control keys the terminal never delivers as themselves: the reason, and what to write instead.
  static let unbindableControls: [Character: String] = [
    "c": "ctrl-c interrupts the reader (SIGINT) and cannot be bound",
    "z": "ctrl-z suspends the reader (SIGTSTP) and cannot be bound",
    "i": "ctrl-i arrives as tab: write tab",
    "j": "ctrl-j arrives as enter: write enter",
    "m": "ctrl-m arrives as enter: write enter",
    "h": "ctrl-h arrives as backspace: write backspace",
  ]

  /// The key's name as config files write it: `j`, `J`, `ctrl-d`, `shift-tab`, `f1`, `space`, `pgdn`.
  public var name: String {
    switch self {
    case .character(let character):
      return character == " " ? "space" : String(character)
    case .control(let letter):
      return "ctrl-\(letter)"
    default:
      return Key.namedKeys.first { $0.key == self }!.name
    }
  }

  /// Reads one key name (`j`, `J`, `ctrl-d`, `shift-tab`, `f1`…`f12`, `space`, `enter`, `esc`…);
  /// named keys are case-insensitive, single characters are taken as they are.
  public init(name: String) throws(KeyNameError) {
    if name.count == 1, let character = name.first {
      guard !character.isWhitespace || character == " ",
        !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
      else {
        throw KeyNameError(offset: 1, name: name, message: "a control character is not a key name")
      }
      self = .character(character)
      return
    }
    let lowered = name.lowercased()
    if let named = Key.namedKeys.first(where: { $0.name == lowered }) {
      self = named.key
      return
    }
    if let alias = Key.aliases[lowered] {
      self = alias
      return
    }
    for prefix in ["ctrl-", "c-", "^"] where lowered.hasPrefix(prefix) {
      let rest = lowered.dropFirst(prefix.count)
      guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { break }
      if let reason = Key.unbindableControls[letter] {
        throw KeyNameError(offset: 1, name: name, message: reason)
      }
      self = .control(letter)
      return
    }
    if lowered.hasPrefix("shift-") {
      let rest = name.dropFirst("shift-".count)
      if rest.count == 1, let letter = rest.first, letter.isLetter, letter.isLowercase || letter.isUppercase {
        self = .character(Character(letter.uppercased()))
        return
      }
    }
    throw KeyNameError(offset: 1, name: name, message: "unknown key \"\(name)\"")
  }
}

/// Keys pressed one after another that together mean one thing, such as `g g`; most are one key long.
public struct KeySequence: Hashable, Sendable, CustomStringConvertible {
  /// At least one key.
  public var keys: [Key]

  public init(_ keys: [Key]) {
    precondition(!keys.isEmpty, "a key sequence has at least one key")
    self.keys = keys
  }

  /// Reads key names separated by spaces (`g g`, `ctrl-x ctrl-s`); the space key itself is `space`.
  public init(parsing text: String) throws(KeyNameError) {
    var keys: [Key] = []
    var offset = 1
    var name = ""
    var nameOffset = 1
    func flush() throws(KeyNameError) {
      guard !name.isEmpty else { return }
      do {
        keys.append(try Key(name: name))
      } catch {
        throw KeyNameError(offset: nameOffset, name: error.name, message: error.message)
      }
      name = ""
    }
    for character in text {
      if character == " " || character == "\t" {
        try flush()
      } else {
        if name.isEmpty { nameOffset = offset }
        name.append(character)
      }
      offset += 1
    }
    try flush()
    guard !keys.isEmpty else { throw KeyNameError(offset: 1, name: text, message: "no key named") }
    self.keys = keys
  }

  /// Key names joined by spaces, which `init(parsing:)` reads back as the same sequence.
  public var description: String { keys.map(\.name).joined(separator: " ") }
}
