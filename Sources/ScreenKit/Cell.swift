/// One terminal column: a grapheme cluster with its display width and style, or the continuation
/// of a wide cluster that started in the column to its left.
public struct Cell: Hashable, Sendable {
  /// The grapheme cluster drawn here, normalized for display; empty for a continuation.
  public var text: String
  /// Columns the cluster covers (1 or 2, rarely more); 0 for a continuation.
  public var width: Int
  public var style: Style

  public init(_ text: String, width: Int, style: Style = .plain) {
    self.text = text
    self.width = width
    self.style = style
  }

  /// True for the second (or later) column of a wide cluster, which is never drawn on its own.
  public var isContinuation: Bool { width == 0 }

  /// A space in the given style.
  public static func blank(_ style: Style = .plain) -> Cell { Cell(" ", width: 1, style: style) }

  /// The column after the start of a wide cluster.
  public static func continuation(_ style: Style = .plain) -> Cell { Cell("", width: 0, style: style) }
}
