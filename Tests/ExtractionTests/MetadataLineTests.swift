import DocumentModel
@testable import Extraction
import Testing

/// `MetadataLine.parse`: the optional `date YYYY-MM-DD SOURCE, CITY` first line.
struct MetadataLineTests {
    @Test(arguments: [
        ("date 2018-10-25 AFP, UNITED NATIONS", "AFP", "UNITED NATIONS"),
        ("  date   2018-10-25   AFP ,  UNITED NATIONS  ", "AFP", "UNITED NATIONS"),
        ("date 2018-10-25 Agence France-Presse, NEW YORK, NY", "Agence France-Presse", "NEW YORK, NY"),
        ("date 2018-10-25 AFP", "AFP", nil),
        ("date 2018-10-25 AFP,", "AFP", nil),
        ("date 2018-10-25 , GENEVA", nil, "GENEVA"),
        ("date 2018-10-25", nil, nil),
    ] as [(String, String?, String?)])
    func parsesSourceAndDateline(_ line: String, _ source: String?, _ dateline: String?) throws {
        let parsed = try #require(try MetadataLine.parse(line[...]))
        #expect(parsed.published == "2018-10-25")
        #expect(parsed.source == source)
        #expect(parsed.dateline == dateline)
    }

    @Test(arguments: ["Headline", "", "dated 2018-10-25", "Date 2018-10-25 AFP", "date", "update 2018-10-25"])
    func otherLinesAreNotMetadata(_ line: String) throws {
        #expect(try MetadataLine.parse(line[...]) == nil)
    }

    @Test(arguments: ["date 2018-02-30 AFP, X", "date 2018-1-01 AFP", "date 20181025", "date 2018-13-01"])
    func malformedDateThrowsWithTrimmedLine(_ line: String) {
        #expect(throws: IngestError.malformedMetadataLine(line)) {
            try MetadataLine.parse(" \(line) "[...])
        }
    }

    /// A first line that merely starts with "date" (a headline) is not a metadata line.
    @Test(arguments: ["date night ideas for the weekend", "date AFP, GENEVA", "date 2018-10-25AFP, X"])
    func lineWithoutDateShapedTokenIsNotMetadata(_ line: String) throws {
        #expect(try MetadataLine.parse(line[...]) == nil)
    }
}
