import NewsCore
import Testing

/// Dates in their canonical form are stored as the instant only; every date still gives back its text.
@Suite struct DateStorageTests {
  static let seconds = 1_615_482_780.0  // 2021-03-11T17:13:00Z

  @Test(arguments: [
    ("2021-03-11T17:13:00Z", true),
    ("2021-03-11T17:13:00+00:00", false),
    ("2021-03-11 17:13:00Z", false),
    ("2021-03-11T17:13:01Z", false),
    ("2021-03-12T17:13:00Z", false),
    ("2022-03-11T17:13:00Z", false),
    ("2021-03-11T17:13:00z", false),
  ])
  func canonicalFormIsRecognizedByteForByte(text: String, canonical: Bool) {
    let bytes = Array(text.utf8)
    let result = bytes.withUnsafeBufferPointer { DateParser.isCanonical($0, seconds: Self.seconds) }
    #expect(result == canonical)
  }

  @Test func fractionalInstantsAreNeverCanonicalInTheShortForm() {
    let bytes = Array("2021-03-11T17:13:00Z".utf8)
    #expect(!bytes.withUnsafeBufferPointer { DateParser.isCanonical($0, seconds: Self.seconds + 0.25) })
  }

  @Test(arguments: [
    "2021-03-11T17:13:00Z", "2021-03-11T17:13:00.250Z", "2021-03-11 18:13:00 +01:00", "1615482780",
    "last Tuesday",
  ])
  func everyDateGivesBackItsText(text: String) {
    let seconds = DateParser.secondsSince1970(text)
    let date = NewsDate(text: text, secondsSince1970: seconds)
    #expect(date.text == text)
    #expect(date.secondsSince1970 == seconds)
  }

  @Test func storageDoesNotChangeEquality() {
    let canonical = NewsDate(canonicalSecondsSince1970: Self.seconds)
    #expect(canonical == NewsDate(text: "2021-03-11T17:13:00Z", secondsSince1970: Self.seconds))
    #expect(canonical.text == "2021-03-11T17:13:00Z")
    var edited = canonical
    edited.text = "11 March 2021"
    #expect(edited != canonical)
    #expect(edited.text == "11 March 2021")
    edited.text = "2021-03-11T17:13:00Z"
    #expect(edited == canonical)
  }
}
