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
  /// The full-screen reading view.
  case reading
  /// The provider, domain or category picker.
  case facetPicker
  /// The articles of a story opened from the stories view.
  case openedStory
  /// The saved views' picker.
  case viewPicker
  /// Everywhere, after the others.
  case global
}

/// What a binding matches: one key, or any printable character.
public enum KeyPattern: Sendable, Hashable {
  case key(Key)
  /// Any `.character`, passed on as text (search typing).
  case anyCharacter
  /// Two or more keys pressed one after another (`g g`), from the config file.
  case sequence([Key])

  /// The keys the pattern is pressed as; empty for `.anyCharacter`.
  public var keys: [Key] {
    switch self {
    case .key(let key): [key]
    case .anyCharacter: []
    case .sequence(let keys): keys
    }
  }

  /// `.key` for one key, `.sequence` for more.
  public init(keys: [Key]) {
    self = keys.count == 1 ? .key(keys[0]) : .sequence(keys)
  }
}

/// One row of the key map: in `context`, `pattern` does `action`; `help` explains it, `hint` (if any) is
/// its short form for the status bar.
public struct KeyBinding: Sendable, Equatable {
  public var context: KeyContext
  public var pattern: KeyPattern
  /// The action; nil for `.anyCharacter`, whose action is built from the character typed, and for a key
  /// the config unbound (`none`), which then does nothing in this context.
  public var action: Action?
  /// Actions run after `action`, in order (a config binding to a list of actions).
  public var followingActions: [Action]
  public var help: String
  public var hint: String?

  public init(
    _ context: KeyContext, _ pattern: KeyPattern, _ action: Action?, _ help: String, hint: String? = nil,
    followingActions: [Action] = []
  ) {
    self.context = context
    self.pattern = pattern
    self.action = action
    self.followingActions = followingActions
    self.help = help
    self.hint = hint
  }

  /// Everything the binding runs, in order; empty for an unbound key.
  public var actions: [Action] { (action.map { [$0] } ?? []) + followingActions }

  /// True for a row that only stops a key from reaching the contexts after this one (`none`).
  public var isUnbound: Bool { action == nil && pattern != .anyCharacter }
}

/// One line of the help overlay: the keys that do one thing, and what they do.
public struct HelpLine: Sendable, Equatable {
  public var context: KeyContext
  /// Key labels joined with ", " (for example "j, ↓").
  public var keys: String
  public var help: String
  /// What the keys do (nil for typing into the search).
  public var action: Action?
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
  /// Seconds to wait for the next key of a sequence such as `g g` before the keys so far count alone.
  public var sequenceTimeout: Double

  public init(bindings: [KeyBinding], sequenceTimeout: Double = 1.0) {
    self.bindings = bindings
    self.sequenceTimeout = sequenceTimeout
  }

  /// The contexts that apply to `state`, most specific first.
  public static func contexts(for state: ReaderModel) -> [KeyContext] {
    if state.search.mode == .editing { return [.searchEditing, .global] }
    switch state.overlays.current {
    case .help: return [.help, .global]
    case .topicPicker: return [.topicPicker, .global]
    case .diagnostics: return [.diagnostics, .global]
    case .facetPicker: return [.facetPicker, .global]
    case .viewPicker: return [.viewPicker, .global]
    case nil:
      if state.readingView != nil { return [.reading, .global] }
      // Inside a story opened from the stories view, its keys (Esc: back) come before the normal ones.
      let story: [KeyContext] = state.stories.opened != nil ? [.openedStory] : []
      return [.focused(state.listing.focus)] + story + [.normal, .global]
    }
  }

  /// The action `key` means in `state` (the first, for a binding to a list), or nil when it is unbound
  /// there; sequences are left to `lookup`.
  public func action(for key: Key, in state: ReaderModel) -> Action? {
    actions(for: [key], in: state).first
  }

