import DocumentModel
@testable import Extraction
import Testing

/// Which verb of a sentence attributes a quotation, on sentences written for them (names invented).
struct AttributionCueTests {
    private typealias Named = QuoteFixture.Named

    private func quote(_ prefix: String, in text: String, entities: [Named] = []) throws -> Quote {
        try #require(QuoteFixture.quote(startingWith: prefix, in: QuoteFixture.quotes([text], entities: entities)))
    }

    /// A verb after the quotation with no speaker of its own leaves it to the sentence before.
    @Test func speakerlessVerbAfterLeavesTheSpeakerBefore() throws {
        let quote = try self.quote("not, per se", in: "Marit Solberg said the plan was “not, per se, a failure”, saying she trusted the board.")
        #expect(quote.speaker?.name == "Marit Solberg")
    }

    /// A quotation inside what someone said (`Doe said that …`) is theirs, whatever verbs the report holds.
    @Test func reportedClauseBelongsToTheReporter() throws {
        let quote = try self.quote(
            "sound", in: "Marit Solberg said that after long talks Harbour Bank had concluded the plan was “sound and fair”.",
            entities: [Named("Marit Solberg"), Named("Harbour Bank", .organization)])
        #expect(quote.speaker?.name == "Marit Solberg")
    }

    /// The nearest verb's subject wins when it can be read.
    @Test func nearestVerbWithASubjectAttributes() throws {
        let quote = try self.quote("a farce", in: "After Marit Solberg spoke, the crowd called the vote “a farce”.")
        #expect(quote.speakerText == "the crowd")
    }

    /// `as Doe put it` attributes the quotation after it, as speech.
    @Test func asSomeonePutIt() throws {
        let quote = try self.quote("Had he stayed", in: "As Solberg put it, “Had he stayed, he would have won.”", entities: [Named("Marit Solberg", forms: ["Solberg"])])
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .speakerBeforeQuote)
    }

    /// An abbreviated month (`Oct. 31`) does not end the sentence that holds the attribution.
    @Test func abbreviatedMonthDoesNotEndTheSentence() throws {
        let quote = try self.quote("return capital", in: "Marit Solberg told investors on Oct. 31 that the merger would “return capital to shareholders”.")
        #expect(quote.speaker?.name == "Marit Solberg")
    }

    /// A denial attributes the quotation it answers with.
    @Test func denialAttributes() throws {
        #expect(try self.quote("I did nothing", in: "“I did nothing wrong,” Jonas Berg denied.").speaker?.name == "Jonas Berg")
    }
}
