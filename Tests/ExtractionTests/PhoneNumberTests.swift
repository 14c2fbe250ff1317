import DocumentModel
@testable import Extraction
import Testing

/// `PhoneNumber.e164`: international and national numbers to E.164.
struct PhoneNumberTests {
    private static let unitedKingdom = Gazetteer.Country(code: "GB", name: "United Kingdom", aliases: [], callingCode: "44", trunkPrefix: "0")
    private static let unitedStates = Gazetteer.Country(code: "US", name: "United States", aliases: [], callingCode: "1", trunkPrefix: "")

    @Test(arguments: [
        ("+41 79 444 5515", "+41794445515"), ("+33 (0)1 99 00 45 67", "+33199004567"), ("+82 27253523", "+8227253523"),
        ("0041 22 917 9383", "+41229179383"), ("+254 20 765 4321", "+254207654321"),
    ])
    func keepsInternationalNumbers(_ written: String, _ expected: String) {
        #expect(PhoneNumber.e164(written, country: nil) == expected)
    }

    @Test func dropsTheTrunkPrefixOfNationalNumbers() {
        #expect(PhoneNumber.e164("020 7946 0415", country: Self.unitedKingdom) == "+442079460415")
        #expect(PhoneNumber.e164("07700 900512", country: Self.unitedKingdom) == "+447700900512")
    }

    @Test func prefixesTheCallingCodeWhereThereIsNoTrunkPrefix() {
        #expect(PhoneNumber.e164("(202) 555-0143", country: Self.unitedStates) == "+12025550143")
    }

    @Test func nationalNumberWithoutCountryHasNoE164() {
        #expect(PhoneNumber.e164("020 7946 0415", country: nil) == nil)
    }

    @Test(arguments: ["+1 234", "+123 4567 8901 2345 67", "0041 22", "0012 3456 7890 1234 567"])
    func rejectsImplausibleLengths(_ written: String) {
        #expect(PhoneNumber.e164(written, country: nil) == nil)
    }
}
