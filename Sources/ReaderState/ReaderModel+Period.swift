import NewsCore

extension ReaderModel {
  /// Bars a period is chosen among when the terminal has no room for the timeline row.
  static let periodBarsWithoutTimeline = 30

  /// `p`: list only the selected article's period (as the timeline groups it at `bars` bars), or every
  /// date again; `[` `]`: the period before or after.
  mutating func choosePeriod(_ action: Action, bars: Int, now: Double) {
    let columns = bars > 0 ? bars : ReaderModel.periodBarsWithoutTimeline
    switch action {
    case .togglePeriodFilter:
      if listing.restriction.dates != nil {
        listing.restrictDates(to: nil)
        status.show("Every date listed", now: now)
        return
      }
      guard let seconds = listing.selectedArticle?.publishedDateTime?.secondsSince1970,
        let dates = timeline.period(containing: seconds, columns: columns)
      else {
        status.show("The selected article has no date to choose a period by", isError: true, now: now)
        return
      }
      listing.restrictDates(to: dates)
      status.show("Only " + describe(dates, columns: columns), now: now)
    case .shiftPeriod(let offset):
      guard let current = listing.restriction.dates else {
        status.show("No period chosen", isError: true, now: now)
        return
      }
      let bars = timeline.bars(columns: columns).bars
      guard let position = bars.firstIndex(where: { $0.dates.lowerBound >= current.lowerBound }) else {
        return
      }
      let target = bars[min(max(0, position + offset), bars.count - 1)].dates
      listing.restrictDates(to: target)
      status.show("Only " + describe(target, columns: columns), now: now)
    default:
      break
    }
  }

  /// `2021-03-13`, `the week of 2021-03-08`, `2021-03`, `2021`.
  private func describe(_ dates: Range<Double>, columns: Int) -> String {
    let day = String(DateParser.iso8601(dates.lowerBound).prefix(10))
    switch timeline.bars(columns: columns).period {
    case .day: return day
    case .week: return "the week of " + day
    case .month: return String(day.prefix(7))
    case .year: return String(day.prefix(4))
    }
  }
}
