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
    bind(.normal, [.character("/")], .startSearch, "Edit the query (search)", hint: "search")
    bind(.normal, [.escape], .clearSearch, "Clear the query")
    bind(.normal, [.character("t")], .showTopicPicker, "Pick topics", hint: "topics")
    for number in 1...9 {
      bind(
        .normal, [.character(Character(String(number)))], .toggleTopicShortcut(number),
        "Toggle numbered topic")
    }
    bind(.normal, [.character("T")], .clearTopics, "Clear the topic terms")
    bind(.normal, [.character("P")], .showFacetPicker(.provider), "Pick providers")
    bind(.normal, [.character("D")], .showFacetPicker(.domain), "Pick domains")
    bind(.normal, [.character("C")], .showFacetPicker(.category), "Pick categories")
    // V for views, as mutt's and newsboat's capitals open their lists; the digits go to views by a setting.
    bind(.normal, [.character("V")], .showViewPicker, "Pick a saved view")
    bind(.normal, [.character("s")], .cycleSort, "Next sort order", hint: "sort")
    bind(.normal, [.character("v")], .toggleStories, "Stories view; Enter opens a story")
    // n p ] are the reading marks' and the arrivals' keys: the timeline takes w ("when") and < >.
    bind(
      .normal, [.character("w")], .togglePeriodFilter, "Timeline: only the selected article's period, or all")
    bind(.normal, [.character("<")], .shiftPeriod(-1), "The period before")
    bind(.normal, [.character(">")], .shiftPeriod(1), "The period after")
    bind(.openedStory, [.escape], .closeStory, "In an opened story: back to the stories", hint: "stories")
    bind(.normal, [.character("y")], .copyLink, "Copy the link", hint: "copy")
    bind(.normal, [.character("Y")], .copyMarkdownLink, "Copy a Markdown link")
    bind(.normal, [.character("o")], .openInBrowser, "Open in the browser", hint: "open")
    // Space opens and then pages on, as in mutt and less.
    bind(.normal, [.character(" ")], .openReader, "Read it full-screen", hint: "read")
    // Reading marks: newsboat's N, n, p and A, mutt's F (flag), vim's u.
    bind(.normal, [.character("N")], .toggleRead, "Toggle read (reading marks its story read too)")
    bind(.normal, [.character("n")], .nextUnread, "Next unread article")
    bind(.normal, [.character("p")], .previousUnread, "Previous unread article")
    bind(.normal, [.character("A")], .markAllShownRead, "Mark every listed article read")
    bind(.normal, [.character("u")], .undoMarking, "Undo the last marking")
    bind(.normal, [.character("F")], .toggleStar, "Toggle the star")
    bind(.normal, [.character("U")], .toggleUnreadOnly, "Only unread articles, or all")
    bind(.normal, [.character("S")], .toggleStarredOnly, "Only starred articles, or all")
    bind(.normal, [.character("r")], .reload, "Reload the records")
    bind(.normal, [.character("]")], .goToNewestArrival, "Go to the newest new article")
    bind(.normal, [.character("!")], .showDiagnostics, "Show load problems")
    bind(.normal, [.character("?")], .showHelp, "Help", hint: "help")
    // vim's jump list: Ctrl-O back; its Ctrl-I is Tab here (the next pane), so forward is Ctrl-R, the key
    // that redoes what was undone.
    bind(.normal, [.backspace, .control("o")], .goBack, "Back to before the last jump", hint: "back")
    bind(.normal, [.control("r")], .goForward, "Forward again")
    bind(.normal, [.character("q")], .quit, "Close, else go back, else quit", hint: "quit")

    rows.append(KeyBinding(.searchEditing, .anyCharacter, nil, "Type into the query at the cursor"))
    bind(.searchEditing, [.backspace], .searchDeleteBackward, "Delete before the cursor")
    bind(.searchEditing, [.delete], .searchEdit(.deleteForward), "Delete under the cursor")
    bind(.searchEditing, [.left], .searchEdit(.moveLeft), "Cursor left")
    bind(.searchEditing, [.right], .searchEdit(.moveRight), "Cursor right")
    bind(.searchEditing, [.home, .control("a")], .searchEdit(.moveToStart), "Cursor to the start")
    bind(.searchEditing, [.end, .control("e")], .searchEdit(.moveToEnd), "Cursor to the end")
    bind(.searchEditing, [.control("w")], .searchEdit(.deleteWordBackward), "Delete the word before")
    bind(.searchEditing, [.control("u")], .searchEdit(.deleteToStart), "Delete to the start")
    bind(.searchEditing, [.control("k")], .searchEdit(.deleteToEnd), "Delete to the end")
    bind(.searchEditing, [.up], .searchEdit(.historyPrevious), "Older kept query")
    bind(.searchEditing, [.down], .searchEdit(.historyNext), "Newer kept query")
    bind(.searchEditing, [.enter], .commitSearch, "Keep the query", hint: "keep")
    bind(.searchEditing, [.escape], .cancelSearch, "Cancel the edit", hint: "cancel")

    // The reading view pages as less does; J and K are newsboat's next and previous article.
    bind(.reading, [.character(" "), .pageDown], .move(.pageDown), "Page down", hint: "page")
    bind(.reading, [.character("b"), .pageUp], .move(.pageUp), "Page up")
    bind(.reading, [.character("j"), .down], .move(.down), "Line down")
    bind(.reading, [.character("k"), .up], .move(.up), "Line up")
    bind(.reading, [.character("g"), .home], .move(.first), "First")
    bind(.reading, [.character("G"), .end], .move(.last), "Last")
    bind(.reading, [.character("J")], .readNext, "Next article", hint: "next")
    bind(.reading, [.character("K")], .readPrevious, "Previous article", hint: "previous")
    for number in 1...9 {
      bind(
        .reading, [.character(Character(String(number)))], .copyReadingLink(number), "Copy the numbered link",
        hint: number == 1 ? "copy link" : nil)
    }
    bind(.reading, [.character("y")], .copyLink, "Copy the link")
    bind(.reading, [.character("o")], .openInBrowser, "Open in the browser", hint: "open")
    bind(.reading, [.character("?")], .showHelp, "Help", hint: "help")
    bind(.reading, [.character("q"), .escape], .closeReader, "Back to the list", hint: "back")

    movement(.topicPicker)
    bind(.topicPicker, [.enter, .character(" ")], .togglePickerTopic, "Toggle the topic", hint: "toggle")
    bind(.topicPicker, [.character("T")], .clearTopics, "Clear topics", hint: "clear")
    bind(.topicPicker, [.escape, .character("q"), .character("t")], .closeOverlay, "Close", hint: "close")

    movement(.facetPicker)
    bind(
      .facetPicker, [.enter, .character(" ")], .togglePickerFacet, "Add or remove its term", hint: "toggle")
    bind(
      .facetPicker, [.escape, .character("q")],
      .closeOverlay, "Close", hint: "close")

    movement(.viewPicker)
    bind(.viewPicker, [.enter, .character(" ")], .applyPickerView, "Apply the selected view", hint: "apply")
    bind(
      .viewPicker, [.escape, .character("q"), .character("V")], .closeOverlay, "Close the view picker",
      hint: "close")

    movement(.help)
    bind(.help, [.escape, .character("q"), .character("?")], .closeOverlay, "Close", hint: "close")

    movement(.diagnostics)
    bind(.diagnostics, [.escape, .character("q"), .character("!")], .closeOverlay, "Close", hint: "close")

    bind(.global, [.character("Q"), .control("c")], .forceQuit, "Quit at once")
    bind(.global, [.control("l")], .redraw, "Redraw the screen")
    return rows
  }
}
