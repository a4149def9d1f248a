import NewsCore

extension ReaderModel {
  /// Bars a period is chosen among when the terminal has no room for the timeline row.
  static let periodBarsWithoutTimeline = 30

  /// `w`: list only the selected article's period (as the timeline groups it at `bars` bars), by writing
  /// its `date:` term into the query, or take the term out again; `<` `>`: the period before or after.
  mutating func choosePeriod(_ action: Action, bars: Int, now: Double) {
    let columns = bars > 0 ? bars : ReaderModel.periodBarsWithoutTimeline
    switch action {
    case .togglePeriodFilter:
      if listing.chosenPeriodTerm != nil {
        listing.choosePeriod(nil)
        search.queryChanged(listing)
        status.show("Every date listed", now: now)
        return
      }
      guard let seconds = listing.selectedArticle?.publishedDateTime?.secondsSince1970,
        let bar = timeline.bar(containing: seconds, columns: columns)
      else {
        status.show("The selected article has no date to choose a period by", isError: true, now: now)
        return
      }
      listing.choosePeriod(bar.term)
      search.queryChanged(listing)
      status.show("Only " + bar.name, now: now)
    case .shiftPeriod(let offset):
      guard let current = listing.chosenPeriodTerm else {
        status.show("No period chosen", isError: true, now: now)
        return
      }
      let bars = timeline.bars(columns: columns).bars
      guard let position = bars.firstIndex(where: { $0.term == current }) else {
        status.show("The chosen period is not on the timeline at this width", isError: true, now: now)
        return
      }
      let target = bars[min(max(0, position + offset), bars.count - 1)]
      listing.choosePeriod(target.term)
      search.queryChanged(listing)
      status.show("Only " + target.name, now: now)
    default:
      break
    }
  }
}
