import ScreenKit

/// Where a configured key applies; the key map decides how each maps onto the reader's modes.
public enum BindingContext: String, CaseIterable, Sendable, Hashable {
  /// Everywhere, unless a more specific context binds the same key.
  case global
  case articleList = "article-list"
  case details
  case related
  /// While typing a search.
  case searchPrompt = "search-prompt"
  /// The topic picker and other pickers.
  case pickers

  /// One line for the manual.
  public var summary: String {
    switch self {
    case .global: return "everywhere, unless a more specific context binds the same key"
    case .articleList: return "the article list has the focus"
    case .details: return "the details pane has the focus"
    case .related: return "the related coverage has the focus"
    case .searchPrompt: return "typing a search"
    case .pickers: return "a picker (topics, views) is open"
    }
  }
}

/// One `keys:` entry: in `context`, `sequence` runs `actions` in order; no action means the key is unbound.
public struct ConfiguredBinding: Sendable, Hashable {
  public var context: BindingContext
  public var sequence: KeySequence
  /// Action names as written (kebab-case); empty for `none`.
  public var actions: [String]
  /// Where the key was written, for problems found later (by the key map).
  public var line: Int
  public var column: Int

  public init(context: BindingContext, sequence: KeySequence, actions: [String], line: Int, column: Int) {
    self.context = context
    self.sequence = sequence
    self.actions = actions
    self.line = line
    self.column = column
  }

  /// True for `none`: the key does nothing in this context, even where a default bound it.
  public var unbinds: Bool { actions.isEmpty }
}

/// A named query from `views:`, kept as text (the query language checks it), with an optional key.
public struct SavedView: Sendable, Hashable {
  public var name: String
  public var query: String
  public var key: KeySequence?
  public var line: Int
  public var column: Int

  public init(name: String, query: String, key: KeySequence?, line: Int, column: Int) {
    self.name = name
    self.query = query
    self.key = key
    self.line = line
    self.column = column
  }
}
