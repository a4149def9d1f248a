import NewsCore
import Testing

@Suite struct ModelTests {
  @Test func diagnosticPrintsLikeACompiler() {
    let diagnostic = Diagnostic(
      path: "seeds/a.txt", line: 3, column: 7, severity: .warning, message: "quality is not a number")
    #expect(diagnostic.description == "seeds/a.txt:3:7: warning: quality is not a number")
  }

  @Test func articleReadsItemFieldsDirectly() {
    var article = Article(
      id: ArticleID("x"), source: RecordSource(path: "a", relativePath: "a", documentIndex: 0, line: 1),
      item: NewsItem(title: "Title"))
    #expect(article.title == "Title")
    article.title = "Other"
    #expect(article.item.title == "Other")
  }
}
