import NewsCore
import Testing

@Suite struct ModelTests {
  @Test func diagnosticPrintsLikeACompiler() {
    let diagnostic = Diagnostic(
      path: "seeds/a.txt", line: 3, column: 7, severity: .warning, message: "quality is not a number")
    #expect(diagnostic.description == "seeds/a.txt:3:7: warning: quality is not a number")
  }

  @Test func wholeFileDiagnosticHasNoLocation() {
    let diagnostic = Diagnostic(
      path: "seeds/a.txt", line: 0, column: 0, severity: .error, message: "cannot open")
    #expect(diagnostic.description == "seeds/a.txt: error: cannot open")
    #expect(diagnostic.locatedMessage == ": error: cannot open")
    let note = Diagnostic(path: "f.txt", line: 0, column: 0, severity: .note, message: "a FIFO")
    #expect(note.description == "f.txt: note: a FIFO")
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
