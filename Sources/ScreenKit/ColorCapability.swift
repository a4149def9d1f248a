/// How many colours a terminal can show, and how theme colours degrade to fit it.
public enum ColorCapability: Int, Hashable, Sendable, Comparable {
  /// Monochrome, or colour switched off (`NO_COLOR`): only attributes remain.
  case none = 0
  case eight = 8
  case sixteen = 16
  case palette256 = 256

  /// The capability for a terminal reporting `count` colours (curses `COLORS`).
  public init(colorCount count: Int) {
    switch count {
    case 256...: self = .palette256
    case 16..<256: self = .sixteen
    case 8..<16: self = .eight
    default: self = .none
    }
  }

  public static func < (lhs: ColorCapability, rhs: ColorCapability) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Color {
  /// The nearest colour this capability can show: RGB to the 256 palette, the palette to the 16 ANSI
  /// colours, bright to normal for 8 colours, everything to `.default` without colour.
  public func degraded(to capability: ColorCapability) -> Color {
    switch (self, capability) {
    case (.default, _), (_, .none): return .default
    case (.ansi(let index), .eight): return .ansi(index & 7)
    case (.ansi, _): return self
    case (.palette(let index), .palette256): return .palette(index)
    case (.palette(let index), _) where index < 16: return Color.ansi(index).degraded(to: capability)
    case (.palette(let index), _):
      return Color.nearestANSI(to: Color.paletteRGB(index), count: capability.rawValue)
    case (.rgb(let red, let green, let blue), .palette256):
      return .palette(Color.nearestPaletteIndex(red: red, green: green, blue: blue))
    case (.rgb(let red, let green, let blue), _):
      return Color.nearestANSI(to: (Int(red), Int(green), Int(blue)), count: capability.rawValue)
    }
  }

  /// The curses colour number for a colour already degraded: -1 for the default, else the index.
  public var cursesNumber: Int {
    switch self {
    case .default: return -1
    case .ansi(let index): return min(max(index, 0), 15)
    case .palette(let index): return min(max(index, 0), 255)
    case .rgb(let red, let green, let blue):
      return Color.nearestPaletteIndex(red: red, green: green, blue: blue)
    }
  }

  /// The xterm defaults for the 16 ANSI colours.
  static let ansiRGB: [(Int, Int, Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
    (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
    (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  private static let cubeLevels = [0, 95, 135, 175, 215, 255]

  /// The RGB value of an xterm palette entry.
  static func paletteRGB(_ index: Int) -> (Int, Int, Int) {
    switch index {
    case ..<16: return ansiRGB[max(0, index)]
    case 16..<232:
      let cube = index - 16
      return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
    default:
      let level = 8 + 10 * (min(index, 255) - 232)
      return (level, level, level)
    }
  }

  /// The nearest entry of the 6x6x6 cube or the grey ramp (never 0-15, whose values vary by terminal).
  static func nearestPaletteIndex(red: UInt8, green: UInt8, blue: UInt8) -> Int {
    func cubeStep(_ value: Int) -> Int {
      value < 48 ? 0 : value < 115 ? 1 : (value - 35) / 40
    }
    let (r, g, b) = (Int(red), Int(green), Int(blue))
    let cubeIndex = 16 + 36 * cubeStep(r) + 6 * cubeStep(g) + cubeStep(b)
    let average = (r + g + b) / 3
    let greyIndex = average > 238 ? 255 : 232 + max(0, (average - 3) / 10)
    let cubeDistance = distance(paletteRGB(cubeIndex), (r, g, b))
    let greyDistance = distance(paletteRGB(greyIndex), (r, g, b))
    return greyDistance < cubeDistance ? greyIndex : cubeIndex
  }

  static func nearestANSI(to rgb: (Int, Int, Int), count: Int) -> Color {
    let candidates = min(count, 16)
    var best = 0
    var bestDistance = Int.max
    for index in 0..<candidates {
      let candidateDistance = distance(ansiRGB[index], rgb)
      if candidateDistance < bestDistance {
        best = index
        bestDistance = candidateDistance
      }
    }
    return .ansi(best)
  }

  private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
    let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
    return 2 * dr * dr + 4 * dg * dg + 3 * db * db  // weighted: the eye is most sensitive to green
  }
}
