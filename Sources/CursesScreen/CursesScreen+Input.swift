internal import CNCursesW
import ScreenKit

extension CursesScreen {
  /// Waits up to `timeout` for a key, a mouse action, a resize or a trapped signal (an interrupt, or
  /// SIGUSR1 as `.reloadRequested`). Polls curses with
  /// a timeout instead of blocking, so the caller's other work (and its actor) is never starved.
  public func nextEvent(timeout: Duration) -> Event? {
    guard let window = activeWindow else { return nil }
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
      if let signal = SignalTrap.pendingInterrupt() { return .interrupt(signal: signal) }
      if SignalTrap.takeReloadRequest() { return .reloadRequested }
      let remaining = clock.now.duration(to: deadline)
      let milliseconds = max(
        0, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)
      wtimeout(window, Int32(clamping: milliseconds))
      var character: wint_t = 0
      let status = wget_wch(window, &character)
      if status == nr_err() {
        if let signal = SignalTrap.pendingInterrupt() { return .interrupt(signal: signal) }
        if SignalTrap.takeReloadRequest() { return .reloadRequested }
        // No key before the time ran out is normal; ERR straight away may mean the terminal is gone,
        // and then every read fails at once: end as a hangup would, instead of spinning.
        if clock.now < deadline, nr_input_gone() != 0 { return .interrupt(signal: SIGHUP) }
        if milliseconds == 0 || clock.now >= deadline { return nil }
        continue  // interrupted early (EINTR): wait out the rest
      }
      switch decoder.decode(code: UInt32(character), isFunctionKey: status == nr_key_code_yes()) {
      case .key(let key): return .key(key)
      case .resize: return .resize(size)
      case .mouse:
        var row: Int32 = 0
        var column: Int32 = 0
        var state: UInt = 0
        if nr_getmouse(&row, &column, &state) == nr_ok(),
          let mouse = decoder.decodeMouse(buttonState: UInt64(state), row: Int(row), column: Int(column))
        {
          return .mouse(mouse)
        }
      case .ignored: break
      }
      if clock.now >= deadline { return nil }
    }
  }

  /// The key codes and mouse masks of the ncurses this was built against.
  static func cursesCodes() -> TerminalInputDecoder.Codes {
    TerminalInputDecoder.Codes(
      down: KEY_DOWN, up: KEY_UP, left: KEY_LEFT, right: KEY_RIGHT, home: KEY_HOME, end: KEY_END,
      pageDown: KEY_NPAGE, pageUp: KEY_PPAGE, backspace: KEY_BACKSPACE, delete: KEY_DC,
      enter: KEY_ENTER, backTab: KEY_BTAB, resize: KEY_RESIZE, mouse: KEY_MOUSE,
      functionZero: nr_key_f(0),
      aliases: [
        KEY_A1: .home, KEY_C1: .end, KEY_A3: .pageUp, KEY_C3: .pageDown, KEY_FIND: .home,
        KEY_SELECT: .end,
      ],
      button1Press: UInt64(nr_button1_pressed()), button1Click: UInt64(nr_button1_clicked()),
      button2Press: UInt64(nr_button2_pressed()), button2Click: UInt64(nr_button2_clicked()),
      button3Press: UInt64(nr_button3_pressed()), button3Click: UInt64(nr_button3_clicked()),
      button4Press: UInt64(nr_button4_pressed()), button5Press: UInt64(nr_button5_pressed()))
  }
}
