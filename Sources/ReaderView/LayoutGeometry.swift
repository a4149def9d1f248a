import ReaderState
import ScreenKit

/// The state's geometry as the layout and the renderers compute it: pane heights from `ReaderLayout`,
/// details lines from the same `DetailsText` the pane draws, help lines from the same `HelpText`.
public struct LayoutGeometry: ReaderGeometry {
  /// The key map whose names the help and the details text show.
  public let keyMap: KeyMap
  /// Where the details text's dates are shown in (their labels' lengths count when wrapping).
  public let timeZone: DisplayTimeZone

  public init(keyMap: KeyMap, timeZone: DisplayTimeZone = .utc) {
    self.keyMap = keyMap
    self.timeZone = timeZone
  }

  public func paneHeights(of state: ReaderModel) -> PaneHeights {
    var heights = ReaderLayout.fitted(
      to: state, size: Size(state.size), keyMap: keyMap, timeZone: timeZone
    ).paneHeights
    heights.reading = ReadingLayout.text(in: Size(state.size)).rows
    return heights
  }

  public func readingLineCount(of state: ReaderModel, now: Double) -> Int {
    ReadingLayout.lines(of: state, size: Size(state.size), now: now, keyMap: keyMap, timeZone: timeZone).count
  }

  public func detailsLineCount(of state: ReaderModel, now: Double) -> Int {
    let layout = ReaderLayout(size: Size(state.size), focus: state.listing.focus)
    guard layout.mode != .tooSmall else { return 0 }
    return DetailsText(
      state: state, columns: DetailsText.textColumns(in: layout.details.content), now: now, keyMap: keyMap,
      timeZone: timeZone
    ).lines.count
  }

  public func panesSideBySide(for size: TerminalSize) -> Bool {
    ReaderLayout(size: Size(size)).mode == .wide
  }

  /// The lines the help scrolls through: none beyond the box when it shows in two columns.
  public func helpLineCount(of state: ReaderModel) -> Int {
    let layout = ReaderLayout(size: Size(state.size))
    let columns = HelpText.columns(keyMap: keyMap, in: layout.overlayContent)
    return columns.count > 1 ? 0 : columns[0].count
  }
}

extension Size {
  /// The terminal size the state keeps, as the screen's size.
  init(_ size: TerminalSize) { self.init(columns: size.columns, rows: size.rows) }
}

extension TerminalSize {
  /// A screen's size, as the state keeps it.
  init(_ size: Size) { self.init(columns: size.columns, rows: size.rows) }
}

extension ReaderLayout {
  /// The layout for `state` at `size`, its related pane grown for the selected article's related items when
  /// the details text leaves room; the renderer, the mouse and paging all use this one.
  /// `cache` keeps the details text measured here for the next frame.
  public static func fitted(
    to state: ReaderModel, size: Size, keyMap: KeyMap, timeZone: DisplayTimeZone, cache: FrameCache? = nil
  ) -> ReaderLayout {
    let plain = ReaderLayout(size: size, focus: state.listing.focus)
    guard plain.mode == .wide else { return plain }
    // A fixed clock, so the layout is the same for every caller (paging has no clock); the relative date
    // in brackets is the only text that depends on it, and a line more or less there is no matter.
    let source = DetailsText.Source(
      state: state, now: 0, keyMap: keyMap, timeZone: timeZone, numberedLinks: false)
    let columns = DetailsText.textColumns(in: plain.details.content)
    let details =
      cache?.detailsText(source, columns: columns) ?? DetailsText(source: source, columns: columns)
    let needs = PaneNeeds(detailsLines: details.lines.count, relatedItems: state.listing.relatedItems.count)
    return ReaderLayout(size: size, focus: state.listing.focus, needs: needs)
  }
}
