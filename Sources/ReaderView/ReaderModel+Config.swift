import ReaderConfig
import ReaderState

extension ReaderModel {
  /// Takes what the config file says about the model: the saved views (for the picker and the digits),
  /// how long an article is shown before it counts as read, and whether reading reads its story too.
  /// The key map takes the views' keys (`KeyMap.addingViews`), the renderer the time zone and date format.
  public mutating func adopt(_ config: ReaderConfig) {
    views = config.views.map { NamedQuery(name: $0.name, text: $0.query) }
    reading.readDelay = config.settings.markReadDelay
    reading.readsStory = config.settings.storyRead
  }
}
