import ScreenKit

/// A mapping from every `ThemeRole` to the `Style` it is drawn with.
public struct Theme: Sendable, Hashable {
  public var name: String
  private var styles: [ThemeRole: Style]

  /// A theme where roles not given fall back to `base`'s styles.
  public init(name: String, styles: [ThemeRole: Style], base: Theme? = nil) {
    self.name = name
    var merged = base?.styles ?? [:]
    merged.merge(styles) { _, new in new }
    self.styles = merged
  }

  /// The style for `role`; a role the theme leaves out draws plain.
  public func style(_ role: ThemeRole) -> Style {
    styles[role] ?? .plain
  }

  /// Monochrome: attributes only, so the selection stays visible with no colour at all (and under NO_COLOR).
  public static let monochrome = Theme(
    name: "monochrome",
    styles: [
      .normal: .plain,
      .selected: Style(attributes: [.reverse, .bold]),
      .selectedUnfocused: Style(attributes: [.reverse]),
      .header: Style(attributes: [.bold, .reverse]),
      .statusBar: Style(attributes: [.reverse]),
      .dim: Style(attributes: [.dim]),
      .accent: Style(attributes: [.bold]),
      .topic: Style(attributes: [.underline]),
      .border: Style(attributes: [.dim]),
      .paneTitle: Style(attributes: [.bold]),
      .error: Style(attributes: [.bold, .reverse]),
      .overlay: .plain,
      .match: Style(attributes: [.underline, .bold]),
    ])
}
