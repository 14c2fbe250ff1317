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

    /// `the bank` is the bank named since, within reach, over one described as a bank long before.
    @Test func organizationNamedSinceIsTheNearerAntecedent() throws {
        let texts = [
            "Coast Bank, the oldest bank in the region, lost clients in May.", "Lending slowed over the summer.",
            "Harbour Bank raised its rates on Monday.", "“Savers will gain,” the bank said.",
        ]
        let quote = try self.quote("Savers", in: texts, entities: [Named("Coast Bank", .organization), Named("Harbour Bank", .organization)])
        #expect(quote.speaker?.id == "harbour-bank")
    }

    /// A title after a name's possessive is someone of that one's, not whoever was named last.
    @Test func titleAfterANamedPossessorKeepsItsDescription() throws {
        let texts = ["Jonas Berg chairs the board.", "“There is nothing to add,” Solberg's spokesman said."]
        let quote = try self.quote("There is nothing", in: texts, entities: [Named("Jonas Berg")])
        #expect(quote.speaker?.name == "Solberg's spokesman")
        #expect(quote.speaker?.id == nil)
    }
}
