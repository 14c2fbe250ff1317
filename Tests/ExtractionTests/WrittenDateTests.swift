@testable import Extraction
import Testing

/// Dates read from short texts.
struct WrittenDateTests {
    @Test(arguments: [
        ("Published 8:41 AM EDT, March 21, 2024", WrittenDate(year: 2024, month: 3, day: 21)),
        ("Thursday, 7 November 2024", WrittenDate(year: 2024, month: 11, day: 7)),
        ("Updated: (25 Apr.)", WrittenDate(year: nil, month: 4, day: 25)),
        ("Posted 2018-04-25.", WrittenDate(year: 2018, month: 4, day: 25)),
        ("“Oct 3”", WrittenDate(year: nil, month: 10, day: 3)),
    ])
    func firstDateIsRead(_ text: String, _ date: WrittenDate) {
        #expect(WrittenDate.first(in: text) == date)
    }

    @Test(arguments: ["Published by the council", "March of the unions", "32 March 2024", "Room 12, Hall Street"])
    func textWithoutADateHasNone(_ text: String) {
        #expect(WrittenDate.first(in: text) == nil)
    }

    @Test func parseTakesExactlyOneDate() {
        #expect(WrittenDate.parse(" 25 April 2018. ") == WrittenDate(year: 2018, month: 4, day: 25))
        #expect(WrittenDate.parse("25 April 2018 Geneva") == nil)
    }
}
