import NewsCore

extension ReaderModel {
  /// Whether `action` would do something in this state, for offering it (a hint) only where it does:
  /// Enter on a related item goes somewhere only when that item is a loaded article.
  public func isAvailable(_ action: Action) -> Bool {
    switch action {
    case .activate: listing.focus != .related || listing.selectedRelatedIsLoaded
    case .goBack: history.canGoBack
    case .goForward: history.canGoForward
    default: true
    }
  }

  /// Every topic in the picker's order with its live count while the picker is open.
  public var topicPickerRows: [TopicRow] { listing.topicPickerRows(counts: overlays.topicCounts) }

  /// The open facet picker's rows, with live counts.
  public var facetPickerRows: [FacetRow] { overlays.facetPicker?.rows(listing) ?? [] }
}
