import NewsCore
import Testing

/// The small YAML reader other modules use for themes.
@Suite struct YAMLValueTests {
  @Test func themeShapedDocument() throws {
    let value = try YAMLValue.parse(
      """
      # a theme
      title:
        fg: yellow
        attrs: [bold, underline]
      status: {fg: "231", bg: 24}
      """)
    #expect(value["title"]?["fg"] == .scalar("yellow", quoted: false))
    #expect(
      value["title"]?["attrs"]
        == .sequence([.scalar("bold", quoted: false), .scalar("underline", quoted: false)]))
    #expect(value["status"]?["fg"] == .scalar("231", quoted: true))
    #expect(value["status"]?["bg"]?.text == "24")
    #expect(value["missing"] == nil)
  }

  @Test func errorsCarryLineAndColumn() {
    #expect(
      throws: YAMLError(
        line: 3, column: 1,
        message: "while scanning a plain scalar, found a tab character that violates indentation")
    ) {
      try YAMLValue.parse("a:\n  b: 1\n\tc: 2\n")
    }
  }

  @Test func emptyInputAndAliases() throws {
    #expect(try YAMLValue.parse("") == .scalar("", quoted: false))
    let value = try YAMLValue.parse("base: &b {fg: red}\ntitle: *b\n")
    #expect(value["title"]?["fg"]?.text == "red")
  }
}
