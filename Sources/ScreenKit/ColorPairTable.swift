/// Hands out terminal colour-pair numbers for foreground/background combinations, lazily and once each.
///
/// Pair 0 is the terminal default. Colours are degraded to the capability first, so a 16-colour
/// terminal never sees a palette index. When the terminal's pairs run out, later combinations fall
/// back to pair 0 (attributes still apply) instead of failing.
public struct ColorPairTable: Sendable {
  /// A colour pair as curses numbers (-1 is the terminal default).
  public struct Pair: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
  }

  public let capability: ColorCapability
  /// Whether the terminal accepted -1 as "default colour" (`use_default_colors`); if not, default is
  /// white on black.
  public let hasDefaultColors: Bool
  /// Highest pair number the terminal offers plus one (curses `COLOR_PAIRS`).
  public let pairLimit: Int
  public private(set) var numbers: [Pair: Int] = [:]

  public init(capability: ColorCapability, hasDefaultColors: Bool = true, pairLimit: Int) {
    self.capability = capability
    self.hasDefaultColors = hasDefaultColors
    self.pairLimit = min(max(pairLimit, 1), Int(Int16.max))
  }

  /// The pair number for a style's colours, and the pair to define when it is new.
  public mutating func number(for style: Style) -> (number: Int, newPair: Pair?) {
    guard capability != .none else { return (0, nil) }
    var pair = Pair(
      foreground: style.foreground.degraded(to: capability).cursesNumber,
      background: style.background.degraded(to: capability).cursesNumber)
    if !hasDefaultColors {
      if pair.foreground < 0 { pair.foreground = 7 }
      if pair.background < 0 { pair.background = 0 }
      if pair == Pair(foreground: 7, background: 0) { return (0, nil) }
    } else if pair == Pair(foreground: -1, background: -1) {
      return (0, nil)
    }
    if let known = numbers[pair] { return (known, nil) }
    let next = numbers.count + 1
    guard next < pairLimit else { return (0, nil) }
    numbers[pair] = next
    return (next, pair)
  }
}
