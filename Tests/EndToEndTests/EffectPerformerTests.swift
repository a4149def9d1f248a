import Foundation
import NewsCore
import ReaderState
import ReaderView
import ScreenKit
import Testing

@testable import newsreader

/// The program's one switch over effects, run through the effect runner as the reader runs it.
@Suite struct EffectPerformerTests {
  static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds").path

  static func performer(clipboard: ClipboardProgram? = nil) -> EffectPerformer {
    EffectPerformer(
      clipboard: clipboard, browser: nil,
      load: BackgroundLoad(paths: [seeds], loader: IndexedLoader(loader: SeedLoader(), file: nil)))
  }

  /// Polls `inbox` until `done` holds, or gives up after `seconds` (the expectations then fail).
  static func collect(
    _ inbox: ActionInbox, seconds: Double = 10, until done: ([Action]) -> Bool
  ) -> [Action] {
    var received: [Action] = []
    let deadline = Date().addingTimeInterval(seconds)
    while !done(received) && Date() < deadline {
      received += inbox.drain()
      usleep(2_000)
    }
    return received + inbox.drain()  // what was posted just before `done` came true
  }

  @Test func aCopyGoesToTheTerminalAndItsMessageSaysHow() {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    let runner = EffectRunner(handler: Self.performer().perform)
    let actions = runner.run(
      .copyToClipboard(text: "https://example.org/a", description: "link from webUrl"), screen: screen,
      inbox: ActionInbox())
    #expect(screen.clipboardWrites == ["https://example.org/a"])
    #expect(
      actions == [.showStatus("Copied link from webUrl by OSC 52: https://example.org/a", isError: false)])
    #expect(runner.events.isEmpty)  // done once started: no lifecycle to keep
  }

  @Test func redrawRepaintsTheTerminal() {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    #expect(
      EffectRunner(handler: Self.performer().perform).run(.redraw, screen: screen, inbox: ActionInbox()) == []
    )
    #expect(screen.invalidateCount == 1)
  }

  @Test func aLoadPostsItsGenerationsRecordsAndFinishes() {
    let inbox = ActionInbox()
    let runner = EffectRunner(handler: Self.performer().perform)
    _ = runner.run(
      .load(generation: 1), screen: HeadlessScreen(size: Size(columns: 80, rows: 24)), inbox: inbox)
    let received = Self.collect(inbox) { _ in runner.running.isEmpty }
    let id = EffectID(kind: .load, generation: 1)
    #expect(runner.events == [.started(id), .finished(id)])
    let loaded = received.compactMap { action -> Int? in
      if case .loaded(let catalog, _, let generation) = action, generation == 1 {
        return catalog.articles.count
      }
      return nil
    }
    #expect(loaded == [14])
  }

  /// A load whose task was cancelled (a newer load superseded it) posts nothing and still finishes. The
  /// first load is held back until the second has cancelled it, so the order never depends on timing.
  @Test func aCancelledLoadPostsNothingAndBothFinish() {
    let inbox = ActionInbox()
    let performer = Self.performer()
    var held: (Effect, EffectContext)?
    let runner = EffectRunner { effect, context in
      if effect == .load(generation: 1) {
        held = (effect, context)
        return []
      }
      return performer.perform(effect, context: context)
    }
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    _ = runner.run(.load(generation: 1), screen: screen, inbox: inbox)
    _ = runner.run(.load(generation: 2), screen: screen, inbox: inbox)
    if let (effect, context) = held { _ = performer.perform(effect, context: context) }
    #expect(held?.1.task?.isCancelled == true)
    let received = Self.collect(inbox) { _ in runner.running.isEmpty && runner.events.count == 5 }
    let (first, second) = (EffectID(kind: .load, generation: 1), EffectID(kind: .load, generation: 2))
    let events = runner.events
    #expect(Array(events.prefix(3)) == [.started(first), .cancelled(first), .started(second)])
    #expect(Set(events.dropFirst(3)) == [.finished(first), .finished(second)])
    let generations = received.compactMap { action -> Int? in
      switch action {
      case .loaded(_, _, let generation), .loadProgress(_, _, let generation): generation
      default: nil
      }
    }
    #expect(!generations.isEmpty && generations.allSatisfy { $0 == 2 })
  }
}

/// `clipboard: off` in the config: a copy reaches neither the terminal nor a program, and says so.
@Suite struct ClipboardOffTests {
  @Test func aCopyWithTheClipboardOffSendsNoOSC52() {
    let screen = HeadlessScreen(size: Size(columns: 80, rows: 24))
    var performer = EffectPerformerTests.performer()
    performer.copies = false
    let actions = EffectRunner(handler: performer.perform).run(
      .copyToClipboard(text: "https://example.org/a", description: "link from webUrl"), screen: screen,
      inbox: ActionInbox())
    #expect(screen.clipboardWrites.isEmpty)
    #expect(actions == [.showStatus("Copying is off (clipboard: off in the config)", isError: true)])
  }
}
