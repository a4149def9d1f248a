import ReaderState
import ScreenKit

/// The keys of a sequence pressed so far (the `g` of `g g`), and when they stop waiting: the dispatcher's
/// one piece of state between key presses.
///
/// When the next key does not continue a sequence, or `sequenceTimeout` passes first, the keys so far
/// mean what they mean alone (a default `g` still goes to the top once the wait is over), and a key that
/// broke a sequence then counts by itself.
public struct PendingKeys: Sendable, Equatable {
  /// Empty when no sequence is under way.
  public private(set) var keys: [Key] = []
  /// When the keys so far give up waiting, in the clock's seconds.
  public private(set) var deadline: Double?

  public init() {}

  /// The actions `key` completes in `state` at time `now`; none while a sequence waits for more keys.
  public mutating func press(_ key: Key, at now: Double, keyMap: KeyMap, state: ReaderModel) -> [Action] {
    var actions = expire(at: now, keyMap: keyMap, state: state)
    let candidate = keys + [key]
    switch keyMap.lookup(candidate, in: state) {
    case .prefix:
      keys = candidate
      deadline = now + keyMap.sequenceTimeout
    case .complete(let found):
      clear()
      actions += found
    case .unbound:
      guard !keys.isEmpty else { break }
      actions += keyMap.actions(for: keys, in: state)
      clear()
      actions += press(key, at: now, keyMap: keyMap, state: state)
    }
    return actions
  }

  /// What the waiting keys mean alone once their deadline has passed at `now` (and the wait ends); nothing
  /// before then.
  public mutating func expire(at now: Double, keyMap: KeyMap, state: ReaderModel) -> [Action] {
    guard let deadline, now >= deadline else { return [] }
    let actions = keyMap.actions(for: keys, in: state)
    clear()
    return actions
  }

  /// The waiting keys as help writes them (`g`), for the status bar; nil when none wait.
  public var label: String? {
    keys.isEmpty ? nil : KeyMap.label(for: KeyPattern(keys: keys))
  }

  private mutating func clear() {
    keys = []
    deadline = nil
  }
}
