import DocumentModel
@testable import Extraction
import Testing

/// The classification stage: each rule on a sentence written for it (names invented).
struct MentionClassifierTests {
    private func mention(_ name: String, in text: String) -> EntityMention? {
        EntityStages.mentions(in: text).first { $0.name == name }
    }

    /// A name is typed by the rule that applies to it, and the mention says which rule that was.
    @Test(arguments: [
        ("Yesterday Maren Holtby opened the new wing.", "Maren Holtby", Entity.Kind.person, ClassificationRule.givenName),
        ("The fund is run by Brask Securities and its partners.", "Brask Securities", .organization, .organizationWord),
        ("Viewers of Kestrel News saw the report first.", "Kestrel News", .organization, .organizationWord),
        ("She told The Morning Lantern that she would stay.", "The Morning Lantern", .organization, .capitalisedArticle),
        ("The game ended when the Denver Otters scored.", "Denver Otters", .organization, .placeNamedTeam),
        ("Investors in QuillStack lost money.", "QuillStack", .organization, .innerCapital),
        ("Prices rose, Velmoor said on Tuesday.", "Velmoor", .organization, .attribution),
        ("The talks were led by Mr. Ostrander and his aides.", "Ostrander", .person, .title),
        ("Trawlers fished off Sulawesi until the spring.", "Sulawesi", .location, .gazetteer),
        ("Kelvar Brond, chief executive of the group, resigned.", "Kelvar Brond", .person, .apposition),
    ])
    func ruleDecidesTheKind(text: String, name: String, kind: Entity.Kind, rule: ClassificationRule) throws {
        let mention = try #require(self.mention(name, in: text), "\(name)")
        #expect(mention.kind == kind)
        #expect(mention.rule == rule)
    }

    /// A possessive is not part of the name, and ends it.
    @Test func possessiveEndsTheName() throws {
        let mentions = EntityStages.mentions(in: "The plan was backed by NATO's Karin Oduya on Monday.")
        #expect(mentions.map(\.name) == ["NATO", "Karin Oduya"])
        #expect(mentions.first?.surface == "NATO")
    }

    /// What a connector adds to a title is the office's complement, not a person: only the
    /// name after the whole office is its holder.
    @Test func titleComplementIsNoPerson() {
        let mention = self.mention("Situation", in: "The Special Rapporteur on the Situation in Kessaro, Annika Dralle, spoke.")
        #expect(mention?.rule != .title)
        #expect(EntityStages.entities(["The Special Rapporteur on the Situation in Kessaro, Annika Dralle, spoke."]).entities
            .filter { $0.kind == .person }.map(\.name) == ["Annika Dralle"])
    }

    /// A demonym is an adjective: it names no entity and does not join the name after it.
    @Test func demonymIsNoName() {
        let mentions = EntityStages.mentions(in: "The South Korean leader Joon-ho Pak met envoys.")
        #expect(!mentions.contains { $0.name.contains("Korean") })
    }

    /// A demonym before an organization word is part of the organization's name.
    @Test func demonymBeforeOrganizationWordStays() {
        #expect(self.mention("Nigerian Senate", in: "The bill went to the Nigerian Senate on Friday.")?.kind == .organization)
    }

    /// A one-word country before a surname is a first name.
    @Test func placeBeforeSurnameIsAFirstName() {
        #expect(self.mention("Chad Miller", in: "Their lawyer, Chad Miller, declined to comment.")?.kind == .person)
    }

    /// On a title-case line, what only the context says stays unconfirmed; lexicon knowledge stands.
    @Test func titleCaseLineConfirmsOnlyWhatLexiconsKnow() throws {
        let mentions = EntityStages.mentions(in: "Harbour Plans Stall As Ferry Talks Fail In Lisbon")
        #expect(mentions.filter { $0.rule != .unconfirmedName }.map(\.name) == ["Lisbon"])
    }

    /// A name before "of the University of …" is a person, and the university is its own name.
    @Test func organizationStartsAfterItsConnector() throws {
        let mentions = EntityStages.mentions(in: "The study, by Halden Morrow of the University of Carvell, was published.")
        #expect(mentions.map(\.name) == ["Halden Morrow", "University of Carvell"])
    }

    /// Initials and codes name nothing.
    @Test func codesAndInitialsAreNoNames() {
        #expect(EntityStages.mentions(in: "The figures for Q3 and FY2021 are in section B.").isEmpty)
    }
}
