import Foundation
import Testing

@testable import ReaderState

/// The zone offsets the timeline counts days with, found at each transition of the span: they must be the
/// zone's own at every instant, across daylight saving time, half-hour changes and changes of a zone's
/// standard offset.
@Suite struct ZoneOffsetsTests {
  @Test(arguments: [
    "Europe/Paris", "America/Sao_Paulo", "Australia/Lord_Howe", "Europe/Moscow", "Asia/Kolkata",
  ])
  func everyInstantHasTheZonesOwnOffset(_ name: String) throws {
    let zone = try #require(TimeZone(identifier: name))
    // 2009 to 2016, through Moscow's change to a permanent +4 in 2011 and back to +3 in 2014; every 37
    // minutes, so instants fall on each side of every transition.
    let instants = stride(from: 1_230_768_000.0, through: 1_483_228_800, by: 37 * 60)
    let offsets = ZoneOffsets(zone, over: instants)
    for seconds in instants {
      #expect(
        offsets.offset(at: seconds) == zone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)),
        "\(name) at \(seconds)")
    }
    // Just before and at a transition.
    if let transition = zone.nextDaylightSavingTimeTransition(
      after: Date(timeIntervalSince1970: 1_300_000_000))
    {
      let at = transition.timeIntervalSince1970
      #expect(offsets.offset(at: at) == zone.secondsFromGMT(for: transition))
      #expect(offsets.offset(at: at - 1) == zone.secondsFromGMT(for: Date(timeIntervalSince1970: at - 1)))
    }
  }

  @Test func instantsOutsideTheSpanAndUndatedOnesAreAskedOfTheZone() throws {
    let paris = try #require(TimeZone(identifier: "Europe/Paris"))
    let offsets = ZoneOffsets(paris, over: [1_600_000_000, .nan, 1_600_100_000])
    // July 2000 (summer time) and January 2030, both outside the span given.
    #expect(offsets.offset(at: 962_409_600) == 7_200)
    #expect(offsets.offset(at: 1_893_456_000) == 3_600)
    let none = ZoneOffsets(paris, over: [Double.nan])
    #expect(none.offset(at: 962_409_600) == 7_200)
  }
}
