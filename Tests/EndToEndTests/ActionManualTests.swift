import ReaderView
import Testing

@testable import newsreader

/// newsreader-config(5) lists every action the key map can bind, from the same table as `newsreader keys`.
@Suite struct ActionManualTests {
  @Test func everyActionIsDocumentedInTheManual() {
    let manual = ConfigManual.withActions().text
    #expect(manual.contains(".SH ACTIONS"))
    for named in KeyMap.namedActions {
      #expect(
        manual.contains(".B \(Roff.escape(named.name))\n"), "\(named.name) is not in newsreader-config(5)")
    }
  }

  @Test func theKeysCommandHasARowPerAction() {
    #expect(KeysCommand.rows().map(\.name) == KeyMap.actionNames)
    #expect(KeysCommand.rows().first { $0.name == "search" }?.keys == "/")
  }
}
