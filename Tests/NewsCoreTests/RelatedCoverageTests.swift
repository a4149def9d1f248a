@testable import NewsCore
import Testing

/// Related coverage packed in one text: every field of every item reads back as it was given, fields read in
/// place agree with the items, and a text the writer could not have written is refused.
@Suite struct RelatedCoverageTests {
  /// Items that between them set every field, leave each one out, and hold the bytes the packing uses.
  static let items: [RelatedItem] = {
    let full = LoadIndexTests.everyFieldArticle().item
    var tricky = NewsItem(
      title: "12:~~:3", excerpt: "", category: "~", type: ":", originalUrl: "0:",
      webUrl: "https://a.example/~x",
      ampWebUrl: "9", cdnAmpWebUrl: "", quality: -1, heat: 0, published: true,
      provider: Provider(name: nil, domain: "", images: [ImageRef(url: "", width: 0, height: nil)]),
      topics: ["", "~", "Москва"], images: [ImageRef(), ImageRef(isCached: false)],
      extraFields: [ExtraField(key: "", value: "~"), ExtraField(key: "k:1", value: "v\nw")])
    tricky.publishedDateTime = NewsDate(text: "", secondsSince1970: nil)
    var undated = full
    undated.publishedDateTime = nil
    undated.provider = Provider()
    var oddDate = full
    oddDate.publishedDateTime = NewsDate(text: "2021-03-11 17:13 local", secondsSince1970: -62_135_596_800)
    oddDate.quality = Int.max
    oddDate.heat = Int.min
    return [full, NewsItem(), tricky, undated, oddDate, NewsItem(title: "only a title")]
  }()

  @Test func everyItemReadsBackAsGiven() {
    let coverage = RelatedCoverage(Self.items)
    #expect(coverage.count == Self.items.count)
    #expect(Array(coverage) == Self.items)
    for (position, item) in Self.items.enumerated() { #expect(coverage[position] == item) }
    #expect(coverage.map(\.publishedDateTime) == Self.items.map(\.publishedDateTime))
  }

  @Test func fieldsReadInPlaceAgreeWithTheItems() {
    let coverage = RelatedCoverage(Self.items)
    for (position, item) in Self.items.enumerated() {
      let expected: [RelatedCoverage.Field: String?] = [
        .title: item.title, .excerpt: item.excerpt, .category: item.category, .type: item.type,
        .originalUrl: item.originalUrl, .webUrl: item.webUrl, .ampWebUrl: item.ampWebUrl,
        .cdnAmpWebUrl: item.cdnAmpWebUrl, .providerName: item.provider?.name,
        .providerDomain: item.provider?.domain,
      ]
      for field in RelatedCoverage.Field.allCases {
        #expect(coverage.text(field, of: position) == expected[field]!, "\(field) of item \(position)")
        let bytes = coverage.withText(field, of: position) { $0.map { Array($0) } }
        #expect(bytes == expected[field]!.map { Array($0.utf8) })
      }
    }
  }

  @Test func noneIsEmptyAndEqualToALiteral() {
    let none = RelatedCoverage([])
    #expect(none.isEmpty)
    #expect(none.packed.isEmpty)
    #expect(none == [])
    #expect(Array(none) == [])
    #expect(RelatedCoverage(packed: "") == none)
  }

  @Test func theSameItemsMakeTheSameCoverageAndOthersDoNot() {
    #expect(RelatedCoverage(Self.items) == RelatedCoverage(Self.items))
    #expect(RelatedCoverage(Self.items).hashValue == RelatedCoverage(Self.items).hashValue)
    var changed = Self.items
    changed[3].excerpt = (changed[3].excerpt ?? "") + "."
    #expect(RelatedCoverage(changed) != RelatedCoverage(Self.items))
    // Text that only normalizes the same is other text: "é" precomposed and decomposed stay apart.
    #expect(
      RelatedCoverage([NewsItem(title: "caf\u{E9}")]) != RelatedCoverage([NewsItem(title: "cafe\u{301}")]))
    #expect(RelatedCoverage(Self.items.dropLast()) != RelatedCoverage(Self.items))
  }

  @Test func packedTextReadsBackAsTheSameCoverage() throws {
    let coverage = RelatedCoverage(Self.items)
    let again = try #require(RelatedCoverage(packed: coverage.packed))
    #expect(again == coverage)
    #expect(Array(again) == Self.items)
  }

  /// Every cut of the packed text and every byte changed to one the format gives meaning to is refused, or
  /// read as items that are themselves well formed: never a trap.
  @Test func damagedTextIsRefusedNotTrusted() {
    let packed = Array(RelatedCoverage(Self.items).packed.utf8)
    var refusedCuts = 0
    for cut in 1..<packed.count {
      let text = String(decoding: packed[..<cut], as: UTF8.self)
      if RelatedCoverage(packed: text) == nil { refusedCuts += 1 }
    }
    // A cut can only fall at an item's end and still be whole: one per item but the last.
    #expect(refusedCuts >= packed.count - 1 - Self.items.count)
    for position in stride(from: 0, to: packed.count, by: 3) {
      for replacement in [UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "9"), UInt8(ascii: "x")] {
        var damaged = packed
        damaged[position] = replacement
        guard let coverage = RelatedCoverage(packed: String(decoding: damaged, as: UTF8.self)) else {
          continue
        }
        for item in coverage { _ = item.title }
        for field in RelatedCoverage.Field.allCases {
          _ = coverage.indices.map { coverage.text(field, of: $0) }
        }
      }
    }
    #expect(RelatedCoverage(packed: "3:abc") == nil)  // an item that is not an item's slots
    #expect(RelatedCoverage(packed: "99999999999999999999:") == nil)
    #expect(RelatedCoverage(packed: "~") == nil)
  }

  /// A date's seconds must be in the years the model allows, as the index checks for a record's own date.
  @Test func aDateOutOfRangeIsRefused() {
    var item = NewsItem(title: "t")
    item.publishedDateTime = NewsDate(canonicalSecondsSince1970: 1_000)
    let packed = RelatedCoverage([item]).packed
    let bits = String(Double(1_000).bitPattern, radix: 16)
    let huge = String(Double(1e300).bitPattern, radix: 16)
    #expect(packed.contains(bits))
    let outOfRange = String(packed.replacing(bits, with: huge))
    // The item's own byte count is unchanged: both patterns are 16 hexadecimal digits.
    #expect(RelatedCoverage(packed: outOfRange) == nil)
  }
}
