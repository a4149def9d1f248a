import ReaderState
import ReaderView

/// Carries out the reader's effects outside the terminal: clipboard programs, the browser and reloads.
///
/// The run loop has already sent a copy to the terminal's clipboard (OSC 52); this adds the desktop's
/// clipboard program when there is one, and reports through the inbox how it went.
struct EffectPerformer: Sendable {
  var clipboard: ClipboardProgram?
  var browser: BrowserLauncher?
  var inbox: ActionInbox
  /// Starts a load in the background that posts its progress and result to the inbox.
  var reload: @Sendable () -> Void

  func perform(_ effect: Effect) -> [Action] {
    switch effect {
    case .copyToClipboard(let text, let description):
      let inbox = self.inbox
      guard let clipboard else {
        return [.showStatus("Copied \(description) by OSC 52: \(text)", isError: false)]
      }
      let name = clipboard.name
      let started = clipboard.copy(text) { succeeded in
        if !succeeded {
          inbox.post(.showStatus("\(name) failed; \(description) sent by OSC 52 only", isError: true))
        }
      }
      let how = started ? "by OSC 52 and \(name)" : "by OSC 52 only; \(name) did not start"
      return [.showStatus("Copied \(description) \(how): \(text)", isError: !started)]
    case .openURL(let url):
      guard let browser else {
        return [.showStatus("No browser found: set $BROWSER or install xdg-open", isError: true)]
      }
      let inbox = self.inbox
      let program = browser.command[0]
      let started = browser.open(url) { succeeded in
        if !succeeded { inbox.post(.showStatus("\(program) could not open the link", isError: true)) }
      }
      return started ? [] : [.showStatus("\(program) did not start", isError: true)]
    case .reload:
      reload()
      return []
    case .quit, .redraw:
      return []
    }
  }
}
