/// Fitting text into columns: truncation with an ellipsis, padding and word wrapping, always at
/// grapheme-cluster boundaries and always on cleaned text (see `DisplayWidth.clean`).
public enum TextLayout {
  /// The mark left where text was cut (one column).
  public static let ellipsis = "…"

  /// Where padding goes.
  public enum Alignment: Sendable {
    case left, right, center
  }

  /// The cleaned text if it fits in `columns`, else its longest prefix that fits with "…" after it.
  /// The result is never wider than `columns` and never ends in half a character.
  public static func fit(_ text: String, columns: Int) -> String {
    guard columns > 0 else { return "" }
    if DisplayWidth.isPrintableASCII(text) {
      let count = text.utf8.count
      if count <= columns { return text }
      return String(decoding: text.utf8.prefix(columns - 1), as: UTF8.self) + ellipsis
    }
    let fitted = fittedClusters(of: text, columns: columns)
    var result = ""
    for cluster in fitted.clusters { result += cluster.text }
    return fitted.truncated ? result + ellipsis : result
  }

  /// The fitted text padded with spaces to exactly `columns`.
  public static func pad(_ text: String, columns: Int, alignment: Alignment = .left) -> String {
    guard columns > 0 else { return "" }
    let fitted = fit(text, columns: columns)
    let gap = columns - DisplayWidth.columns(of: fitted)
    guard gap > 0 else { return fitted }
    switch alignment {
    case .left: return fitted + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + fitted
    case .center:
      let before = gap / 2
      return String(repeating: " ", count: before) + fitted + String(repeating: " ", count: gap - before)
    }
  }

  /// A cleaned grapheme cluster and the columns it covers.
  public struct Cluster: Hashable, Sendable {
    public var text: String
    public var columns: Int
  }

