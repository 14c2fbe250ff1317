@testable import Extraction
import Testing

/// Bylines: names only, never roles; agencies apart.
struct BylineTests {
    private func parse(_ line: String, requiresBy: Bool = false) -> Byline? {
        Byline.parse(Substring(line), lexicon: .standard, requiresBy: requiresBy)
    }

    @Test(arguments: [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe, Senior Reporter", ["Jane Doe"]),
        ("By Jane Doe Staff Writer", ["Jane Doe"]),
        ("By Jane Doe | The Daily Example", ["Jane Doe"]),
        ("By Jane Doe - 11/18/19 11:04 PM EST", ["Jane Doe"]),
        ("By Jane Doe, John Roe 2019-11-18T22:05:36Z Science", ["Jane Doe", "John Roe"]),
        ("By Jane Doe @janedoe Nov 18, 2019, 11:47am EST", ["Jane Doe"]),
        ("By Jane Doe on Monday, November 18th, 2019 at 11:08 a.m.", ["Jane Doe"]),
        ("11/19/2019 by Jane Q. Doe", ["Jane Q. Doe"]),
        ("By Ludwig van Example", ["Ludwig van Example"]),
    ])
    func readsAuthors(_ line: String, _ authors: [String]) {
        #expect(self.parse(line)?.authors == authors)
    }

    @Test func agencyIsNotAnAuthor() {
        let byline = self.parse("By Jane Doe, Reuters")
        #expect(byline?.authors == ["Jane Doe"])
        #expect(byline?.agency == "Reuters")
    }

    @Test(arguments: ["Email the author", "Staff Writer", "By signing up you agree to our terms", "Opinions expressed by Example Contributors are their own."])
    func readsNoAuthors(_ line: String) {
        #expect(self.parse(line)?.authors ?? [] == [])
    }

    /// Without `By`, a line is a byline only when it names an agency.
    @Test func plainNameIsNoBylineWithoutAgency() {
        #expect(self.parse("Jane Doe") == nil)
        #expect(self.parse("Jane Doe, AP Science Writer")?.agency == "AP")
    }
}
