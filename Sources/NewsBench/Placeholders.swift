/// Time to render one full frame of `columns` x `rows`, once the renderer exists.
///
/// The lead wires this to ReaderView's render(state, theme, size) into a Grid: build a state over the
/// loaded articles, render a few frames untimed, then time many renders and report the median.
/// Until then the row says so; it never shows an invented number.
func measureFrameRender(columns: Int, rows: Int, records: Int, repetitions: Int) -> BenchRow {
  BenchRow.notMeasured(
    key: "frame_render_\(columns)x\(rows)_ms", label: "render one frame \(columns)x\(rows)", records: records,
    unit: "ms", reason: "renderer not built")
}

/// Time from starting the reader to its first drawn screen over `corpus`, once the reader exists.
///
/// The lead wires this to the run loop over a HeadlessScreen: start the clock, start loading `corpus`,
/// stop at the first grid the screen receives (the reader may draw it while loading continues).
func measureFirstScreen(corpus: String, records: Int, repetitions: Int) -> BenchRow {
  BenchRow.notMeasured(
    key: "first_screen_ms", label: "start to first screen", records: records, unit: "ms",
    reason: "reader not built")
}
