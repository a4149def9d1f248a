/// What a story row shows: its lead article, how many outlets and languages cover it, and when.
public struct StorySummary: Sendable, Hashable {
  public var id: StoryID
  /// Article indices of the story's members, ascending.
  public var members: [Int]
  /// The article whose headline leads: the earliest in the first preferred language that has one, else
  /// the earliest article.
  public var lead: Int
  /// Distinct outlets (provider names, else domains, case-insensitively) among the members.
  public var outletCount: Int
  /// Distinct languages (see `StoryLanguage`) among the members.
  public var languageCount: Int
  /// The members' earliest and latest dates (seconds since 1970), nil when none has a readable date.
  public var dateRange: ClosedRange<Double>?
}

extension StoryIndex {
  /// The summary of `story`, its lead chosen by `preferredLanguages` (codes, best first; a code also
  /// matches its regional forms, `zh` matching `zh-yue`, after the exact ones).
  public func summary(of story: Story, preferredLanguages: [String] = []) -> StorySummary {
    let key = SummaryKey(story: story.id, languages: preferredLanguages)
    if let known = summaries.withLock({ $0[key] }) { return known }
    let made = makeSummary(of: story, preferredLanguages: preferredLanguages)
    summaries.withLock { $0[key] = made }
    return made
  }

  private func makeSummary(of story: Story, preferredLanguages: [String]) -> StorySummary {
    var outlets: Set<String> = []
    var languages: Set<String> = []
    var earliest: Double?
    var latest: Double?
    var memberLanguages: [String?] = []
    memberLanguages.reserveCapacity(story.members.count)
    for index in story.members {
      let item = articles[index].item
      if let outlet = item.provider?.name ?? item.provider?.domain, !outlet.isEmpty {
        outlets.insert(outlet.lowercased())
      }
      let language = StoryLanguage.of(item)
      if let language { languages.insert(language) }
      memberLanguages.append(language)
      if let seconds = item.publishedDateTime?.secondsSince1970 {
        earliest = min(earliest ?? seconds, seconds)
        latest = max(latest ?? seconds, seconds)
      }
    }
    let byDate = story.members.indices.sorted { lhs, rhs in
      let left = articles[story.members[lhs]].item.publishedDateTime?.secondsSince1970
      let right = articles[story.members[rhs]].item.publishedDateTime?.secondsSince1970
      switch (left, right) {
      case (let left?, let right?) where left != right: return left < right
      case (nil, _?): return false
      case (_?, nil): return true
      default: return lhs < rhs
      }
    }
    var lead = story.members[byDate[0]]
    search: for wanted in preferredLanguages.map({ $0.lowercased() }) {
      for exact in [true, false] {
        if let position = byDate.first(where: { position in
          guard let language = memberLanguages[position] else { return false }
          return exact ? language == wanted : language.hasPrefix(wanted + "-")
        }) {
          lead = story.members[position]
          break search
        }
      }
    }
    return StorySummary(
      id: story.id, members: story.members, lead: lead, outletCount: outlets.count,
      languageCount: languages.count,
      dateRange: earliest.flatMap { low in latest.map { low...$0 } })
  }
}
