import DocumentModel
@testable import Extraction
import Testing

/// The metadata stage on scraped pages written for these tests: values and the rules that
/// found them.
struct MetadataReaderTests {
    private func read(_ page: String, bodyStart: Int? = nil) -> PageMetadata {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        let start = bodyStart ?? lines.firstIndex { $0.split(separator: " ").count >= 15 }
        return MetadataReader(lexicon: .standard).read(lines, bodyStart: start)
    }

    /// A site page: browser title, menus, headline repeated, byline, date, then the story.
    static let sitePage = """
        Harbour cranes return after storm repairs | The Coastal Ledger

        Home
        News
        Business
        Subscribe

        Business

        Harbour cranes return after storm repairs

        The port says the container terminal is back to full capacity.

        By Ana Ferreira and Tom Baker, Staff Writers

        Updated 6:41 PM ET, Tue November 19, 2019
        Published Nov. 18, 2019

        The port authority said on Monday that the container cranes damaged in last week's storm were working again after a fortnight of repairs.

        © 2019 The Coastal Ledger. All rights reserved.
        """

    @Test func headlineRepeatsBrowserTitle() {
        let metadata = self.read(Self.sitePage)
        #expect(metadata.title == Finding(value: "Harbour cranes return after storm repairs", rule: .headlineRepeatsBrowserTitle))
    }

    @Test func sourceIsTheSiteInTheBrowserTitle() {
        #expect(self.read(Self.sitePage).source == Finding(value: "The Coastal Ledger", rule: .siteInBrowserTitle))
    }

    /// `Published` beats `Updated`, wherever they stand.
    @Test func publishedDateBeatsUpdatedDate() {
        #expect(self.read(Self.sitePage).published == Finding(value: CalendarDate(year: 2019, month: 11, day: 18)!, rule: .labelledPublished))
    }

    @Test func authorsWithoutRoles() {
        #expect(self.read(Self.sitePage).authors?.value == ["Ana Ferreira", "Tom Baker"])
    }

    @Test func newsWithoutReleaseMarks() {
        #expect(self.read(Self.sitePage).kind == Finding(value: .newsArticle, rule: .newsByDefault))
    }

    /// The browser title words the story otherwise; the headline is read by the byline block.
    @Test func headlineAboveBylineWhenBrowserTitleDiffers() {
        let page = """
            Storm-damaged harbour cranes back in service, port says - The Coastal Ledger

            Business

            Cranes are back at the harbour

            The port says the container terminal is back to full capacity.

            By Ana Ferreira
            Nov. 19, 2019

            The port authority said on Monday that the container cranes damaged in last week's storm were working again.
            """
        let metadata = self.read(page)
        #expect(metadata.title == Finding(value: "Cranes are back at the harbour", rule: .headlineAboveByline))
        #expect(metadata.source?.value == "The Coastal Ledger")
    }

    /// Wire copy on a newspaper's site belongs to the agency.
    @Test(arguments: [
        ("LISBON (AP) — The port authority said on Monday that the cranes were working again after repairs.", "AP"),
        ("(Reuters) - The port authority said on Monday that the cranes were working again after repairs.", "Reuters"),
    ])
    func agencyInDatelineIsTheSource(_ lede: String, _ agency: String) {
        let page = "Cranes return - The Coastal Ledger\n\nCranes return to the harbour\n\n\(lede)"
        #expect(self.read(page, bodyStart: 4).source == Finding(value: agency, rule: .agencyInDateline))
    }

    @Test(arguments: [
        ("By Reuters", "Reuters"), ("Ana Ferreira, Associated Press", "AP"), ("Ana Ferreira, AP Business Writer", "AP"),
        ("The Associated Press", "AP"),
    ])
    func agencyInBylineIsTheSource(_ byline: String, _ agency: String) {
        let page = "Cranes return - The Coastal Ledger\n\nCranes return to the harbour\n\n\(byline)\n\nThe port authority said on Monday that the cranes damaged in the storm were working again after repairs."
        #expect(self.read(page).source == Finding(value: agency, rule: .agencyInByline))
    }

