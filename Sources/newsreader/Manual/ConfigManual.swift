import ReaderConfig
import ScreenKit

/// newsreader-config(5), written from the settings table, the binding contexts, the key names and the
/// date conversions, so the manual cannot drift from what the parser accepts.
struct ConfigManual {
  /// Action names with one line each, from the key map; the ACTIONS section lists them when given.
  var actions: [(name: String, summary: String)] = []

  /// The manual with the ACTIONS section written from the key map's action names and default keys.
  static func withActions() -> ConfigManual {
    ConfigManual(
      actions: KeysCommand.rows().map { row in
        (row.name, row.summary + (row.keys.isEmpty ? "" : " (default: \(row.keys))"))
      })
  }

  var text: String {
    var roff = Roff()
    roff.title("NEWSREADER-CONFIG", section: 5, version: Newsreader.version, manual: "File Formats")
    roff.section("NAME")
    roff.raw("newsreader-config \\- the newsreader configuration file")
    roff.section("SYNOPSIS")
    roff.raw(".B $XDG_CONFIG_HOME/newsreader/config.yaml")
    roff.raw(".br")
    roff.raw(".B ~/.config/newsreader/config.yaml")
    roff.section("DESCRIPTION")
    roff.paragraph(
      "newsreader(1) reads its settings, key bindings and saved views from a YAML file: "
        + "$XDG_CONFIG_HOME/newsreader/config.yaml when XDG_CONFIG_HOME is an absolute path, else "
        + "~/.config/newsreader/config.yaml, or the file given with --config. `newsreader config path` "
        + "prints where it is looked for; `newsreader config default` prints a complete file with every "
        + "default; `newsreader config check` reports each problem as file:line:column: error|warning: message."
    )
    roff.paragraph(
      "A broken config never stops the reader: a value of the wrong type is an error and keeps its "
        + "default, an unknown setting is a warning that names the nearest known one, and everything else "
        + "in the file still applies. The reader lists the problems with the load problems (!).")
    roff.section("SETTINGS")
    for setting in Setting.all {
      roff.item(
        setting.name,
        [setting.summary, "Values: \(setting.valueDescription). Default: \(setting.defaultText)."])
    }
    roff.section("KEYS")
    roff.paragraph(
      "The keys section maps, per context, a key or a sequence of keys separated by spaces (such as g g) "
        + "to an action name, to a list of action names run in order, or to none, which unbinds a default "
        + "key. A key bound twice in one context is a warning (the later binding applies); an unknown "
        + "action is an error naming the nearest known one. The reader waits sequence-timeout seconds for "
        + "the next key of a sequence.")
    roff.subsection("Contexts")
    for context in BindingContext.allCases { roff.item(context.rawValue, [context.summary]) }
    roff.subsection("Key names")
    roff.paragraph(
      "A printable character stands for itself (j, J, /, ?); ctrl-a to ctrl-z are control keys (ctrl-c, "
        + "ctrl-z, ctrl-i, ctrl-j, ctrl-m and ctrl-h never reach the reader as themselves); and these names: "
        + Key.namedKeys.map(\.name).joined(separator: ", ") + ". Names are case-insensitive except single "
        + "characters.")
    if !actions.isEmpty {
      roff.section("ACTIONS")
      for action in actions { roff.item(action.name, [action.summary]) }
    }
    roff.section("VIEWS")
    roff.paragraph(
      "The views section names queries: each view has a query (text in the query language) and "
        + "optionally a key (a key name or a sequence) that applies it: the query becomes the view's, shown "
        + "and cleared (Esc) like a typed one. A view given as plain text is a query without a key. The view "
        + "picker (pick-views, V) lists every view with its unread and total counts; with digits: views the "
        + "keys 1-9 apply the first nine views. A view's key replaces what the key did on the main screen; "
        + "taking a key the keys section bound is a warning.")
    roff.section("DATE FORMAT")
    roff.paragraph("date-format takes strftime-style conversions; other characters are printed as they are:")
    for conversion in DateFormat.conversions { roff.item("%\(conversion.letter)", [conversion.meaning]) }
    roff.section("EXAMPLE")
    roff.example(
      """
      theme: light
      sort: heat
      time-zone: Europe/Paris
      keys:
        global:
          ctrl-q: quit
        article-list:
          g g: move-first
          x: [toggle-read, move-down]
          s: none
      views:
        science:
          query: "topic:science"
          key: g s
      """)
    roff.section("SEE ALSO")
    roff.raw(".BR newsreader (1)")
    return roff.text
  }
}
