import NewsCore

extension ReaderModel {
  /// The item copy and open act on: the selected related item while the details pane shows it, else the
  /// selected article.
  public var shareTarget: NewsItem? {
    if listing.detailsShowsRelated, let related = listing.selectedRelated { return related }
    return listing.selectedArticle?.item
  }

  mutating func share(_ action: Action, now: Double) -> [Effect] {
    guard let item = shareTarget else {
      status.show("Nothing selected", isError: true, now: now)
      return []
    }
    // The same rule as `list`'s url: the first http(s) URL of originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl.
    guard let link = item.openableLink else {
      let reason = item.hasAnyURL ? "Refused: no http or https link" : "This item has no link"
      status.show(reason, isError: true, now: now)
      return []
    }
    switch action {
    case .copyMarkdownLink:
      return [
        .copyToClipboard(
          text: URLPolicy.markdown(title: item.title, url: link.url),
          description: "Markdown link from \(link.field.rawValue)")
      ]
    case .openInBrowser:
      status.show("Opening \(link.field.rawValue): \(link.url)", now: now)
      return [.openURL(link.url)]
    default:
      return [.copyToClipboard(text: link.url, description: "link from \(link.field.rawValue)")]
    }
  }
}
