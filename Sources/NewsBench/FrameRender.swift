import Foundation
import NewsCore
import ReaderState
import ReaderView
import ScreenKit

/// Time to render one full frame with `ReaderRenderer`, on a state set up the way the run loop sets it up and
/// with a `FrameCache` kept from frame to frame as `ReaderApp` keeps one.
enum FrameRender {
  /// What the timed frame shows.
  enum Scene: CaseIterable {
    /// The article list focused, a row in the middle of the list selected (the list scrolled to it).
    case listMiddle
    /// The details pane focused on an article near the middle that has related coverage.
    case detailsWithRelated
    /// The stories view, a story in the middle selected (the timeline above it from 30 rows, as in every
    /// scene).
    case storiesMiddle
    /// The stories view from the middle, moved down one story (untimed) before each frame: each frame draws
    /// another story's details and related coverage, and two rows change their selection style.
    case storiesMoving

    var keyPart: String {
      switch self {
      case .listMiddle: "frame_render"
      case .detailsWithRelated: "frame_render_details"
      case .storiesMiddle: "frame_render_stories"
      case .storiesMoving: "frame_render_stories_moving"
      }
    }
    var labelPart: String {
      switch self {
      case .listMiddle: "render one frame"
      case .detailsWithRelated: "render one frame, details focused"
      case .storiesMiddle: "render one frame, stories view"
      case .storiesMoving: "render one frame after a move, stories view"
      }
    }
  }

  /// Render times of one scene, or why it could not be set up.
  struct Samples {
    var seconds: [Double] = []
    /// Set when the state could not show the scene (e.g. no article has related coverage).
    var unavailable: String?
    /// Set when a rendered frame did not show what it must (the header's article count).
    var problem: String?
  }

  /// Untimed frames rendered before the timed ones, so caches and allocator pools are warm.
  static let warmUpFrames = 20

  /// Renders `scene` at `columns` x `rows` over `catalog`: `warmUpFrames` untimed, then `count` frames each
  /// timed on its own.
  static func measure(catalog: ArticleCatalog, columns: Int, rows: Int, scene: Scene, count: Int) -> Samples {
    let size = Size(columns: columns, rows: rows)
    let terminal = TerminalSize(columns: columns, rows: rows)
    let now = Date().timeIntervalSince1970
    // Paging asks the same layout the frame is drawn with, as ReaderApp does.
    let geometry = LayoutGeometry(keyMap: .standard)
    var model = ReaderModel(catalog: catalog, size: terminal)
    let visible = model.listing.visible
    guard !visible.isEmpty else { return Samples(unavailable: "no articles to list") }
    let middle = visible.count / 2
    switch scene {
    case .listMiddle:
      model.apply(.select(.articles, row: middle), now: now, geometry: geometry)
    case .detailsWithRelated:
      // The first article from the middle on that has related coverage, so the related pane is full too.
      guard
        let row = (middle..<visible.count).first(where: {
          !catalog.articles[visible[$0]].related.isEmpty
        })
      else { return Samples(unavailable: "no article from the middle on has related coverage") }
      model.apply(.select(.articles, row: row), now: now, geometry: geometry)
      model.apply(.focus(.details), now: now, geometry: geometry)
    case .storiesMiddle, .storiesMoving:
      model.apply(.toggleStories, now: now, geometry: geometry)
      guard model.stories.rows.count > 0 else { return Samples(unavailable: "no stories to list") }
      model.apply(.select(.articles, row: model.stories.rows.count / 2), now: now, geometry: geometry)
    }

    var samples = Samples()
    let expected = "\(grouped(catalog.articles.count)) articles"
    let cache = FrameCache()
    let first = render(model, size: size, now: now, cache: cache)
    let header = (0..<columns).map { first[0, $0].text }.joined()
    if !header.contains(expected) {
      samples.problem = "a \(columns)x\(rows) frame's header shows \"\(header)\", not \"\(expected)\""
    }
    var drawn = 0
    let moves = scene == .storiesMoving
    for _ in 0..<warmUpFrames {
      if moves { model.apply(.move(.down), now: now, geometry: geometry) }
      drawn &+= render(model, size: size, now: now, cache: cache).cells.count
    }
    samples.seconds.reserveCapacity(count)
    for _ in 0..<count {
      if moves { model.apply(.move(.down), now: now, geometry: geometry) }
      samples.seconds.append(
        Stopwatch.seconds { drawn &+= render(model, size: size, now: now, cache: cache).cells.count })
    }
    // Keeps the frames observable so the optimizer cannot drop the renders.
    if drawn == Int.min { print(drawn) }
    return samples
  }

  private static func render(_ model: ReaderModel, size: Size, now: Double, cache: FrameCache) -> Grid {
    ReaderRenderer.render(
      model, theme: Theme.builtInDark, keyMap: .standard, size: size, now: now, cache: cache)
  }

  /// The p50 and p95 rows of `samples` for `scene` at `columns` x `rows`.
  static func rows(
    _ samples: Samples, scene: Scene, columns: Int, rows: Int, records: Int, note: String
  ) -> [BenchRow] {
    [(50, 0.5), (95, 0.95)].map { percent, fraction in
      let key = "\(scene.keyPart)_\(columns)x\(rows)_p\(percent)_ms"
      let label = "\(scene.labelPart) \(columns)x\(rows) p\(percent)"
      if let reason = samples.unavailable ?? (samples.seconds.isEmpty ? "no frames rendered" : nil) {
        return .notMeasured(key: key, label: label, records: records, unit: "ms", reason: reason)
      }
      return BenchRow(
        key: key, label: label, records: records,
        value: Stopwatch.percentile(samples.seconds, fraction) * 1000,
        unit: "ms", note: "\(samples.seconds.count) frames after \(warmUpFrames) untimed; \(note)")
    }
  }

  /// `number` with thousands separators, as the reader's header prints it.
  static func grouped(_ number: Int) -> String {
    let digits = String(number)
    var result = ""
    for (position, digit) in digits.enumerated() {
      if position > 0 && (digits.count - position) % 3 == 0 { result += "," }
      result.append(digit)
    }
    return result
  }
}
