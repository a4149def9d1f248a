import Testing

@testable import NewsCore

/// `URLPolicy.isOpenable` decides ASCII URLs on their bytes; it must agree with the scalar-by-scalar rule on
/// every string.
@Suite struct URLPolicyFastPathTests {
  static let hostile: [String] = [
    "", "h", "http://", "https://", "http:/", "https:", "http://a", "https://a", "HTTPS://A", "HtTp://x/y",
    "http:///path", "https:///", "http://?q", "https://#f", "http://:80", "https://@host", "http://a:b@host",
    "http://host/ path", "http://host/\tx", "http://host\n", "\nhttp://host", "http://host\r\n",
    "http://ho\u{7F}st", "http://host\u{0}", "http://host/\u{1B}[31m", " https://host", "https://host ",
    "ftp://host", "javascript:alert(1)", "data:text/html,x", "mailto:a@b", "file:///etc/passwd",
    "httpss://host", "http//host", "http:\\\\host", "https:/\u{200B}/host", "https://h\u{85}ost",
    "https://h\u{A0}ost", "https://h\u{2028}ost", "https://h\u{9B}31m", "https://ünïcode.example/",
    "https://例え.jp/パス", "https://host/\u{202E}gpj.exe", "https://host/e\u{301}", "http\u{301}://host",
    "https:/\u{301}/host", "https://\u{301}host", "https://host/\u{FEFF}", "https://host/\u{3000}",
    "https://host/\u{1680}", "ｈｔｔｐｓ://host", "\u{212A}ttp://host", "https://\u{0}", "http://\u{7F}",
    "https://host/path?query=1#fragment", "http://127.0.0.1:8080/", "https://[::1]/", "HTTP://EXAMPLE.ORG",
    "https://host/\r", "https://host/\u{C}", "https://host/\u{B}", "https://host/~!$&'()*+,;=%20",
  ]

  @Test func agreesWithTheGeneralRuleOnHostileStrings() {
    for url in Self.hostile {
      #expect(URLPolicy.isOpenable(url) == URLPolicy.isOpenableGeneral(url), "\(url.debugDescription)")
    }
  }

  /// Every string of up to four characters after each scheme prefix, over an alphabet of the bytes the
  /// rules look at, plus seeded random ASCII strings.
  @Test func agreesWithTheGeneralRuleOnGeneratedStrings() {
    let alphabet: [String] = [
      "a", "Z", "/", "?", "#", ":", "@", " ", "\t", "\n", "\r", "\u{0}", "\u{7F}", "~", "%", "\u{E9}",
      "\u{85}",
    ]
    var tails: [String] = [""]
    for _ in 0..<3 { tails = tails + tails.flatMap { tail in alphabet.map { tail + $0 } } }
    var checked = 0
    for prefix in ["", "http://", "https://", "HTTP://", "hTtPs://", "http:/", "https:"] {
      for tail in Set(tails) {
        let url = prefix + tail
        #expect(URLPolicy.isOpenable(url) == URLPolicy.isOpenableGeneral(url), "\(url.debugDescription)")
        checked += 1
      }
    }
    var state: UInt64 = 0x1234_5678
    for _ in 0..<5_000 {
      var bytes: [UInt8] = Array(["http://", "https://", "HTTPS://", ""][Int(state % 4)].utf8)
      for _ in 0..<Int(state >> 60) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(UInt8(truncatingIfNeeded: state >> 33) & 0x7F)
      }
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let url = String(decoding: bytes, as: UTF8.self)
      #expect(URLPolicy.isOpenable(url) == URLPolicy.isOpenableGeneral(url), "\(url.debugDescription)")
      checked += 1
    }
    #expect(checked > 10_000)
  }

  @Test func decidesTheCommonCases() {
    #expect(URLPolicy.isOpenable("https://example.org/a"))
    #expect(URLPolicy.isOpenable("HTTP://example.org"))
    #expect(!URLPolicy.isOpenable("https://example.org/a b"))
    #expect(!URLPolicy.isOpenable("https:///a"))
    #expect(!URLPolicy.isOpenable("javascript:alert(1)"))
    #expect(Array("https://é".utf8).withUnsafeBufferPointer { URLPolicy.isOpenableASCII($0) } == nil)
  }
}
