// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "newsreader",
  // No `platforms`: the code uses Glibc, /proc and inotify, so it builds on Linux only; claiming macOS
  // would promise a build that does not exist.
  products: [
    .executable(name: "newsreader", targets: ["newsreader"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
  ],
  targets: [
    // C libraries, through system-library targets.
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .systemLibrary(
      name: "CNCursesW",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
    ),
    .systemLibrary(name: "CWidth"),
    // statfs, for recognizing pseudo-file systems (header-only).
    .systemLibrary(name: "CFileSystem"),
    .systemLibrary(
      name: "CLZ4",
      pkgConfig: "liblz4",
      providers: [.apt(["liblz4-dev"]), .brew(["lz4"])]
    ),

    // Records, loading, sanitizing, filtering: no UI.
    .target(name: "NewsCore", dependencies: ["CLibYAML", "CFileSystem", "CLZ4"]),
    // What persists: reading state in SQLite through GRDB; plain values in and out, no UI.
    // GRDBSQLite (GRDB's own module for the system libsqlite3) for the one hot loop: the marks read at
    // start, column by column straight off the statement rather than through GRDB's generic rows.
    .target(
      name: "NewsStore",
      dependencies: [
        .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    // File watching: inotify on every opened directory, coalesced, with a stat-rescan fallback; no UI.
    .target(name: "NewsWatch", dependencies: ["NewsCore", "CFileSystem"]),
    // The config file: settings table, key-binding and view sections, parsed with positions; no UI.
    .target(name: "ReaderConfig", dependencies: ["NewsCore", "ScreenKit"]),
    // The whole reader state as a value, actions and effects: no terminal, no I/O.
    .target(name: "ReaderState", dependencies: ["NewsCore"]),
    // Cells, grids, keys, display width, the Screen protocol and a headless screen.
    .target(name: "ScreenKit", dependencies: ["CWidth"]),
    // Key map, themes, layout, pane renderers and the run loop over any Screen.
    .target(name: "ReaderView", dependencies: ["ReaderState", "ScreenKit", "NewsCore", "ReaderConfig"]),
    // The only ncurses user.
    .target(name: "CursesScreen", dependencies: ["ScreenKit", "CNCursesW"]),
    .executableTarget(
      name: "newsreader",
      dependencies: [
        "NewsCore", "NewsStore", "ReaderState", "ScreenKit", "ReaderView", "CursesScreen", "ReaderConfig",
        "NewsWatch", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "NewsBench",
      dependencies: [
        "NewsCore", "NewsStore", "NewsWatch", "CLibYAML", "ReaderState", "ReaderView", "ScreenKit",
      ]
    ),

    .testTarget(name: "NewsCoreTests", dependencies: ["NewsCore"]),
    .testTarget(
      name: "NewsStoreTests", dependencies: ["NewsStore", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(name: "NewsWatchTests", dependencies: ["NewsWatch", "NewsCore"]),
    .testTarget(name: "ReaderStateTests", dependencies: ["ReaderState", "NewsCore"]),
    .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit"]),
    .testTarget(name: "ReaderConfigTests", dependencies: ["ReaderConfig", "NewsCore", "ScreenKit"]),
    .testTarget(
      name: "ReaderViewTests",
      dependencies: ["ReaderView", "ReaderState", "ScreenKit", "NewsCore", "ReaderConfig"],
      exclude: ["Goldens"]),
    // Shared by the tests that run the built binary.
    .target(name: "TestSupport", path: "Tests/Support"),
    .testTarget(
      name: "NewsreaderCLITests",
      dependencies: [
        "NewsCore", "NewsStore", "ReaderConfig", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    // The real binary in tmux, and the executable's effects (clipboard programs, browser).
    .testTarget(name: "EndToEndTests", dependencies: ["newsreader", "TestSupport"]),
  ]
)
