import NewsCore
import ReaderConfig
import ReaderState
import ScreenKit

extension BindingContext {
  /// The key-map contexts a config context binds in: `global` binds on the main screen and, after the
  /// overlays' own keys, everywhere else; `pickers` covers the topic picker, the provider, domain and category pickers and the view picker.
  var keyContexts: [KeyContext] {
    switch self {
    case .global: [.normal, .global]
    case .articleList: [.focused(.articles)]
    case .details: [.focused(.details)]
    case .related: [.focused(.related)]
    case .searchPrompt: [.searchEditing]
    case .pickers: [.topicPicker, .facetPicker, .viewPicker]
    }
  }
}

extension KeyMap {
  /// The key map in effect: `base` (the standard keys) with the config's `keys:` applied in file order, and
  /// the problems found, with the line and column of the key they concern (`path` names the file).
  ///
  /// A binding replaces whatever the same keys did in its context; `none` unbinds them there (and, in a
  /// pane's context, stops the main screen's binding from answering for that pane).
  public static func configured(
    _ base: KeyMap = .standard, keys: [ConfiguredBinding], sequenceTimeout: Double, path: String
  ) -> (keyMap: KeyMap, problems: [Diagnostic]) {
    var map = base
    map.sequenceTimeout = sequenceTimeout
    var problems: [Diagnostic] = []
    for configured in keys {
      var actions: [Action] = []
      for name in configured.actions {
        if let action = KeyMap.action(named: name) {
          actions.append(action)
        } else {
          problems.append(
            Diagnostic(
              path: path, line: configured.line, column: configured.column, severity: .error,
              message:
                "keys.\(configured.context.rawValue): unknown action \"\(name)\"; \(configured.sequence) keeps its default"
            ))
        }
      }
      guard actions.count == configured.actions.count else { continue }
      map.apply(configured, actions: actions, base: base)
    }
    return (map, problems)
  }

  private mutating func apply(_ configured: ConfiguredBinding, actions: [Action], base: KeyMap) {
    let pattern = KeyPattern(keys: configured.sequence.keys)
    for context in configured.context.keyContexts {
      let replaced = bindings.firstIndex { $0.context == context && $0.pattern == pattern }
      bindings.removeAll { $0.context == context && $0.pattern == pattern }
      let row: KeyBinding
      if let first = actions.first {
        // The default row of the same action lends its wording, so help and hints read as before.
        let model =
          base.bindings.first { $0.context == context && $0.action == first }
          ?? base.bindings.first { $0.action == first }
        let help =
          actions.count == 1 && model != nil
          ? model!.help
          : actions.map { KeyMap.summary(of: $0) }.joined(separator: ", then ")
        row = KeyBinding(
          context, pattern, first, help, hint: actions.count == 1 ? model?.hint : nil,
          followingActions: Array(actions.dropFirst()))
      } else {
        // Outside a pane's own context nothing needs stopping: the key is simply gone.
        guard case .focused = context else { continue }
        row = KeyBinding(context, pattern, nil, "Unbound")
      }
      let position =
        replaced
        ?? bindings.lastIndex { $0.context == context && $0.action == row.action }.map { $0 + 1 }
        ?? bindings.lastIndex { $0.context == context }.map { $0 + 1 }
        ?? bindings.endIndex
      bindings.insert(row, at: min(position, bindings.endIndex))
    }
  }

  /// The one-line description of `action` from the names table, else its name as Swift spells it.
  static func summary(of action: Action) -> String {
    namedActions.first { $0.action == action }?.summary ?? "\(action)"
  }
}
