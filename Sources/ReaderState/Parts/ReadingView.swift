import NewsCore

/// The full-screen reading view of the item copy and open act on (`ReaderModel.shareTarget`): how far its
/// text is scrolled. Next and previous article move the listing's selection, so closing the view leaves the
/// list on the article last read.
public struct ReadingView: Sendable, Equatable {
  public var scroll: TextScroll

  public init(scroll: TextScroll = TextScroll()) { self.scroll = scroll }

  /// The links a digit copies in the reading view, numbered from 1 in this order: the record's URL fields,
  /// then its images; only `http` and `https` links are numbered.
  public static func links(of item: NewsItem) -> [(label: String, url: String)] {
    let fields: [(String, String?)] = [
      ("Original", item.originalUrl), ("Web", item.webUrl), ("AMP", item.ampWebUrl),
      ("CDN AMP", item.cdnAmpWebUrl),
    ]
    let images = (item.images + (item.provider?.images ?? [])).map { ("Image", $0.url) }
    return (fields + images).compactMap { label, url in
      guard let url, URLPolicy.isOpenable(url) else { return nil }
      return (label, url)
    }
  }
}
