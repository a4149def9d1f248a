import NewsCore

/// The window drawn over the panes, if any, and where it is scrolled.
public struct OverlayState: Sendable, Equatable {
  /// The overlay shown, or nil.
  public var current: Overlay?
  /// Selection and scroll inside the topic picker or the load problems.
  public var list: ListViewport
  /// Scroll of the help text, which has no selection.
  public var help: TextScroll
  /// Live count per topic of `catalog.topics` with the other filters applied; kept fresh while the picker
  /// is open.
  public var topicCounts: [Int]
  /// The provider, domain or category picker's values and live counts while it is open.
  public var facetPicker: FacetPicker?
  /// The saved views' counts while the view picker is open.
  public var viewPicker: ViewPicker?

  public init() {
    current = nil
    list = ListViewport()
    help = TextScroll()
    topicCounts = []
    facetPicker = nil
    viewPicker = nil
  }

  /// Opens the picker of `views`, counted over `listing`'s catalog against `reading`.
  public mutating func openViewPicker(_ views: [NamedQuery], listing: Listing, reading: Reading) {
    open(.viewPicker, rows: views.count)
    viewPicker = ViewPicker(views, listing: listing, reading: reading)
  }

  /// Opens the picker of `facet` over `listing`.
  public mutating func openFacetPicker(_ facet: Facet, listing: Listing) {
    let picker = FacetPicker(facet, listing: listing)
    open(.facetPicker(facet), rows: picker.values.count)
    facetPicker = picker
  }

  /// Opens `kind` with a list of `rows` rows (none for help), its first row selected.
  public mutating func open(_ kind: Overlay, rows: Int) {
    current = kind
    list = ListViewport(count: rows)
    help = TextScroll()
  }

  public mutating func close() { self = OverlayState() }

  /// Moves the overlay's selection, or scrolls the help (`helpLines` long) in `height` rows.
  public mutating func move(_ movement: Movement, height: Int, helpLines: Int) {
    if current == .help {
      help.scroll(movement, lines: helpLines, height: height)
    } else {
      list.move(movement, height: height)
    }
  }

  /// Counts the topics among the listed articles while the picker is open (the rows of the picker change
  /// too): a count says how many would be left with that topic added.
  public mutating func refreshTopicCounts(_ listing: Listing) {
    guard current == .topicPicker else { return }
    topicCounts = listing.catalog.topicCounts(among: listing.visible)
    list.setCount(listing.catalog.topics.count)
  }

  /// Keeps the open picker's counts (and, after new records, its values) fresh.
  public mutating func refreshPickers(_ listing: Listing, catalogChanged: Bool = false) {
    switch current {
    case .topicPicker: refreshTopicCounts(listing)
    case .facetPicker(let facet):
      if catalogChanged {
        facetPicker = FacetPicker(facet, listing: listing)
        list.setCount(facetPicker?.values.count ?? 0)
      } else {
        facetPicker?.refresh(listing)
      }
    default: break
    }
  }
}

/// A window drawn over the panes.
public enum Overlay: Sendable, Hashable {
  case help, topicPicker, diagnostics
  /// The provider, domain or category picker.
  case facetPicker(Facet)
  /// The saved views, with their unread and total counts.
  case viewPicker
}
