/// The complete config file `newsreader config default` prints: every setting at its default with its
/// documentation, and the `keys:` and `views:` sections explained by commented examples.
public enum DefaultConfig {
  public static var text: String {
    var lines = [
      "# newsreader configuration (newsreader-config(5)).",
      "# Every value below is the default; delete what you do not change.",
      "# `newsreader config check` reports problems with their line and column.",
    ]
    for setting in Setting.all {
      lines.append("")
      lines.append("# \(setting.summary)")
      lines.append("# Values: \(setting.valueDescription).")
      lines.append("\(setting.name): \(setting.defaultText)")
    }
    lines += [
      "",
      "# Keys, per context (\(BindingContext.allCases.map(\.rawValue).joined(separator: ", "))):",
      "# a key name (j, J, ctrl-d, shift-tab, f1, space, enter, esc, pgdn…) or a sequence such as \"g g\",",
      "# mapped to an action, to a list of actions run in order, or to none to unbind a default key.",
      "# Action names are listed by `newsreader keys` and in newsreader-config(5).",
      "keys: {}",
      "#  global:",
      "#    ctrl-q: quit",
      "#  article-list:",
      "#    g g: move-first",
      "#    x: [toggle-read, move-down]",
      "#    s: none",
      "",
      "# Saved views: a name, a query in the query language and optionally a key.",
      "views: {}",
      "#  unread-science:",
      "#    query: \"topic:science is:unread\"",
      "#    key: g s",
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
