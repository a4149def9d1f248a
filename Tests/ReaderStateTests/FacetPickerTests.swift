import NewsCore
import ReaderState
import Testing

@Suite struct FacetPickerTests {
  @Test func theProviderPickerCountsAmongTheListedAndWritesATerm() {
    var model = Fixtures.model()
    model.apply(.startSearch, now: 0)
    model.apply(.searchInsert("storm"), now: 0)
    model.apply(.commitSearch, now: 0)
    model.apply(.showFacetPicker(.provider), now: 0)
    #expect(model.overlays.current == .facetPicker(.provider))
    let rows = model.facetPickerRows
    // Every provider of the catalog (each has one article; ties by name), counted among a and c.
    #expect(rows.map(\.value) == ["Al Ahram", "BBC", "Le Monde", "NHK", "Reuters"])
    #expect(rows.map(\.count) == [0, 1, 1, 0, 0] && !rows.contains(where: \.isActive))
    model.apply(.move(.down), now: 0)
    model.apply(.togglePickerFacet, now: 0)
    #expect(model.listing.queryText == "storm provider:\"BBC\"" && Fixtures.ids(model) == ["c"])
    #expect(model.facetPickerRows.map(\.count) == [0, 1, 0, 0, 0] && model.facetPickerRows[1].isActive)
    model.apply(.togglePickerFacet, now: 0)
    #expect(model.listing.queryText == "storm" && Fixtures.ids(model) == ["a", "c"])
  }

  @Test func aFacetPickerOutsideASearchKeepsTheQuery() {
    var model = Fixtures.model()
    model.apply(.showFacetPicker(.provider), now: 0)
    model.apply(.togglePickerFacet, now: 0)
    #expect(model.search.mode == .applied && Fixtures.ids(model) == ["d"])
    model.apply(.closeOverlay, now: 0)
    #expect(model.overlays == OverlayState() && model.listing.queryText == "provider:\"Al Ahram\"")
  }

  @Test func togglingIsIgnoredWithoutAFacetPicker() {
    var model = Fixtures.model()
    expectApply(&model, .togglePickerFacet)
  }
}
