import DocumentModel
@testable import Extraction
import Testing

/// Datelines in the forms agencies write them: the place is found and cut from the lede.
struct DatelineTests {
    @Test(arguments: [
        ("GENEVA (25 April 2018) – The council met on Wednesday to approve a plan for the water network.", "GENEVA"),
        ("UNITED NATIONS (AFP) - The council met on Wednesday to approve a plan for the water network.", "UNITED NATIONS"),
        ("SEOUL, Oct 25 (Reuters) - The council met on Wednesday to approve a plan for the water network.", "SEOUL"),
        ("HAMBURG — The council met on Wednesday to approve a plan for the water network.", "HAMBURG"),
        ("PORTLAND, Ore. (AP) — The council met on Wednesday to approve a plan for the water network.", "PORTLAND"),
        ("GHENT, Belgium — The council met on Wednesday to approve a plan for the water network.", "GHENT"),
        ("SAN JUAN, Puerto Rico (AP) — The council met on Wednesday to approve a plan for the water network.", "SAN JUAN"),
        ("ALBANY, N.Y. - The council met on Wednesday to approve a plan for the water network.", "ALBANY"),
    ])
    func findsPlaceAndCutsIt(_ lede: String, _ place: String) throws {
        let document = try Ingestor().ingest(text: "Council meets\n\n\(lede)", id: "d")
        #expect(document.dateline == place)
        #expect(document.paragraphs.first?.text == "The council met on Wednesday to approve a plan for the water network.")
    }

    /// A lede that merely starts with capitals and a comma is not a dateline.
    @Test(arguments: ["NATO, the alliance, said on Monday - in a statement - that it met.", "Officials, in Geneva — where the council met — agreed."])
    func leavesOrdinaryLedes(_ lede: String) throws {
        let document = try Ingestor().ingest(text: "Council meets\n\n\(lede)", id: "d")
        #expect(document.dateline == nil)
        #expect(document.paragraphs.first?.text == lede)
    }
}
