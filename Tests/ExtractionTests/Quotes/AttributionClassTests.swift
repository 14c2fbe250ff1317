import DocumentModel
@testable import Extraction
import Testing

/// Classes of attribution in news writing, one test each, on sentences written for them (names and outlets invented).
struct AttributionClassTests {
    private typealias Named = QuoteFixture.Named

    private func quote(_ prefix: String, in texts: [String], entities: [Named] = []) throws -> Quote {
        try #require(QuoteFixture.quote(startingWith: prefix, in: QuoteFixture.quotes(texts, entities: entities)))
    }

    /// An adverb of manner between a subject and its verb is not part of the subject.
    @Test(arguments: ["flat-out", "flatly", "categorically"])
    func mannerAdverbIsNotPartOfTheSubject(adverb: String) throws {
        let texts = [
            "Northbridge Rovers sacked its coach on Friday.", "The club \(adverb) denied the reports in a statement.", "“No offer was ever made,” the statement said.",
        ]
        let quote = try self.quote("No offer", in: texts, entities: [Named("Northbridge Rovers", .organization)])
        #expect(quote.speaker?.id == "northbridge-rovers")
    }

    /// A quotation opening a sentence after a sentence of reported speech in its paragraph is that speaker's.
    @Test func reportedSpeechEarlierInTheParagraph() throws {
        let texts = [
            "“We are ready,” Jonas Berg said.",
            "Solberg's lawyer told the Harbour Post that the ruling was wrong. “We will appeal at once.”",
        ]
        let quote = try self.quote("We will appeal", in: texts, entities: [Named("Jonas Berg")])
        #expect(quote.speaker?.name == "Solberg's lawyer")
        #expect(quote.speaker?.kind == .description)
        #expect(quote.attribution == .reportedSpeechLeadIn)
    }

    /// Reported speech in the sentence that holds the quotation before does not take the next one from it.
    @Test func reportedSpeechAroundAnEarlierQuotationIsNoLeadIn() throws {
        let texts = ["“We are ready,” Jonas Berg said, and Marit Solberg told reporters that it was true. “The rest can wait.”"]
        let quote = try self.quote("The rest", in: texts, entities: [Named("Jonas Berg"), Named("Marit Solberg")])
        #expect(quote.speaker?.name == "Jonas Berg")
        #expect(quote.attribution == .splitQuotation)
    }

    /// The one a verb of causing names before an infinitive speech verb is its speaker.
    @Test func causedSpeakerOfAnInfinitive() throws {
        let quote = try self.quote("fully protected", in: ["The new rules allowed Tomas Lind to claim that the fund was “fully protected”."])
        #expect(quote.speaker?.name == "Tomas Lind")
    }

    /// A name after `to` with no verb of causing before it is no speaker (`went to Lund to say`).
    @Test func placeBeforeAnInfinitiveIsNoSpeaker() throws {
        let quote = try self.quote("a fresh start", in: ["The new owners went to Lund to say that it was “a fresh start”."])
        #expect(quote.speaker?.name != "Lund")
    }

    /// A description is about the noun before its modifier, not the noun inside it.
    @Test func descriptionHeadIsTheNounBeforeItsModifier() throws {
        let texts = ["Harbour Bank opened a branch in May.", "“Open every day of the year,” the sign on its website reads."]
        let quote = try self.quote("Open every day", in: texts, entities: [Named("Harbour Bank", .organization)])
        #expect(quote.speaker?.name == "the sign on its website")
        #expect(quote.speaker?.kind == .description)
    }

    /// A title after a name's possessive is someone of that one's, not whoever was named last.
    @Test func titleAfterANamedPossessorKeepsItsDescription() throws {
        let texts = ["Jonas Berg chairs the board.", "“There is nothing to add,” Solberg's spokesman said."]
        let quote = try self.quote("There is nothing", in: texts, entities: [Named("Jonas Berg")])
        #expect(quote.speaker?.name == "Solberg's spokesman")
        #expect(quote.speaker?.id == nil)
    }
}

/// Organizations and groups a description or an apposition names.
struct OrganizationDescriptionTests {
    private typealias Named = QuoteFixture.Named

