import NewsCore
import Testing

/// The real corpus and the original seed, when `../shared` is next to the package.
@Suite struct CompatibilityTests {
  @Test func realCorpusLoadsWithoutErrors() throws {
    guard let corpus = FixturePaths.shared("corpus/real") else { return }
    let result = SeedLoader().load(paths: [corpus])
    #expect(result.articles.count == 1413)
    #expect(result.fileCount == 1413)
    #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
    #expect(Set(result.articles.map(\.id)).count == 1413)
    let undated = result.articles.filter { article in article.item.publishedDateTime?.secondsSince1970 == nil
    }
    #expect(undated.isEmpty)
  }

  @Test func originalSeedYieldsItsTitleTopicsAndRelatedItems() throws {
    guard let seeds = FixturePaths.shared("seeds") else { return }
    let result = SeedLoader().load(paths: [seeds])
    #expect(result.diagnostics.isEmpty)
    let article = try #require(result.articles.first)
    #expect(result.articles.count == 1)
    #expect(article.title == "Legal fight against Clearview AI’s facial recognition service grows")
    #expect(article.topics == ["Computer Vision", "AI"])
    #expect(article.related.count == 4)
    #expect(
      article.related.map(\.provider?.name) == [
        "Chicago Sun-Times", "Seattle Times", "Reason", "The Fresno Bee",
      ])
    #expect(article.secured?.byteCount ?? 0 > 0)
  }

  @Test func projectSeedsLoadCleanly() {
    let result = SeedLoader().load(paths: [FixturePaths.packageRoot + "/seeds"])
    #expect(result.diagnostics.map(\.description) == [])
    #expect(result.articles.count == 14)
    #expect(Set(result.articles.flatMap(\.topics)).count >= 10)
  }
}
