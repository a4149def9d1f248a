import ReaderState
import ScreenKit

extension Canvas {
  /// The timeline row above the article list: one bar per period of the current filter's articles, the
  /// selected article's period in the accent style, a chosen period (its `date:` term in the query) reversed,
  /// and the period's name at the end.
  mutating func drawTimeline() {
    let rect = layout.timeline
    let columns = layout.timelineBars
    guard !rect.isEmpty, columns > 0 else { return }
    let (period, bars) = state.timeline.bars(columns: columns)
    guard !bars.isEmpty else { return }
    let highest = bars.map(\.count).max() ?? 0
    let levels: [String] =
      state.timeline.asciiOnly
      ? ["_", ".", "-", "=", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    let selected = state.listing.selectedArticle?.publishedDateTime?.secondsSince1970.map(
      state.timeline.day(of:))
    let chosen = state.listing.chosenPeriodTerm
    // The newest bar ends at the row's right, as the newest article is at the top of the list by default.
    var column = rect.column + 1 + (columns - bars.count)
    for bar in bars {
      let glyph: String
      if bar.count == 0 || highest == 0 {
        glyph = " "
      } else {
        let level = (bar.count * levels.count + highest - 1) / highest
        glyph = levels[min(levels.count, max(1, level)) - 1]
      }
      let role: ThemeRole =
        chosen == bar.term ? .selected : selected.map(bar.days.contains) == true ? .accent : .dim
      grid.put(glyph == " " && role != .dim ? "·" : glyph, row: rect.row, column: column, style: style(role))
      column += 1
    }
    grid.put(
      "by " + period.rawValue, row: rect.row, column: rect.endColumn - 1 - layout.timelineLabelColumns,
      maxColumns: layout.timelineLabelColumns, style: style(.dim))
  }

  /// Columns a topic's sparkline takes in the picker, its trailing space included.
  var sparklineColumns: Int { Timeline.topicSeriesBuckets + 1 }

  /// The sparkline of topic `topic` (its position in the catalog's topics) at `row`, `column`: its
  /// articles of the search result over the timeline's span, scaled to its own busiest bucket.
  mutating func drawSparkline(forTopic topic: Int, row: Int, column: Int, style: Style) {
    let series = state.timeline.topicSeries
    guard topic < series.count else { return }
    let levels: [String] =
      state.timeline.asciiOnly ? ["_", ".", "-", "=", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    let highest = series[topic].max() ?? 0
    var text = ""
    for count in series[topic] {
      if count == 0 || highest == 0 {
        text += " "
      } else {
        text += levels[min(levels.count, max(1, (count * levels.count + highest - 1) / highest)) - 1]
      }
    }
    // Right-aligned, so the newest bucket is always beside the count.
    grid.put(text, row: row, column: column + Timeline.topicSeriesBuckets - series[topic].count, style: style)
  }
}