  /// What `keys` pressed one after another mean in `state`, ignoring longer sequences they begin: the
  /// actions of the first context that binds them (empty when none does, or the config unbound them).
  public func actions(for keys: [Key], in state: ReaderModel) -> [Action] {
    guard !keys.isEmpty else { return [] }
    let pattern = KeyPattern(keys: keys)
    for context in KeyMap.contexts(for: state) {
      if let binding = bindings.first(where: { $0.context == context && $0.pattern == pattern }) {
        return binding.actions
      }
      if keys.count == 1, case .character(let character) = keys[0],
        bindings.contains(where: { $0.context == context && $0.pattern == .anyCharacter })
      {
        return [.searchInsert(String(character))]
      }
    }
    return []
  }

  /// What `keys` mean so far: the start of a longer sequence bound in an applicable context (checked in
  /// the first context that binds either), complete with its actions, or nothing.
  public func lookup(_ keys: [Key], in state: ReaderModel) -> KeyLookup {
    let pattern = KeyPattern(keys: keys)
    for context in KeyMap.contexts(for: state) {
      let rows = bindings.filter { $0.context == context }
      if rows.contains(where: { $0.pattern.keys.count > keys.count && $0.pattern.keys.starts(with: keys) }) {
        return .prefix
      }
      if rows.contains(where: { $0.pattern == pattern }) { break }
      // Typing a search takes every character, so no sequence from later contexts holds one back.
      if keys.count == 1, case .character = keys[0], rows.contains(where: { $0.pattern == .anyCharacter }) {
        break
      }
    }
    let found = actions(for: keys, in: state)
    return found.isEmpty ? .unbound : .complete(found)
  }

  /// Help lines of every binding, grouped by context in table order; keys doing the same thing share a line.
  public func helpLines() -> [HelpLine] {
    var lines: [HelpLine] = []
    for binding in bindings where !binding.isUnbound && !repeatsTheMainScreen(binding) {
      let label = KeyMap.label(for: binding.pattern)
      if let index = lines.firstIndex(where: { $0.context == binding.context && $0.help == binding.help }) {
        lines[index].keys += ", " + label
      } else {
        lines.append(
          HelpLine(context: binding.context, keys: label, help: binding.help, action: binding.action))
      }
    }
    return lines
  }

  /// True for a global row that the same key doing the same on the main screen already lists in help (a
  /// config `global` binding is made in both).
  private func repeatsTheMainScreen(_ binding: KeyBinding) -> Bool {
    binding.context == .global
      && bindings.contains {
        $0.context == .normal && $0.pattern == binding.pattern && $0.actions == binding.actions
      }
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
  /// A key the config moved to `global` is found there.
  public func keyName(for action: Action, in context: KeyContext) -> String? {
    let row =
      bindings.first { $0.context == context && $0.action == action }
      ?? bindings.first { $0.context == .global && $0.action == action }
    return row.map { KeyMap.label(for: $0.pattern) }
  }

  /// What the status bar says for a key bound to nothing in `state`: "x: no action here · ? help" (the help
  /// key as bound, left out when none is).
  public func unboundMessage(for key: Key, in state: ReaderModel) -> String {
    let help =
      KeyMap.contexts(for: state).lazy.compactMap { self.keyName(for: .showHelp, in: $0) }.first
      ?? keyName(for: .showHelp, in: .normal)
    return "\(KeyMap.label(for: .key(key))): no action here" + (help.map { " · \($0) help" } ?? "")
  }

  /// How a key is written in help and hints.
  public static func label(for pattern: KeyPattern) -> String {
    switch pattern {
    case .anyCharacter: return "type"
    case .key(let key): return label(for: key)
    case .sequence(let keys): return keys.map { label(for: $0) }.joined(separator: " ")
    }
  }

  /// How one key is written in help and hints.
  public static func label(for key: Key) -> String {
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

/// What the keys pressed so far mean.
public enum KeyLookup: Sendable, Equatable {
  /// They begin a longer sequence: wait for the next key (or the timeout).
  case prefix
  /// They are bound: run these actions in order.
  case complete([Action])
  /// Nothing.
  case unbound
}
