import DocumentModel
@testable import Extraction
import Testing

/// Coreference and canonical names, on paragraphs written for the test (names invented).
struct MentionResolverTests {
    private func entities(_ paragraphs: String...) -> [Entity] {
        EntityStages.entities(paragraphs).entities
    }

    /// A surname after the full name joins the person.
    @Test func surnameJoinsThePerson() throws {
        let entities = self.entities("Tom Brandvold runs the port.", "\"We are ready,\" Brandvold said.")
        let person = try #require(entities.first { $0.name == "Tom Brandvold" })
        #expect(person.kind == .person)
        #expect(person.aliases == ["Brandvold"])
        #expect(person.mentions.count == 2)
    }

    /// A first name that only one person has joins that person.
    @Test func uniqueFirstNameJoinsThePerson() throws {
        let entities = self.entities("North Korean leader Kim Jong-un arrived by train.", "Kim said the talks went well.")
        let person = try #require(entities.first { $0.name == "Kim Jong-un" })
        #expect(person.aliases == ["Kim"])
    }

    /// The canonical name keeps the accents a later mention drops.
    @Test func canonicalNameKeepsAccents() throws {
        let entities = self.entities("Dr. Tomas Ruiz Ocaña visited.", "Tomás Ruiz Ocaña said the camps were full.")
        let person = try #require(entities.first { $0.kind == .person })
        #expect(person.name == "Tomás Ruiz Ocaña")
        #expect(entities.filter { $0.kind == .person }.count == 1)
    }

    /// A short form of a company joins its full name.
    @Test func companyShortFormJoinsTheFullName() throws {
        let entities = self.entities("Shares of Harlan Vetch Holdings fell.", "Harlan Vetch said profits would recover.")
        let company = try #require(entities.first { $0.name == "Harlan Vetch Holdings" })
        #expect(company.kind == .organization)
        #expect(company.aliases == ["Harlan Vetch"])
    }

    /// A one-word name the story repeats in mid-sentence is an organization; one said once is not.
    @Test func recurringOneWordNameIsAnOrganization() {
        let repeated = self.entities("Customers left Quorvex in May.", "Rivals copied Quorvex within a year.")
        #expect(repeated.first { $0.name == "Quorvex" }?.kind == .organization)
        #expect(self.entities("Customers left Quorvex in May.").isEmpty)
    }

    /// Resolution work grows linearly: doubling the mentions at most doubles the work.
    @Test func resolutionWorkIsLinear() {
        func work(_ count: Int) -> Int {
            EntityStages.entities((0..<count).map { "\"We will act,\" said Mr. Tom Brand\($0)son, as Brand\($0)son left Lisbon." }).work
        }
        let (small, large) = (work(500), work(1000))
        #expect(large <= 2 * small + 16, "work \(small) for 500 paragraphs, \(large) for 1000")
    }
}
