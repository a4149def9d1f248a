import ScreenKit
import Testing

/// Key names as config files write them: every name reads back as the key that printed it.
@Suite struct KeyNameTests {
  @Test(arguments: [
    ("j", Key.character("j")), ("J", .character("J")), ("ctrl-d", .control("d")), ("shift-tab", .backTab),
    ("f1", .function(1)), ("f12", .function(12)), ("space", .character(" ")), ("enter", .enter),
    ("esc", .escape), ("backspace", .backspace), ("tab", .tab), ("up", .up), ("down", .down),
    ("left", .left), ("right", .right), ("home", .home), ("end", .end), ("pgup", .pageUp),
    ("pgdn", .pageDown), ("delete", .delete), ("/", .character("/")), ("é", .character("é")),
  ])
  func canonicalNamesRoundTrip(name: String, key: Key) throws {
    #expect(try Key(name: name) == key)
    #expect(key.name == name)
  }

  @Test(arguments: [
    ("Ctrl-D", Key.control("d")), ("C-x", .control("x")), ("^a", .control("a")), ("ESCAPE", .escape),
    ("return", .enter), ("PageDown", .pageDown), ("shift-j", .character("J")), ("F5", .function(5)),
    ("backtab", .backTab), ("del", .delete),
  ])
  func otherSpellingsAreAccepted(name: String, key: Key) throws {
    #expect(try Key(name: name) == key)
  }

  @Test(arguments: [
    ("ctrl-c", "ctrl-c interrupts the reader (SIGINT) and cannot be bound"),
    ("ctrl-i", "ctrl-i arrives as tab: write tab"),
    ("ctrl-m", "ctrl-m arrives as enter: write enter"),
    ("f13", "unknown key \"f13\""),
    ("ctrl-dd", "unknown key \"ctrl-dd\""),
    ("\u{7}", "a control character is not a key name"),
  ])
  func badNamesSayWhy(name: String, message: String) {
    #expect(throws: KeyNameError(offset: 1, name: name, message: message)) { try Key(name: name) }
  }

  @Test func sequencesReadSpaceSeparatedNamesAndPrintCanonically() throws {
    let sequence = try KeySequence(parsing: "  g   g ")
    #expect(sequence.keys == [.character("g"), .character("g")])
    #expect(sequence.description == "g g")
    #expect(try KeySequence(parsing: "Ctrl-X  ctrl-S").description == "ctrl-x ctrl-s")
    #expect(try KeySequence(parsing: "space enter").keys == [.character(" "), .enter])
  }

  @Test func aBadNameInASequenceGivesItsOffset() {
    #expect(throws: KeyNameError(offset: 5, name: "entr", message: "unknown key \"entr\"")) {
      try KeySequence(parsing: "g g entr")
    }
    #expect(throws: KeyNameError(offset: 1, name: "  ", message: "no key named")) {
      try KeySequence(parsing: "  ")
    }
  }

  @Test func everyKeyPrintsANameThatReadsBack() throws {
    var keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .escape, .tab]
    keys += [.backTab, .backspace, .delete, .character(" "), .character("?"), .character("日")]
    keys += (1...12).map(Key.function)
    keys += "abdefgklnopqrstuvwxy".map(Key.control)
    for key in keys {
      #expect(try Key(name: key.name) == key, "\(key.name)")
    }
    let sequence = KeySequence(keys)
    #expect(try KeySequence(parsing: sequence.description) == sequence)
  }
}
