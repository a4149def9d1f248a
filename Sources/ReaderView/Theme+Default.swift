import ScreenKit

extension Theme {
  /// The shipped default theme's file, `themes/dark.yaml`, built into the binary so the reader looks the
  /// same wherever it is started from (a test checks the two are identical).
  public static let defaultThemeSource = #"""
    # The default theme, for dark terminal backgrounds.
    # Roles: normal, selected, selected-unfocused, header, status-bar, dim, accent, topic, border,
    # pane-title, error, overlay, match. Colours: default, an ANSI name (red, bright-blue, ...),
    # a 256-palette index (0-255) or #rrggbb. Attributes: bold, dim, italic, underline, reverse.
    # Terminals with fewer colours get the nearest one; NO_COLOR switches to monochrome.
    name: dark
    roles:
      normal: { fg: default, bg: default }
      selected: { fg: black, bg: cyan, attrs: [bold] }
      selected-unfocused: { fg: default, bg: 238, attrs: [reverse] }
      header: { fg: bright-white, bg: 24, attrs: [bold] }
      status-bar: { fg: 252, bg: 236 }
      dim: { fg: 245 }
      accent: { fg: 220, attrs: [bold] }
      topic: { fg: 80 }
      border: { fg: 240 }
      pane-title: { fg: bright-white, attrs: [bold] }
      error: { fg: 203, attrs: [bold] }
      overlay: { fg: default, bg: 235 }
      match: { attrs: [underline, bold] }

    """#

  /// The default theme (`themes/dark.yaml`), used when no theme file is asked for or found.
  public static let builtInDark: Theme =
    (try? parse(Array(defaultThemeSource.utf8), name: "dark").theme) ?? .monochrome
}
