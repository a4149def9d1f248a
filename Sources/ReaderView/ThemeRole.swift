/// What a piece of the screen means, so themes style meanings rather than widgets.
public enum ThemeRole: String, CaseIterable, Sendable, Hashable {
  /// Ordinary text.
  case normal
  /// The selected row of the focused pane.
  case selected
  /// The selected row of a pane without focus.
  case selectedUnfocused = "selected-unfocused"
  /// The top line: what is loaded and the counts.
  case header
  /// The bottom line: filters, sort, hints and messages.
  case statusBar = "status-bar"
  /// Secondary text: dates, domains, labels.
  case dim
  /// Emphasis: titles in the details pane, numbered shortcuts.
  case accent
  /// Topic names.
  case topic
  /// Pane borders and separators.
  case border
  /// The title of a pane.
  case paneTitle = "pane-title"
  /// Errors (refused actions, diagnostic errors).
  case error
  /// Overlay (help, topics, diagnostics) background and text.
  case overlay
  /// Words the query looks for, where they occur in the list and the details: added over the text's own
  /// style, so underline or bold without colour is enough.
  case match
}
