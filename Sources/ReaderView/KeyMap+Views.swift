import NewsCore
import ReaderConfig
import ReaderState
import ScreenKit

extension KeyMap {
  /// This key map with the saved views' own keys bound on the main screen and, when `digits` is `.views`,
  /// the digits 1–9 applying views 1–9 instead of toggling topics; the problems name each view key that
  /// takes a key the config's `keys:` section bound (`path` names the file).
  ///
  /// A view's key replaces whatever the key did on the main screen: it is written for that, as a `keys:`
  /// binding is, so taking a default key is no problem; taking a key the same file bound is one.
  public func addingViews(_ views: [SavedView], digits: DigitKeys, path: String) -> (
    keyMap: KeyMap, problems: [Diagnostic]
  ) {
    var map = self
    if digits == .views {
      for number in 1...9 {
        for index in map.bindings.indices
        where map.bindings[index].context == .normal
          && map.bindings[index].actions == [.toggleTopicShortcut(number)]
        {
          map.bindings[index].action = .applyView(number)
          map.bindings[index].help = "Apply the numbered view"
        }
      }
    }
    var problems: [Diagnostic] = []
    for (position, view) in views.enumerated() {
      guard let sequence = view.key else { continue }
      let pattern = KeyPattern(keys: sequence.keys)
      let action = Action.applyView(position + 1)
      let existing = map.bindings.firstIndex { $0.context == .normal && $0.pattern == pattern }
      if let existing {
        let taken = map.bindings[existing]
        let standard = KeyMap.standard.bindings.first { $0.context == .normal && $0.pattern == pattern }
        if standard?.actions != taken.actions, !taken.isUnbound, !taken.actions.contains(where: \.appliesView)
        {
          let names = taken.actions.map { KeyMap.name(of: $0) ?? "\($0)" }.joined(separator: ", ")
          problems.append(
            Diagnostic(
              path: path, line: view.line, column: view.column, severity: .warning,
              message: "views.\(view.name).key: \(sequence) is bound to \(names) in keys; the view takes it"))
        }
        map.bindings.remove(at: existing)
      }
      // After the picker's row and the views bound before, so help lists them in the file's order.
      let row = KeyBinding(.normal, pattern, action, "View: \(view.name)")
      let after = map.bindings.lastIndex {
        $0.context == .normal && ($0.action == .showViewPicker || $0.action?.appliesView == true)
      }
      map.bindings.insert(row, at: after.map { $0 + 1 } ?? map.bindings.endIndex)
    }
    return (map, problems)
  }

  /// Whether the digits apply views (the `digits: views` setting) rather than toggle topics: what `1` does
  /// on the main screen decides, so the status bar numbers what the keys do.
  public var digitsApplyViews: Bool {
    bindings.first { $0.context == .normal && $0.pattern == .key(.character("1")) }?.action == .applyView(1)
  }
}

extension Action {
  /// True for `.applyView`.
  fileprivate var appliesView: Bool {
    if case .applyView = self { return true }
    return false
  }
}
