import ReaderState

/// An action as the config file, `newsreader keys` and the manual name it: a stable kebab-case name and
/// one line saying what it does.
public struct NamedAction: Sendable, Equatable {
  public var name: String
  public var action: Action
  public var summary: String

  public init(_ name: String, _ action: Action, _ summary: String) {
    self.name = name
    self.action = action
    self.summary = summary
  }
}

extension KeyMap {
  /// Every action a key can be bound to, in the order `newsreader keys` and the manual list them. Adding
  /// an action to the standard key map means adding its name here (a test fails otherwise); the names are
  /// what config files say, so they never change once released.
  public static let namedActions: [NamedAction] =
    [
      NamedAction("move-down", .move(.down), "Move down the list (scrolls the details pane)"),
      NamedAction("move-up", .move(.up), "Move up the list (scrolls the details pane)"),
      NamedAction("page-down", .move(.pageDown), "Move a page down"),
      NamedAction("page-up", .move(.pageUp), "Move a page up"),
      NamedAction("half-page-down", .move(.halfPageDown), "Move half a page down"),
      NamedAction("half-page-up", .move(.halfPageUp), "Move half a page up"),
      NamedAction("move-first", .move(.first), "Go to the first row"),
      NamedAction("move-last", .move(.last), "Go to the last row"),
      NamedAction("focus-next", .focusNext, "Focus the next pane"),
      NamedAction("focus-previous", .focusPrevious, "Focus the previous pane"),
      NamedAction("focus-left", .focusLeft, "Focus the pane to the left"),
      NamedAction("focus-right", .focusRight, "Focus the pane to the right"),
      NamedAction(
        "activate", .activate,
        "On an article, show its related coverage; on a related item, go to its article"
      ),
      NamedAction("search", .startSearch, "Edit the query (the search box)"),
      NamedAction("search-delete-backward", .searchDeleteBackward, "Delete the character before the cursor"),
      NamedAction(
        "search-delete-forward", .searchEdit(.deleteForward), "Delete the character under the cursor"),
      NamedAction("search-cursor-left", .searchEdit(.moveLeft), "Move the query's cursor left"),
      NamedAction("search-cursor-right", .searchEdit(.moveRight), "Move the query's cursor right"),
      NamedAction("search-cursor-start", .searchEdit(.moveToStart), "Move the query's cursor to the start"),
      NamedAction("search-cursor-end", .searchEdit(.moveToEnd), "Move the query's cursor to the end"),
      NamedAction(
        "search-delete-word", .searchEdit(.deleteWordBackward), "Delete the word before the cursor"),
      NamedAction(
        "search-delete-to-start", .searchEdit(.deleteToStart), "Delete from the cursor to the start"),
      NamedAction("search-delete-to-end", .searchEdit(.deleteToEnd), "Delete from the cursor to the end"),
      NamedAction(
        "search-history-previous", .searchEdit(.historyPrevious), "Recall the next older kept query"),
      NamedAction("search-history-next", .searchEdit(.historyNext), "Recall the next newer kept query"),
      NamedAction("search-keep", .commitSearch, "Keep the query being edited"),
      NamedAction("search-cancel", .cancelSearch, "Cancel the edit, putting the query back"),
      NamedAction("clear-search", .clearSearch, "Clear the query"),
      NamedAction("pick-topics", .showTopicPicker, "Open the topic picker"),
      NamedAction("pick-providers", .showFacetPicker(.provider), "Open the provider picker"),
      NamedAction("pick-domains", .showFacetPicker(.domain), "Open the domain picker"),
      NamedAction("pick-categories", .showFacetPicker(.category), "Open the category picker"),
      NamedAction(
        "toggle-picker-value", .togglePickerFacet,
        "Add or remove the term of the value selected in a provider, domain or category picker"),
      NamedAction("pick-views", .showViewPicker, "Open the picker of saved views"),
      NamedAction("apply-picker-view", .applyPickerView, "Apply the view selected in the view picker"),
    ]
    + (1...9).map {
      NamedAction("apply-view-\($0)", .applyView($0), "Put saved view number \($0) in the query")
    }
    + (1...9).map { NamedAction("toggle-topic-\($0)", .toggleTopicShortcut($0), "Toggle topic number \($0)") }
    + [
      NamedAction("toggle-picker-topic", .togglePickerTopic, "Toggle the topic selected in the topic picker"),
      NamedAction("clear-topics", .clearTopics, "Clear the chosen topics"),
      NamedAction("cycle-sort", .cycleSort, "Switch to the next sort order"),
      NamedAction("toggle-stories", .toggleStories, "List stories instead of articles, or articles again"),
      NamedAction("open-story", .openStory, "List the articles of the story selected in the stories view"),
      NamedAction("close-story", .closeStory, "Back from an opened story to the stories view"),
      NamedAction(
        "toggle-period", .togglePeriodFilter,
        "List only the selected article's period of the timeline, or every date again"),
      NamedAction("period-before", .shiftPeriod(-1), "List the period before the chosen one"),
      NamedAction("period-after", .shiftPeriod(1), "List the period after the chosen one"),
      NamedAction("copy-link", .copyLink, "Copy the link of the focused item"),
      NamedAction("copy-markdown-link", .copyMarkdownLink, "Copy the focused item as a Markdown link"),
      NamedAction("open-link", .openInBrowser, "Open the focused item's link in the browser"),
      NamedAction("reload", .reload, "Load the records again"),
      NamedAction("show-problems", .showDiagnostics, "Show the load and config problems"),
      NamedAction("help", .showHelp, "Show the keys in effect"),
      NamedAction("close-overlay", .closeOverlay, "Close the open overlay"),
      NamedAction("redraw", .redraw, "Redraw the whole screen"),
      NamedAction("quit", .quit, "Close the open overlay, or quit when none is open"),
      NamedAction("force-quit", .forceQuit, "Quit at once, whatever is open"),
      NamedAction("go-back", .goBack, "Go back to where the last jump came from"),
      NamedAction("go-forward", .goForward, "Go forward again after going back"),
      NamedAction("open-reader", .openReader, "Read the selected article or related item full-screen"),
      NamedAction("close-reader", .closeReader, "Leave the full-screen reading view"),
      NamedAction("read-next", .readNext, "Read the next article full-screen"),
      NamedAction("read-previous", .readPrevious, "Read the previous article full-screen"),
      NamedAction("toggle-read", .toggleRead, "Toggle read of the selected article (its story too)"),
      NamedAction("toggle-star", .toggleStar, "Toggle the star of the selected article"),
      NamedAction("next-unread", .nextUnread, "Go to the next unread article"),
      NamedAction("previous-unread", .previousUnread, "Go to the previous unread article"),
      NamedAction("mark-all-read", .markAllShownRead, "Mark every listed article read"),
      NamedAction("undo-marking", .undoMarking, "Undo the last marking"),
      NamedAction("toggle-unread-only", .toggleUnreadOnly, "List only unread articles, or all"),
      NamedAction("toggle-starred-only", .toggleStarredOnly, "List only starred articles, or all"),
      NamedAction(
        "go-to-newest-arrival", .goToNewestArrival, "Go to the newest article that arrived while open"),
    ]
    + (1...9).map {
      NamedAction(
        "copy-reading-link-\($0)", .copyReadingLink($0), "Copy link number \($0) of the reading view")
    }

  /// The names, in table order.
  public static var actionNames: [String] { namedActions.map(\.name) }

  /// The action a name stands for, or nil when no action has that name.
  public static func action(named name: String) -> Action? {
    namedActions.first { $0.name == name }?.action
  }

  /// The name of `action`, or nil when it cannot be bound (mouse clicks, load results).
  public static func name(of action: Action) -> String? {
    namedActions.first { $0.action == action }?.name
  }
}
