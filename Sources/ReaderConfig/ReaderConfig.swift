import NewsCore

/// Everything the config file says: the settings, the key bindings and the saved views; a value
/// built with defaults for whatever the file leaves out or gets wrong.
public struct ReaderConfig: Sendable, Equatable {
  public var settings: ReaderSettings
  /// In file order; a later binding of the same key in the same context wins.
  public var keys: [ConfiguredBinding]
  /// In file order, names unique.
  public var views: [SavedView]
  /// The settings the file set (and that were valid), so a command-line option can tell a default from a
  /// choice.
  public var explicitSettings: Set<String>

  public init(
    settings: ReaderSettings = ReaderSettings(), keys: [ConfiguredBinding] = [], views: [SavedView] = [],
    explicitSettings: Set<String> = []
  ) {
    self.settings = settings
    self.keys = keys
    self.views = views
    self.explicitSettings = explicitSettings
  }

  /// The sections that are not plain settings.
  public static let sectionNames = ["keys", "views"]
}
