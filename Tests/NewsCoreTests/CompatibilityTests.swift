import NewsCore
import Testing

/// The real corpus and the original seed, when `../shared` is next to the package; reported as skipped
/// (not passed) when it is not.
@Suite struct CompatibilityTests {
  @Test(
    .enabled(if: FixturePaths.shared("corpus/real") != nil, "../shared/corpus/real is not beside the package")
  )
  func realCorpusLoadsWithoutErrors() throws {
    let corpus = try #require(FixturePaths.shared("corpus/real"))
    let result = SeedLoader().load(paths: [corpus])
    #expect(result.articles.count == 1413)
    #expect(result.fileCount == 1413)
    #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
    #expect(Set(result.articles.map(\.id)).count == 1413)
    let undated = result.articles.filter { article in article.item.publishedDateTime?.secondsSince1970 == nil
    }
    #expect(undated.isEmpty)
  }

  @Test(.enabled(if: FixturePaths.shared("seeds") != nil, "../shared/seeds is not beside the package"))
  func originalSeedYieldsItsTitleTopicsAndRelatedItems() throws {
    let seeds = try #require(FixturePaths.shared("seeds"))
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