    @Test(arguments: [
        ("BUFFALO, N.Y. — The county said on Monday that the cranes were working again after a fortnight.", "BUFFALO"),
        ("NEW DELHI: The county said on Monday that the cranes were working again after a fortnight of repairs.", nil),
        ("LOS ANGELES (AP) — The county said on Monday that the cranes were working again after repairs.", "LOS ANGELES"),
        ("Springfield – The county said on Monday that the cranes were working again after a fortnight.", "Springfield"),
        ("The county said on Monday that the US-China cranes were working again after a fortnight.", nil),
    ] as [(String, String?)])
    func datelineOpeningTheLede(_ lede: String, _ place: String?) {
        let page = "Cranes return\n\nCranes return to the harbour\n\n\(lede)"
        #expect(self.read(page, bodyStart: 4).dateline?.value == place)
    }

    /// `PTI, Washington,` above the story names the agency and the place.
    @Test func creditLineGivesPlaceAndAgency() {
        let page = "Cranes return | The Daily Example\n\nCranes return to the harbour\n\nPTI, Washington,\n\nNov 20 2019, 10:18am ist\n\nThe port authority said on Monday that the cranes damaged in the storm were working again after repairs."
        let metadata = self.read(page)
        #expect(metadata.dateline == Finding(value: "Washington", rule: .creditLinePlace))
        #expect(metadata.source == Finding(value: "PTI", rule: .agencyInCreditLine))
        #expect(metadata.published?.value == CalendarDate(year: 2019, month: 11, day: 20))
    }

    /// A relative date gives no publication date.
    @Test func relativeDateIsNoDate() {
        let page = "Cranes return - The Coastal Ledger\n\nCranes return to the harbour\n\nPublished 2 hours ago\n\nThe port authority said on Monday that the cranes damaged in the storm were working again after repairs."
        #expect(self.read(page).published == nil)
    }

    /// `Posted Nov 18` takes the year of the copyright notice.
    @Test func dateWithoutYearTakesCopyrightYear() {
        let page = "Cranes return - The Coastal Ledger\n\nCranes return to the harbour\n\nUpdated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM\n\nThe port authority said on Monday that the cranes damaged in the storm were working again after repairs.\n\n© 2019 Coastal Ledger Media"
        #expect(self.read(page).published == Finding(value: CalendarDate(year: 2019, month: 11, day: 18)!, rule: .labelledPublished))
    }

    @Test(arguments: [
        "ZURICH, Nov. 4, 2019 /PRNewswire/ -- Example Robotics today announced a partnership with a hospital group in the region.",
        "For immediate release",
    ])
    func pressReleaseMarks(_ line: String) {
        let page = "Example Robotics announces hospital partnership\n\n\(line)\n\nExample Robotics today announced a partnership with a hospital group that runs clinics in the region."
        #expect(self.read(page).kind.value == .pressRelease)
    }

    /// The issuer's self-description at the end marks a release; a site's "Contact us" does not.
    @Test func issuerBoilerplateMarksARelease() {
        let story = "Example Robotics announces hospital partnership\n\nExample Robotics today announced a partnership with a hospital group that runs clinics across the region.\n\n"
        let release = story + "Example Robotics is a global provider of surgical robots, with offices in twelve countries and two thousand employees."
        let news = story + "Contact us\n\nMedia Relations\n\nAbout us"
        #expect(self.read(release).kind == Finding(value: .pressRelease, rule: .aboutIssuer))
        #expect(self.read(news).kind.value == .newsArticle)
    }

    /// A question headline answered in the story is no issuer describing itself.
    @Test func questionHeadlineIsNoIssuer() {
        let page = "What is the value of a harbour crane?\n\nThe port authority said on Monday that the cranes damaged in the storm were working again.\n\nWhat is the value of a crane? Estimates vary from a few million to tens of millions of euros, officials said."
        #expect(self.read(page).kind.value == .newsArticle)
    }

    /// A page with nothing to say gives only the default kind.
    @Test func emptyPage() {
        let metadata = self.read("", bodyStart: nil)
        #expect(metadata.title == nil && metadata.source == nil && metadata.published == nil && metadata.dateline == nil && metadata.authors == nil)
        #expect(metadata.kind.value == .newsArticle)
    }
}