    /// A word of a description that is part of an organization's name says which organization it is.
    @Test func descriptionWordFromAnOrganizationsName() throws {
        let texts = ["Harbour Films denied the report on Monday.", "Westway Media bought the rights.", "“We were never asked,” the film company said."]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Harbour Films", .organization), Named("Westway Media", .organization)])
        #expect(QuoteFixture.quote(startingWith: "We were never", in: quotes)?.speaker?.id == "harbour-films")
    }

    /// A description with a proper adjective says which one it is by itself.
    @Test func properAdjectiveDescriptionKeepsItsWords() throws {
        let texts = ["Foreign Aid Watch criticised the plan.", "“We regret the tone,” the Danish foreign ministry said."]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Foreign Aid Watch", .organization)])
        #expect(QuoteFixture.quote(startingWith: "We regret", in: quotes)?.speaker?.name == "the Danish foreign ministry")
    }

    /// The name in apposition to a description that opens the clause is the speaker, however long the clause after it.
    @Test func nameInAppositionToTheOpeningDescription() throws {
        let texts = ["The union, Dockers United, formed in May and sent a letter to the board last week stating that members “will not be moved”."]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Dockers United", .organization)])
        #expect(QuoteFixture.quote(startingWith: "will not be moved", in: quotes)?.speaker?.id == "dockers-united")
    }

    /// A noun for a man before a verb and a name says nothing of the name's gender (`his father told Jane Doe`).
    @Test func nounBeforeAVerbIsNoGenderEvidence() throws {
        let texts = [
            "Marit Solberg, his aunt, remembers him well.",
            "His father told Solberg about the will.",
            "Marit Solberg lives by the sea. “He was always curious,” she said.",
        ]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Marit Solberg", forms: ["Solberg"])])
        #expect(QuoteFixture.quote(startingWith: "He was always", in: quotes)?.speaker?.name == "Marit Solberg")
    }
}

/// Descriptions of someone the story has named.
struct NamedPersonDescriptionTests {
    private typealias Named = QuoteFixture.Named

    /// Two roles under one article are one person the story named.
    @Test func coordinatedRolesAreThePersonNamed() throws {
        let texts = ["Tomas Lind played two new songs at the festival.", "The drummer and songwriter told the crowd, “we will be back next summer.”"]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Tomas Lind")])
        #expect(QuoteFixture.quote(startingWith: "we will be back", in: quotes)?.speaker?.name == "Tomas Lind")
    }

    /// Two people joined under one article each with an article of their own stay a description.
    @Test func twoPeopleAreNoOnePerson() throws {
        let texts = ["Tomas Lind played two new songs at the festival.", "“We will be back,” the fans and the crew said."]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Tomas Lind")])
        #expect(QuoteFixture.quote(startingWith: "We will be back", in: quotes)?.speaker?.name != "Tomas Lind")
    }
}

/// Descriptions of people the story does not name.
struct UnnamedDescriptionTests {
    private typealias Named = QuoteFixture.Named

    /// A plural description is a group, not the one person it was said of.
    @Test func pluralDescriptionIsNoOnePerson() throws {
        let texts = ["Jonas Berg leads the physicians at the border clinic.", "“We are asking for access,” the physicians said."]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Jonas Berg")])
        let quote = try #require(QuoteFixture.quote(startingWith: "We are asking", in: quotes))
        #expect(quote.speaker?.name == "the physicians")
        #expect(quote.speaker?.kind == .description)
    }

    /// `the spokesperson` after `a spokesperson who …` is that unnamed one, not a spokesperson named earlier.
    @Test func roleIntroducedWithoutANameStaysUnnamed() throws {
        let texts = [
            "Jonas Berg, the agency's spokesperson until May, left in June.",
            "A spokesperson who asked not to be named said the agency had no comment.",
            "“We do not discuss cases,” the spokesperson said.",
        ]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Jonas Berg")])
        let quote = try #require(QuoteFixture.quote(startingWith: "We do not discuss", in: quotes))
        #expect(quote.speaker?.name == "the spokesperson")
        #expect(quote.speaker?.id == nil)
    }

    /// A role introduced with a name after it is that person's (`a spokesperson, Jane Doe,`).
    @Test func roleIntroducedWithANameIsThatPerson() throws {
        let texts = ["A spokesperson, Marit Solberg, confirmed the sale.", "“We are pleased,” the spokesperson said."]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Marit Solberg")])
        #expect(QuoteFixture.quote(startingWith: "We are pleased", in: quotes)?.speaker?.name == "Marit Solberg")
    }
}
