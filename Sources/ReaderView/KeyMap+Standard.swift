import ReaderState
import ScreenKit

extension KeyMap {
  /// The default keys, following terminal-reader conventions (less, vim, mutt, newsboat).
  public static let standard = KeyMap(bindings: standardBindings())

  private static func standardBindings() -> [KeyBinding] {
    var rows: [KeyBinding] = []
    func bind(_ context: KeyContext, _ keys: [Key], _ action: Action, _ help: String, hint: String? = nil) {
      for key in keys { rows.append(KeyBinding(context, .key(key), action, help, hint: hint)) }
    }
    func movement(_ context: KeyContext) {
      bind(
        context, [.character("j"), .down], .move(.down),
        context == .normal ? "Down (scrolls the details pane)" : "Move down")
      bind(
        context, [.character("k"), .up], .move(.up),
        context == .normal ? "Up (scrolls the details pane)" : "Move up")
      bind(context, [.pageDown], .move(.pageDown), "Page down")
      bind(context, [.pageUp], .move(.pageUp), "Page up")
      bind(context, [.control("d")], .move(.halfPageDown), "Half a page down")
      bind(context, [.control("u")], .move(.halfPageUp), "Half a page up")
      bind(context, [.character("g"), .home], .move(.first), "First")
      bind(context, [.character("G"), .end], .move(.last), "Last")
    }

    bind(.focused(.articles), [.enter], .activate, "Article: show its related coverage")
    bind(.focused(.related), [.enter], .activate, "Related item: go to its article", hint: "go to article")
    movement(.normal)
    bind(.normal, [.tab], .focusNext, "Next pane", hint: "pane")
    bind(.normal, [.backTab], .focusPrevious, "Previous pane")
    bind(.normal, [.character("h"), .left], .focusLeft, "Pane to the left")
    bind(.normal, [.character("l"), .right], .focusRight, "Pane to the right")
    bind(.normal, [.character("/")], .startSearch, "Search", hint: "search")
    bind(.normal, [.escape], .clearSearch, "Clear the search")
    bind(.normal, [.character("t")], .showTopicPicker, "Pick topics", hint: "topics")
    for number in 1...9 {
      bind(
        .normal, [.character(Character(String(number)))], .toggleTopicShortcut(number),
        "Toggle numbered topic")
    }
    bind(.normal, [.character("T")], .clearTopics, "Clear topics")
    bind(.normal, [.character("s")], .cycleSort, "Next sort order", hint: "sort")
    bind(.normal, [.character("v")], .toggleStories, "Stories view; Enter opens a story")
    bind(
      .normal, [.character("p")], .togglePeriodFilter, "Timeline: only the selected article's period, or all")
    bind(.normal, [.character("[")], .shiftPeriod(-1), "The period before")
    bind(.normal, [.character("]")], .shiftPeriod(1), "The period after")
    bind(.openedStory, [.escape], .closeStory, "In an opened story: back to the stories", hint: "stories")
    bind(.normal, [.character("y")], .copyLink, "Copy the link", hint: "copy")
    bind(.normal, [.character("Y")], .copyMarkdownLink, "Copy a Markdown link")
    bind(.normal, [.character("o")], .openInBrowser, "Open in the browser", hint: "open")
    bind(.normal, [.character("r")], .reload, "Reload the records")
    bind(.normal, [.character("!")], .showDiagnostics, "Show load problems")
    bind(.normal, [.character("?")], .showHelp, "Help", hint: "help")
    bind(.normal, [.character("q")], .quit, "Quit", hint: "quit")

    rows.append(KeyBinding(.searchEditing, .anyCharacter, nil, "Add to the search"))
    bind(.searchEditing, [.backspace], .searchDeleteBackward, "Delete the last character")
    bind(.searchEditing, [.enter], .commitSearch, "Keep the search", hint: "keep")
    bind(.searchEditing, [.escape], .cancelSearch, "Cancel the search", hint: "cancel")
    bind(.searchEditing, [.down], .move(.down), "Move down")
    bind(.searchEditing, [.up], .move(.up), "Move up")

    movement(.topicPicker)
    bind(.topicPicker, [.enter, .character(" ")], .togglePickerTopic, "Toggle the topic", hint: "toggle")
    bind(.topicPicker, [.character("T")], .clearTopics, "Clear topics", hint: "clear")
    bind(.topicPicker, [.escape, .character("q"), .character("t")], .closeOverlay, "Close", hint: "close")

    movement(.help)
    bind(.help, [.escape, .character("q"), .character("?")], .closeOverlay, "Close", hint: "close")

    movement(.diagnostics)
    bind(.diagnostics, [.escape, .character("q"), .character("!")], .closeOverlay, "Close", hint: "close")

    bind(.global, [.control("c")], .forceQuit, "Quit at once")
    bind(.global, [.control("l")], .redraw, "Redraw the screen")
    return rows
  }
}
