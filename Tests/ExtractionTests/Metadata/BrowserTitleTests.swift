@testable import Extraction
import Testing

/// The browser title's parts: headline and site.
struct BrowserTitleTests {
    @Test(arguments: [
        ("Port reopens | The Harbour Gazette", ["Port reopens", "The Harbour Gazette"]),
        ("Opinion | Port reopens - The Harbour Gazette", ["Opinion", "Port reopens", "The Harbour Gazette"]),
        ("Port reopens : HarbourNews", ["Port reopens", "HarbourNews"]),
        ("US-China port talks resume", ["US-China port talks resume"]),
    ])
    func splitsAtSeparators(_ line: String, _ segments: [String]) {
        #expect(BrowserTitle(line: Substring(line)).segments == segments)
    }

    @Test func siteIsTheShortEndSegment() {
        let title = BrowserTitle(line: "Opinion | Port reopens after a week of strikes - The Harbour Gazette")
        #expect(title.likelySite == "The Harbour Gazette")
        #expect(title.site(besides: 1..<2) == "The Harbour Gazette")
    }

    @Test func singleSegmentHasNoSite() {
        #expect(BrowserTitle(line: "Port reopens after a week of strikes").likelySite == nil)
    }
}
