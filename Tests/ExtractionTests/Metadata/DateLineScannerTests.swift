import DocumentModel
@testable import Extraction
import Testing

/// Dates as date lines write them, with their labels.
struct DateLineScannerTests {
    private let scanner = DateLineScanner(labels: Lexicon.standard.dateLabels)

    @Test(arguments: [
        ("Nov. 19, 2019 8:03 am ET", 2019, 11, 19),
        ("November 19th, 2019 11:03 PM", 2019, 11, 19),
        ("Tue, Nov 19 2019 7:05 AM EST", 2019, 11, 19),
        ("18 Nov 2019, 19:09", 2019, 11, 18),
        ("Wednesday, 20 November 2019 08:05 GMT", 2019, 11, 20),
        ("2019-11-18T20:51:19Z", 2019, 11, 18),
        ("19.11.2019, 08:57", 2019, 11, 19),
        ("11.14.2019 09:00 AM", 2019, 11, 14),
        ("11/18/19 11:04 PM EST", 2019, 11, 18),
        ("13/06/2014 Jane Doe", 2014, 6, 13),
    ])
    func readsDate(_ line: String, _ year: Int, _ month: Int, _ day: Int) {
        #expect(self.scanner.scan(line).first?.date == WrittenDate(year: year, month: month, day: day))
    }

    @Test func dateWithoutYear() {
        #expect(self.scanner.scan("Posted Nov 18, 8:19 PM").first == .init(date: WrittenDate(year: nil, month: 11, day: 18), label: .published))
    }

    @Test func labelsEachDate() {
        let found = self.scanner.scan("Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET")
        #expect(found.map(\.label) == [.updated, .published])
    }

    @Test(arguments: ["2 hours ago", "Today 12:01 AM", "1 / 23", "Version 2.28.1", "May the best team win"])
    func findsNoDate(_ line: String) {
        #expect(self.scanner.scan(line).isEmpty)
    }
}
