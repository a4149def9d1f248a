internal import CWidth

#if canImport(Glibc)
  import Glibc
#endif

/// Display width in terminal columns, as ncursesw and tmux count it: `wcwidth` summed over each grapheme cluster.
enum TextColumns {
  /// Sets the locale from the environment, falling back to C.UTF-8 so `wcwidth` knows wide characters.
  static func prepareLocale() {
    setlocale(LC_ALL, "")
    let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
    if codeset != "UTF-8" { setlocale(LC_ALL, "C.UTF-8") }
  }

  /// Columns of one grapheme cluster (never negative).
  static func columns(of character: Character) -> Int {
    var total = 0
    for scalar in character.unicodeScalars { total += max(0, Int(cwidth_wcwidth(scalar.value))) }
    return total
  }

  static func columns(of text: String) -> Int {
    text.reduce(0) { $0 + columns(of: $1) }
  }

  /// `text` cut at a grapheme boundary to at most `width` columns (with "…" when cut), then padded with spaces.
  static func fit(_ text: String, width: Int) -> String {
    var used = 0
    var output = ""
    let total = columns(of: text)
    if total <= width { return text + String(repeating: " ", count: width - total) }
    for character in text {
      let columns = columns(of: character)
      if used + columns > width - 1 { break }
      output.append(character)
      used += columns
    }
    output += "…"
    used += 1
    return output + String(repeating: " ", count: max(0, width - used))
  }
}
