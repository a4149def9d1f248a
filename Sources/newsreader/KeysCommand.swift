import ArgumentParser
import ReaderState
import ReaderView

/// `newsreader keys`: every action name a config file can bind, with its default keys and what it does.
struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "List every action name with its default keys and what it does.",
    discussion: "Bind them in the keys section of the config file; see newsreader-config(5).")

  func run() {
    let rows = KeysCommand.rows()
    let nameColumns = rows.map(\.name.count).max() ?? 0
    let keyColumns = rows.map(\.keys.count).max() ?? 0
    for row in rows {
      let name = row.name.padding(toLength: nameColumns, withPad: " ", startingAt: 0)
      let keys = (row.keys.isEmpty ? "-" : row.keys).padding(
        toLength: keyColumns, withPad: " ", startingAt: 0)
      print("\(name)  \(keys)  \(row.summary)")
    }
  }

  /// One row per named action, in the table's order: its default keys as config files write them.
  static func rows() -> [(name: String, keys: String, summary: String)] {
    KeyMap.namedActions.map { named in
      (named.name, defaultKeys(of: named.action).joined(separator: ", "), named.summary)
    }
  }

  /// The keys bound to `action` by default in any context, each named once, in table order.
  static func defaultKeys(of action: ReaderState.Action) -> [String] {
    var names: [String] = []
    for binding in KeyMap.standard.bindings where binding.actions.first == action {
      let name = binding.pattern.keys.map(\.name).joined(separator: " ")
      if !name.isEmpty, !names.contains(name) { names.append(name) }
    }
    return names
  }
}
