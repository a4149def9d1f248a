internal import CNCursesW
import ScreenKit

/// The real terminal, driven by ncursesw: draws grids, decodes keys and the mouse, writes OSC 52.
///
/// The only type in the project that talks to curses. `begin()` refuses (with `TerminalUnavailable`)
/// rather than drawing garbage when stdin/stdout are not terminals or `TERM` cannot address the cursor.
public final class CursesScreen: Screen {
  private let useColor: Bool
  /// Whether URLs are written as OSC 8 hyperlinks (the terminal is known to support them).
  let hyperlinks: Bool
  /// Whether `begin()` asks the terminal for mouse reports (the config's `mouse`).
  private let reportsMouse: Bool
  private var screen: OpaquePointer?
  private var isActive = false
  private var pairs = ColorPairTable(capability: .none, pairLimit: 1)
  private var attributeCache: [TextAttributes: attr_t] = [:]
  /// Set by `invalidate()`: the next draw sends every cell.
  var needsFullRepaint = false
  let decoder: TerminalInputDecoder

  /// `useColor: false` draws attributes only (pass it when `NO_COLOR` is set or the theme is monochrome).
  /// `hyperlinks: true` makes URLs clickable with OSC 8 (pass `OSC8.isSupported(environment:)`);
  /// `mouse: false` leaves the mouse to the terminal (its own selection and paste keep working).
  public init(useColor: Bool = true, hyperlinks: Bool = false, mouse: Bool = true) {
    self.useColor = useColor
    self.hyperlinks = hyperlinks
    self.reportsMouse = mouse
    self.decoder = TerminalInputDecoder(codes: CursesScreen.cursesCodes())
  }

  deinit { end() }

  /// The colours in use after `begin()`: what styles degrade to.
  public var colorCapability: ColorCapability { pairs.capability }

  public var size: Size {
    guard isActive else { return .zero }
    return Size(columns: Int(nr_cols()), rows: Int(nr_lines()))
  }

  public var supportsClipboard: Bool { isActive }

  public func begin() throws {
    guard !isActive else { return }
    DisplayWidth.prepareLocale()
    guard nr_isatty(0) == 1 else { throw TerminalUnavailable("standard input is not a terminal") }
    guard nr_isatty(1) == 1 else { throw TerminalUnavailable("standard output is not a terminal") }
    guard let term = nr_term_name().map({ String(cString: $0) }), !term.isEmpty else {
      throw TerminalUnavailable("TERM is not set")
    }
    switch nr_check_terminal() {
    case 0: break
    case 1: throw TerminalUnavailable("unknown terminal type '\(term)'")
    default: throw TerminalUnavailable("terminal type '\(term)' cannot move the cursor")
    }
    // Handlers first: ncurses only installs its own SIGINT/SIGTERM handlers over default ones. A program
    // that did not take the fatal signals at start gets them now, without a crash note.
    CursesScreen.installCrashHandlers(program: "newsreader", started: "", notePath: nil)
    SignalTrap.install()
    guard let newScreen = nr_newterm() else {
      SignalTrap.release()
      throw TerminalUnavailable("curses could not start on terminal type '\(term)'")
    }
    screen = newScreen
    isActive = true
    nr_register_exit_restore()
    let window = nr_stdscr()
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)  // the default of 1 s makes Esc feel broken
    curs_set(0)
    if reportsMouse {
      mousemask(mmask_t(nr_all_mouse_events()), nil)
      mouseinterval(0)
    }
    setUpColors()
  }

  public func end() {
    guard isActive else { return }
    isActive = false
    endwin()
    if let screen { delscreen(screen) }
    screen = nil
    SignalTrap.release()
  }

  /// Takes SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE and SIGQUIT for the rest of the process: while
  /// a screen is active the handler restores the terminal first, then writes a note to `notePath` (its
  /// parent directories are created; nil for none), names it on standard error, and lets the process die
  /// of the signal. Call it first thing in `main`, so the Swift runtime's backtracer (which prints over
  /// the screen and waits at a prompt) never runs; later calls change nothing.
  /// - Parameters:
  ///   - program: the note's first words, such as "newsreader 0.1.0".
  ///   - started: when the process started, as the note should show it.
  public static func installCrashHandlers(program: String, started: String, notePath: String?) {
    SignalTrap.installCrashHandlers(program: program, started: started, notePath: notePath)
  }

  @discardableResult
  public func writeClipboard(_ text: String) -> Bool {
    guard isActive else { return false }
    // One unbuffered write after curses has flushed its frame, so the sequence is never split.
    nr_flush_stdio()
    let bytes = OSC52.sequence(for: text)
    return bytes.withUnsafeBufferPointer { nr_write_all($0.baseAddress, $0.count) } == 0
  }

  private func setUpColors() {
    guard useColor, has_colors() else {
      pairs = ColorPairTable(capability: .none, pairLimit: 1)
      return
    }
    start_color()
    let hasDefaults = use_default_colors() == nr_ok()
    pairs = ColorPairTable(
      capability: ColorCapability(colorCount: Int(nr_colors())), hasDefaultColors: hasDefaults,
      pairLimit: Int(nr_color_pairs()))
  }

  /// The curses attribute bits and colour pair for a style, defining the pair on first use.
  func cursesStyle(_ style: Style) -> (attributes: attr_t, pair: Int16) {
    let (number, newPair) = pairs.number(for: style)
    if let newPair {
      init_pair(Int16(number), Int16(newPair.foreground), Int16(newPair.background))
    }
    return (attributeBits(style.attributes), Int16(number))
  }

  private func attributeBits(_ attributes: TextAttributes) -> attr_t {
    if let known = attributeCache[attributes] { return known }
    var bits = nr_a_normal()
    if attributes.contains(.bold) { bits |= nr_a_bold() }
    if attributes.contains(.dim) { bits |= nr_a_dim() }
    if attributes.contains(.italic) { bits |= nr_a_italic() }
    if attributes.contains(.underline) { bits |= nr_a_underline() }
    if attributes.contains(.reverse) { bits |= nr_a_reverse() }
    attributeCache[attributes] = bits
    return bits
  }

  var activeWindow: UnsafeMutablePointer<WINDOW>? { isActive ? nr_stdscr() : nil }
}