  /// The clusters of the longest prefix that fits in `columns`, leaving one column for the ellipsis
  /// when the text had to be cut. Stops reading the text as soon as it knows.
  public static func fittedClusters(of text: String, columns: Int) -> (
    clusters: [Cluster], columns: Int, truncated: Bool
  ) {
    var clusters: [Cluster] = []
    var used = 0
    var truncated = false
    guard columns > 0 else {
      return ([], 0, !DisplayWidth.clean(text).isEmpty)
    }
    // Printable ASCII (most titles, dates, URLs, every label) is one column a byte: no grapheme breaking
    // or normalizing needed, which was most of a frame's drawing.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      for byte in text.utf8 {
        if used + 1 > columns {
          truncated = true
          break
        }
        clusters.append(Cluster(text: String(UnicodeScalar(byte)), columns: 1))
        used += 1
      }
      if truncated {
        while used > columns - 1, let last = clusters.popLast() { used -= last.columns }
      }
      return (clusters, used, truncated)
    }
    return fittedClustersByGrapheme(of: text, columns: columns)
  }

  /// `fittedClusters` for any text: grapheme clusters and their display widths.
  static func fittedClustersByGrapheme(of text: String, columns: Int) -> (
    clusters: [Cluster], columns: Int, truncated: Bool
  ) {
    var clusters: [Cluster] = []
    var used = 0
    var truncated = false
    DisplayWidth.forEachCluster(in: text) { cluster, width in
      if used + width > columns {
        truncated = true
        return false
      }
      clusters.append(Cluster(text: cluster, columns: width))
      used += width
      return true
    }
    if truncated {
      while used > columns - 1, let last = clusters.popLast() { used -= last.columns }
    }
    return (clusters, used, truncated)
  }

  /// Word-wraps text into lines of at most `columns`: line breaks in the text start new lines (an empty
  /// line stays empty), lines break at spaces, next to wide (CJK) characters, and inside a word only
  /// when the word alone is wider than the line. Spaces at a break are dropped. The basic kinsoku rules
  /// hold (UAX #14's classes CL, CP, NS, EX, IS and OP): never a break before closing punctuation, small
  /// kana or the prolonged sound mark (、。」ッー), nor after opening punctuation (「（).
  public static func wrap(_ text: String, columns: Int) -> [String] {
    guard columns > 0, !text.isEmpty else { return [] }
    var lines: [String] = []
    var paragraph = ""
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n" where previousWasCR:
        break
      case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}":
        wrapParagraph(paragraph, columns: columns, into: &lines)
        paragraph = ""
      default:
        paragraph.unicodeScalars.append(scalar)
      }
      previousWasCR = scalar == "\r"
    }
    wrapParagraph(paragraph, columns: columns, into: &lines)
    return lines
  }

  private static func wrapParagraph(_ paragraph: String, columns: Int, into lines: inout [String]) {
    var line = ""
    var lineColumns = 0
    var word = ""
    var wordColumns = 0
    var spaceBeforeWord = false
    var pendingSpace = false

    func flushLine() {
      lines.append(line)
      line = ""
      lineColumns = 0
    }

    // Places one unbreakable piece (a word, or one wide character) on the current line or the next.
    func place(_ piece: String, _ pieceColumns: Int, spaced: Bool) {
      let gap = (spaced && lineColumns > 0) ? 1 : 0
      if lineColumns + gap + pieceColumns <= columns {
        if gap > 0 { line += " " }
        line += piece
        lineColumns += gap + pieceColumns
        return
      }
      if lineColumns > 0 { flushLine() }
      if pieceColumns <= columns {
        line = piece
        lineColumns = pieceColumns
        return
      }
      // A word wider than the line: hard-break it at cluster boundaries.
      // A character wider than the whole line (東 in 1 column) shows as the ellipsis instead.
      DisplayWidth.forEachCluster(in: piece) { cluster, clusterWidth in
        let (cluster, width) = clusterWidth > columns ? (ellipsis, 1) : (cluster, clusterWidth)
        if lineColumns + width > columns, lineColumns > 0 { flushLine() }
        line += cluster
        lineColumns += width
        return true
      }
    }

    func flushWord() {
      guard wordColumns > 0 else { return }
      place(word, wordColumns, spaced: spaceBeforeWord)
      word = ""
      wordColumns = 0
    }

    var last: (cluster: String, width: Int)?
    DisplayWidth.forEachCluster(in: paragraph) { cluster, width in
      if cluster == " " {
        flushWord()
        pendingSpace = true
        last = nil
        return true
      }
      // Wide characters (CJK) are words of their own, so lines may break before and after them, unless
      // kinsoku glues them to their neighbour.
      if let last, wordColumns > 0, last.width >= 2 || width >= 2,
        !LineBreakClass.opens(last.cluster), !LineBreakClass.closes(cluster)
      {
        flushWord()
      }
      if wordColumns == 0 {
        spaceBeforeWord = pendingSpace
        pendingSpace = false
      }
      word += cluster
      wordColumns += width
      last = (cluster, width)
      return true
    }
    flushWord()
    lines.append(line)
  }
}

/// The few line-breaking classes of UAX #14 that the basic kinsoku rules need.
enum LineBreakClass {
  /// No break before these: closing punctuation (CL, CP), non-starters (NS: small kana, the prolonged
  /// sound mark, iteration marks), exclamation and question marks (EX), infix separators (IS) and
  /// ellipses (IN).
  static let closing: Set<Unicode.Scalar> = Set(
    ("、。，．）」』】〕〉》〙〗〟｝］｠’”〞ヽヾゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ々〻゠〜～"
      + "？！‼⁇⁈⁉・：；,.)]}!?:;…‥").unicodeScalars)
  /// No break after these: opening punctuation (OP) and opening quotation marks.
  static let opening: Set<Unicode.Scalar> = Set("（「『【〔〈《〘〖〝｛［｟‘“([{".unicodeScalars)

  static func closes(_ cluster: String) -> Bool {
    cluster.unicodeScalars.first.map { closing.contains($0) || (0x31F0...0x31FF).contains($0.value) } ?? false
  }

  static func opens(_ cluster: String) -> Bool {
    cluster.unicodeScalars.first.map { opening.contains($0) } ?? false
  }
}
