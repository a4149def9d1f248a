import Foundation

extension Benchmark {
  /// Our own start, as `measureFirstScreen` timed it in this run: what the peer rows are divided by.
  struct OwnStart {
    /// The medians of "start to records listed", in seconds, or nil when not measured.
    var warmSeconds: Double?
    var coldSeconds: Double?
  }

  /// sfeed_curses on one TSV file and newsboat on one imported Atom feed of the same records, each started
  /// on a pseudo-terminal until its full list shows (issue 11); a peer that is not installed gives rows
  /// that say so.
  mutating func measurePeerStarts(directory: String, files: CorpusFiles, ours: OwnStart) {
    let records = files.paths.count
    let installed = PeerStart.Peer.allCases.filter(\.isInstalled)
    for peer in PeerStart.Peer.allCases where !installed.contains(peer) {
      rows += unmeasured(peer, records: records, reason: peer.notInstalled)
    }
    // Converting 100,000 records takes minutes: not for peers that are not there.
    guard !installed.isEmpty else { return }
    let out = PeerStart.feedDirectory(corpusRoot: options.corpusRoot, corpus: directory)
    progress("peer feeds \(records): converting into \(out) (cached while the corpus is unchanged)")
    let feeds: PeerStart.Feeds
    switch PeerStart.convert(script: "\(options.scripts)/peer_feeds.py", corpus: directory, out: out) {
    case .failure(let failure):
      problems.append("converting the corpus for the peers: \(failure.reason)")
      rows += installed.flatMap { unmeasured($0, records: records, reason: failure.reason) }
      return
    case .success(let answer):
      feeds = answer
    }
    guard let tsv = feeds.tsv, let atom = feeds.atom, let converted = feeds.records else {
      let reason = feeds.missing ?? feeds.error ?? "peer_feeds.py wrote no feed files"
      if feeds.missing == nil { problems.append("converting the corpus for the peers: \(reason)") }
      rows += installed.flatMap { unmeasured($0, records: records, reason: reason) }
      return
    }
    if converted != records {
      problems.append(
        "peer_feeds.py converted \(converted) records of \(records) files (\(feeds.unreadable ?? 0) unreadable)"
      )
    }
    progress(
      "peer feeds \(records): \(feeds.cached == true ? "cached" : "written") in "
        + String(format: "%.1f s", feeds.seconds ?? 0))
    for peer in installed {
      let feed = peer == .sfeedCurses ? tsv : atom
      let imports = peer == .newsboat ? options.peerRepetitions ?? 1 : 0
      progress(
        "peer \(peer.rawValue) \(records): \(imports > 0 ? "\(imports) imports, " : "")"
          + "\(options.repetitions) starts")
      switch PeerStart.run(
        script: "\(options.scripts)/peer_screen.py", peer: peer, feed: feed, records: converted,
        repetitions: options.repetitions, imports: imports)
      {
      case .failure(let failure):
        problems.append("\(peer.rawValue): \(failure.reason)")
        rows += unmeasured(peer, records: records, reason: failure.reason)
      case .success(let answer):
        rows += peerRows(peer, answer: answer, records: records, corpusBytes: files.byteCount, ours: ours)
      }
    }
  }

