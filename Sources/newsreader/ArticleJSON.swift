import Foundation
import NewsCore
import NewsStore

/// The JSON form of articles for `list --format json`: values a record lacks are left out, never invented.
enum ArticleJSON {
  /// With `marks` (the reading state, by article id) each article gets `read` and `starred`, and their
  /// times when set; without (`--no-state`) those fields are left out rather than guessed.
  static func write<Articles: Sequence<Article>>(
    _ articles: Articles, marks: [String: ArticleMark]? = nil, to json: JSONOutput
  ) {
    json.array(articles) { article in
      json.object {
        json.field("id", article.id.rawValue)
        json.field("path", article.source.path)
        // `path` is for showing; when it is not the file's exact path (a name that is not UTF-8, or that
        // holds control characters), the exact bytes follow in base64.
        json.field("pathBase64", article.source.pathBytes.map { Data($0).base64EncodedString() })
        writeItem(article.item, full: true, to: json)
        if !article.related.isEmpty {
          json.key("related")
          json.array(article.related) { item in
            json.object { writeItem(item, full: false, to: json) }
          }
        }
        json.field("hasSecured", article.secured != nil)
        if let marks {
          let mark = marks[article.id.rawValue]
          json.field("read", mark?.readAt != nil)
          json.field("readAt", mark?.readAt.map(MarkLines.iso8601))
          json.field("starred", mark?.starredAt != nil)
          json.field("starredAt", mark?.starredAt.map(MarkLines.iso8601))
        }
      }
    }
  }

  /// The fields of an item; related items get only title, excerpt, date, webUrl and provider.
  private static func writeItem(_ item: NewsItem, full: Bool, to json: JSONOutput) {
    json.field("title", item.title)
    json.field("excerpt", item.excerpt)
    if full {
      json.field("category", item.category)
      json.field("type", item.type)
    }
    if let date = item.publishedDateTime {
      json.field("publishedDateTime", date.secondsSince1970.map(DateParser.iso8601) ?? date.text)
    }
    if full { json.field("originalUrl", item.originalUrl) }
    json.field("webUrl", item.webUrl)
    if let provider = item.provider, provider.name != nil || provider.domain != nil {
      json.key("provider")
      json.object {
        json.field("name", provider.name)
        json.field("domain", provider.domain)
      }
    }
    guard full else { return }
    if !item.topics.isEmpty {
      json.key("topics")
      json.array(item.topics) { json.value($0) }
    }
    json.field("quality", item.quality)
    json.field("heat", item.heat)
    if !item.images.isEmpty {
      json.key("images")
      json.array(item.images) { image in
        json.object {
          json.field("url", image.url)
          json.field("width", image.width)
          json.field("height", image.height)
          json.field("isCached", image.isCached)
        }
      }
    }
  }
}
