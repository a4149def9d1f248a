import Foundation
import Synchronization

extension ArticleCatalog {
  /// Builds the token index that lets a search word skip most articles' text (`TokenIndex`); a search
  /// before it is done, or on a catalog never prepared (`list --query`, where one scan costs less than
  /// the build), reads the text. Call it off the run loop: about a second of work at 100,000 articles.
  ///
  /// The lookup of articles by URL (which related items are loaded articles) is built here too: the first
  /// frame showing related coverage would otherwise build it on the run loop (about 0.2 s of a core at
  /// 100,000 articles).
  public func prepareSearch() {
    tokenSlot.build(from: text)
    links.prepare()
  }

  /// Whether `prepareSearch()` has finished.
  public var isSearchPrepared: Bool { tokenSlot.index != nil }

  /// Bytes the token index holds, its distinct tokens, vocabulary bytes and postings; zeros before it is
  /// built (for the benchmark).
  public var searchIndexShape: (bytes: Int, tokens: Int, vocabularyBytes: Int, postings: Int) {
    guard let index = tokenSlot.index else { return (0, 0, 0, 0) }
    return (
      index.byteCount, index.tokenCount, index.vocabulary.count,
      index.ownPostings.count + index.relatedPostings.count
    )
  }

  var tokenIndex: TokenIndex? { tokenSlot.index }
}

/// A catalog's token index, absent until built: reading it never waits for a build under way.
/// A catalog's folded search text, given at once or made from its articles on first use (once, whichever
/// thread asks first; the others wait for it).
final class SearchTextSlot: @unchecked Sendable {
  private let lock = NSLock()
  private var made: SearchText?
  private var articles: [Article]?

  init(_ text: SearchText) { made = text }

  init(makingFrom articles: [Article]) { self.articles = articles }

  /// The text if it has been made.
  var madeText: SearchText? {
    lock.lock()
    defer { lock.unlock() }
    return made
  }

  var text: SearchText {
    lock.lock()
    defer { lock.unlock() }
    if let made { return made }
    let text = SearchText(articles: articles ?? [])
    made = text
    articles = nil
    return text
  }
}

final class TokenIndexSlot: Sendable {
  private let built = Mutex<TokenIndex?>(nil)
  /// Held for the whole of a build, so two threads preparing one catalog build it once.
  private let building = Mutex<Void>(())

  var index: TokenIndex? { built.withLock { $0 } }

  func build(from text: SearchText) {
    building.withLock { _ in
      if index != nil { return }
      let index = TokenIndex(text: text)
      built.withLock { $0 = index }
      // The build's transients (each chunk's tables and postings) are several times the index itself.
      FreeMemory.release()
    }
  }
}
