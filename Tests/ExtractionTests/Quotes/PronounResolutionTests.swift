import DocumentModel
@testable import Extraction
import Testing

/// Who `he`, `she` and `they` stand for, on sentences written for them (names invented).
struct PronounResolutionTests {
    private typealias Named = QuoteFixture.Named

    private func quote(_ prefix: String, in texts: [String], entities: [Named]) throws -> Quote {
        try #require(QuoteFixture.quote(startingWith: prefix, in: QuoteFixture.quotes(texts, entities: entities)))
    }

    /// `they` for one person: the subject of the sentence before, not an organization named after it.
    @Test func singularTheyIsTheSentenceSubject() throws {
        let text = "Robin Vale, a spokesperson for Harbour Bank, confirmed to the Daily Courier that the branch will close. “We regret the decision,” they said."
        let quote = try self.quote(
            "We regret", in: [text], entities: [Named("Robin Vale"), Named("Harbour Bank", .organization), Named("Daily Courier", .organization)])
        #expect(quote.speaker?.name == "Robin Vale")
        #expect(quote.attribution == .pronoun)
    }

    /// `they` after an organization that is the subject stays the organization's.
    @Test func theyAfterAnOrganizationIsTheOrganization() throws {
        let texts = ["Harbour Bank denied any wrongdoing on Monday.", "“We followed every rule,” they said."]
        #expect(try self.quote("We followed", in: texts, entities: [Named("Harbour Bank", .organization)]).speaker?.name == "Harbour Bank")
    }

    /// A person the text calls `he` is not who a later `they` means.
    @Test func theySkipsAPersonCalledHe() throws {
        let texts = ["Jonas Berg met the strikers on Monday, and he listened.", "“We will not go back,” they said."]
        #expect(try self.quote("We will not", in: texts, entities: [Named("Jonas Berg")]).speaker == nil)
    }

    /// A noun for a man before a name (`son`) keeps `she` from him, across a role word.
    @Test func nounForAManBeforeTheNameIsGenderEvidence() throws {
        let texts = [
            "Marit Solberg's son, filmmaker Jonas Berg, remembers the year. “It was hard on all of us,” he said.",
            "“I had never been obsessed with music,” she said.",
        ]
        let quote = try self.quote("I had never", in: texts, entities: [Named("Marit Solberg"), Named("Jonas Berg")])
        #expect(quote.speaker?.name == "Marit Solberg")
    }

    /// Someone introduced by a noun alone is who the pronoun after means, kept as that description.
    @Test func unnamedPersonIsAnAntecedent() throws {
        let texts = ["Jonas Berg runs the school.", "The paper spoke to one mother, who asked not to be named. “I worry every day,” she said."]
        let quote = try self.quote("I worry", in: texts, entities: [Named("Jonas Berg")])
        #expect(quote.speaker?.name == "one mother")
        #expect(quote.speaker?.kind == .description)
    }

    /// A description in apposition to a name describes that person, who stays the antecedent.
    @Test func describedPersonStaysTheAntecedent() throws {
        let texts = ["Marit Solberg, a mother of two, lives by the harbour. “I worry every day,” she said."]
        #expect(try self.quote("I worry", in: texts, entities: [Named("Marit Solberg")]).speaker?.name == "Marit Solberg")
    }
}

/// Pronoun resolution that reaches across paragraphs and weighs what the text says outright.
struct PronounSalienceTests {
    private typealias Named = QuoteFixture.Named

    /// A noun for a woman before a name outweighs any number of `he` about someone else after it.
    @Test func statedGenderOutweighsPronounCounts() throws {
        let texts = [
            "According to his sister, Marit Solberg, the boy read early. He played chess and he painted. He won prizes.",
            "Marit Solberg lives by the sea. “He was always curious,” she said.",
        ]
        let quote = try #require(QuoteFixture.quote(startingWith: "He was always", in: QuoteFixture.quotes(texts, entities: [Named("Marit Solberg")])))
        #expect(quote.speaker?.name == "Marit Solberg")
    }

    /// A sentence opening with `she` keeps the subject it stands for the one a later `she` means.
    @Test func pronounChainKeepsTheSubject() throws {
        let texts = [
            "Marit Solberg wrote to Jonas Berg about the merger in March.", "She said the talks had stalled.", "“Nobody is answering my calls,” she said.",
        ]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Marit Solberg"), Named("Jonas Berg")])
        let quote = try #require(QuoteFixture.quote(startingWith: "Nobody", in: quotes))
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .pronoun)
    }
}
