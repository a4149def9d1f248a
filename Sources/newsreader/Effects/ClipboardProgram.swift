#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The desktop clipboard program to use besides OSC 52, chosen from the environment.
struct ClipboardProgram: Sendable, Equatable {
  /// The name users know it by, for the status bar ("xclip").
  var name: String
  var arguments: [String]

  /// wl-copy under Wayland, xclip or xsel under X11, pbcopy on macOS; nil without a display or program.
  static func detect(
    environment: [String: String], isInstalled: (String) -> Bool = { ExternalProgram.isInstalled($0) }
  ) -> ClipboardProgram? {
    var candidates: [ClipboardProgram] = []
    if let wayland = environment["WAYLAND_DISPLAY"], !wayland.isEmpty {
      candidates.append(ClipboardProgram(name: "wl-copy", arguments: ["wl-copy"]))
    }
    if let display = environment["DISPLAY"], !display.isEmpty {
      candidates.append(
        ClipboardProgram(name: "xclip", arguments: ["xclip", "-selection", "clipboard", "-in"]))
      candidates.append(ClipboardProgram(name: "xsel", arguments: ["xsel", "--clipboard", "--input"]))
    }
    #if os(macOS)
      candidates.append(ClipboardProgram(name: "pbcopy", arguments: ["pbcopy"]))
    #endif
    return candidates.first { isInstalled($0.arguments[0]) }
  }

  /// Hands `text` to the program without waiting for it.
  func copy(_ text: String, completion: (@Sendable (Bool) -> Void)? = nil) -> Bool {
    ExternalProgram(arguments: arguments).start(input: Array(text.utf8), completion: completion)
  }
}
