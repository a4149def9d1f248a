import ReaderState
import ScreenKit

/// Where a key press lands, from the most specific: the reader's mode decides which contexts apply.
public enum KeyContext: Sendable, Hashable {
  /// Article list, details or related list, whatever has focus.
  case normal
  /// Overrides for one pane.
  case focused(Pane)
  /// Typing a search: printable characters go into the search text.
  case searchEditing
  case help, topicPicker, diagnostics
  /// The articles of a story opened from the stories view.
  case openedStory
  /// Everywhere, after the others.
  case global
}

/// What a binding matches: one key, or any printable character.
public enum KeyPattern: Sendable, Hashable {
  case key(Key)
  /// Any `.character`, passed on as text (search typing).
  case anyCharacter
}

/// One row of the key map: in `context`, `pattern` does `action`; `help` explains it, `hint` (if any) is
/// its short form for the status bar.
public struct KeyBinding: Sendable, Equatable {
  public var context: KeyContext
  public var pattern: KeyPattern
  /// The action; nil for `.anyCharacter`, whose action is built from the character typed.
  public var action: Action?
  public var help: String
  public var hint: String?

  public init(
    _ context: KeyContext, _ pattern: KeyPattern, _ action: Action?, _ help: String, hint: String? = nil
  ) {
    self.context = context
    self.pattern = pattern
    self.action = action
    self.help = help
    self.hint = hint
  }
}

/// One line of the help overlay: the keys that do one thing, and what they do.
public struct HelpLine: Sendable, Hashable {
  public var context: KeyContext
  /// Key labels joined with ", " (for example "j, ↓").
  public var keys: String
  public var help: String
}

/// A short status-bar hint such as "/ search".
public struct KeyHint: Sendable, Equatable {
  public var keys: String
  public var text: String
  /// What the key does, so a hint can be told apart whatever its wording.
  public var action: Action?
}

/// The one table from (context, key) to action and help text; dispatch, help and hints all read it.
public struct KeyMap: Sendable {
  public var bindings: [KeyBinding]

  public init(bindings: [KeyBinding]) { self.bindings = bindings }

  /// The contexts that apply to `state`, most specific first.
  public static func contexts(for state: ReaderModel) -> [KeyContext] {
    if state.search.mode == .editing { return [.searchEditing, .global] }
    switch state.overlays.current {
    case .help: return [.help, .global]
    case .topicPicker: return [.topicPicker, .global]
    case .diagnostics: return [.diagnostics, .global]
    case nil:
      // Inside a story opened from the stories view, its keys (Esc: back) come before the normal ones.
      let story: [KeyContext] = state.stories.opened != nil ? [.openedStory] : []
      return [.focused(state.listing.focus)] + story + [.normal, .global]
    }
  }

  /// The action `key` means in `state`, or nil when it is unbound there.
  public func action(for key: Key, in state: ReaderModel) -> Action? {
    for context in KeyMap.contexts(for: state) {
      if let binding = bindings.first(where: { $0.context == context && $0.pattern == .key(key) }) {
        return binding.action
      }
      if case .character(let character) = key,
        bindings.contains(where: { $0.context == context && $0.pattern == .anyCharacter })
      {
        return .searchInsert(String(character))
      }
    }
    return nil
  }

  /// Help lines of every binding, grouped by context in table order; keys doing the same thing share a line.
  public func helpLines() -> [HelpLine] {
    var lines: [HelpLine] = []
    for binding in bindings {
      let label = KeyMap.label(for: binding.pattern)
      if let index = lines.firstIndex(where: { $0.context == binding.context && $0.help == binding.help }) {
        lines[index].keys += ", " + label
      } else {
        lines.append(HelpLine(context: binding.context, keys: label, help: binding.help))
      }
    }
    return lines
  }

  /// Status-bar hints for `state`: bindings with a hint, from the applicable contexts, first key of each;
  /// an action that would do nothing in `state` (`ReaderModel.isAvailable`) gets no hint.
  public func hints(for state: ReaderModel) -> [KeyHint] {
    var hints: [KeyHint] = []
    for context in KeyMap.contexts(for: state) {
      for binding in bindings where binding.context == context {
        guard let hint = binding.hint, !hints.contains(where: { $0.text == hint }) else { continue }
        if let action = binding.action, !state.isAvailable(action) { continue }
        hints.append(KeyHint(keys: KeyMap.label(for: binding.pattern), text: hint, action: binding.action))
      }
    }
    return hints
  }

  /// The name of the first key bound to `action` in `context`, as help and hints write it; nil when no key
  /// does it there. Screen text that mentions a key asks here, so a remapped key is named as bound.
  public func keyName(for action: Action, in context: KeyContext) -> String? {
    bindings.first { $0.context == context && $0.action == action }.map { KeyMap.label(for: $0.pattern) }
  }

  /// How a key is written in help and hints.
  public static func label(for pattern: KeyPattern) -> String {
    guard case .key(let key) = pattern else { return "type" }
    switch key {
    case .character(" "): return "Space"
    case .character(let character): return String(character)
    case .control(let character): return "Ctrl-" + character.uppercased()
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .backspace: return "Backspace"
    case .delete: return "Del"
    case .function(let number): return "F\(number)"
    }
  }
}
