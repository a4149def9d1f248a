import NewsCore

extension ReaderModel {
  /// The item copy and open act on: the selected related item while the details pane shows it, else the
  /// selected article; with the URL the rules pick (an article's `originalUrl`, else its `webUrl`; a related
  /// item's `webUrl`).
  public var shareTarget: (item: NewsItem, url: String?)? {
    if detailsShowsRelated, let related = selectedRelated { return (related, related.webUrl) }
    guard let article = selectedArticle else { return nil }
    return (article.item, article.originalUrl ?? article.webUrl)
  }

  mutating func share(_ action: Action, now: Double) -> [Effect] {
    guard let target = shareTarget else {
      setStatus("Nothing selected", isError: true, now: now)
      return []
    }
    guard let url = target.url else {
      setStatus("This item has no link", isError: true, now: now)
      return []
    }
    guard WebLink.isWebURL(url) else {
      setStatus("Refused: not an http or https link", isError: true, now: now)
      return []
    }
    switch action {
    case .copyMarkdownLink:
      setStatus("Copied Markdown link", now: now)
      return [
        .copyToClipboard(
          text: WebLink.markdown(title: target.item.title, url: url), description: "Markdown link")
      ]
    case .openInBrowser:
      setStatus("Opening \(url)", now: now)
      return [.openURL(url)]
    default:
      setStatus("Copied link", now: now)
      return [.copyToClipboard(text: url, description: "link")]
    }
  }
}