  /// The rows of one peer's answer; a peer that failed while installed is a problem of the run.
  private mutating func peerRows(
    _ peer: PeerStart.Peer, answer: PeerStart.Answer, records: Int, corpusBytes: Int, ours: OwnStart
  ) -> [BenchRow] {
    if let missing = answer.missing { return unmeasured(peer, records: records, reason: missing) }
    if let error = answer.error {
      let screen = (answer.screen ?? []).prefix(FirstScreen.screenLines).map {
        "  | \($0.trimmingCharacters(in: .whitespaces))"
      }
      problems.append(
        (["\(peer.rawValue) over the converted corpus: \(error); its screen began:"] + screen)
          .joined(separator: "\n"))
    }
    let failedExits = (answer.exitStatuses ?? []).filter { $0 != 0 }
    let exits = failedExits.isEmpty ? "" : "; exit statuses \(failedExits) after quitting"
    let version = answer.version.map { "\($0); " } ?? ""
    let window = "\(answer.columns ?? 0)x\(answer.rows ?? 0)"
    var result: [BenchRow] = []
    if peer == .newsboat {
      let (key, label) = ("\(peer.keyPrefix)_import_seconds", "peer: newsboat import (-x reload)")
      if let samples = answer.importSeconds, !samples.isEmpty {
        let seconds = Stopwatch.median(samples)
        result.append(
          BenchRow(
            key: key, label: label, records: records, value: seconds, unit: "s",
            ratio: ours.coldSeconds.map { seconds / $0 }, ratioTo: "our cold start",
            note: "\(version)median of \(samples.count); one Atom file of \(records) entries via file:// "
              + "into a fresh cache"))
      } else {
        result.append(
          .notMeasured(
            key: key, label: label, records: records, unit: "s", reason: answer.error ?? "no timings"))
      }
      result.append(
        FirstScreen.peakRow(
          key: "\(peer.keyPrefix)_import_peak_mib", label: "peer: newsboat import peak memory",
          records: records, kibibytes: answer.importPeakKb ?? [], corpusBytes: corpusBytes,
          what: "the imports", source: "ru_maxrss"))
    }
    let (key, label) = ("\(peer.keyPrefix)_listed_seconds", "peer: \(peer.rawValue) start to full list")
    if let samples = answer.listedMs, let slowest = samples.max() {
      let seconds = Stopwatch.median(samples) / 1000
      // sfeed_curses is held to our warm start, newsboat (reading its own cache) to our cold one.
      let (reference, referenceName) =
        peer == .sfeedCurses ? (ours.warmSeconds, "our warm start") : (ours.coldSeconds, "our cold start")
      let event =
        peer == .sfeedCurses
        ? "the sidebar counts \(records) and the items are drawn; one TSV file"
        : "Enter on the feed list, then the title counts \(records) total; its imported cache"
      result.append(
        BenchRow(
          key: key, label: label, records: records, value: seconds, unit: "s",
          ratio: reference.map { seconds / $0 }, ratioTo: referenceName,
          note: "\(version)median of \(samples.count) starts (slowest "
            + "\(String(format: "%.3f", slowest / 1000)) s) on a \(window) pseudo-terminal until \(event)\(exits)"
        ))
    } else {
      result.append(
        .notMeasured(
          key: key, label: label, records: records, unit: "s", reason: answer.error ?? "no timings"))
    }
    result.append(
      FirstScreen.peakRow(
        key: "\(peer.keyPrefix)_peak_mib", label: "peer: \(peer.rawValue) peak memory at full list",
        records: records, kibibytes: answer.peakResidentKb ?? [], corpusBytes: corpusBytes,
        what: "the starts when the full list was shown"))
    return result
  }

  /// Every row of `peer`, each saying why it has no figure.
  private func unmeasured(_ peer: PeerStart.Peer, records: Int, reason: String) -> [BenchRow] {
    var keys: [(String, String, String)] = []
    if peer == .newsboat {
      keys.append(("\(peer.keyPrefix)_import_seconds", "peer: newsboat import (-x reload)", "s"))
      keys.append(("\(peer.keyPrefix)_import_peak_mib", "peer: newsboat import peak memory", "MiB"))
    }
    keys.append(("\(peer.keyPrefix)_listed_seconds", "peer: \(peer.rawValue) start to full list", "s"))
    keys.append(("\(peer.keyPrefix)_peak_mib", "peer: \(peer.rawValue) peak memory at full list", "MiB"))
    return keys.map { .notMeasured(key: $0.0, label: $0.1, records: records, unit: $0.2, reason: reason) }
  }
}
