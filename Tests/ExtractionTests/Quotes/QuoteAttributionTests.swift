import DocumentModel
@testable import Extraction
import Testing

/// Who said each quotation, rule by rule, on sentences written for them (names invented).
struct QuoteAttributionTests {
    private typealias Named = QuoteFixture.Named

    private func speaker(of prefix: String, in texts: [String], entities: [Named] = []) throws -> Quote {
        try #require(QuoteFixture.quote(startingWith: prefix, in: QuoteFixture.quotes(texts, entities: entities)))
    }

    /// The speaker and verb after the quotation.
    @Test func speakerThenVerbAfterTheQuotation() throws {
        let quote = try self.speaker(of: "We are ready", in: ["“We are ready,” Marit Solberg said."], entities: [Named("Marit Solberg")])
        #expect(quote.speaker?.id == "marit-solberg")
        #expect(quote.speaker?.kind == .person)
        #expect(quote.verb == "said")
        #expect(quote.attribution == .saidAfterQuote)
        #expect(quote.confidence == AttributionRule.saidAfterQuote.confidence)
    }

    /// The verb before the speaker, with a title before the name.
    @Test func verbThenTitledSpeaker() throws {
        let quote = try self.speaker(of: "Sales will recover", in: ["“Sales will recover,” said chief executive Marit Solberg."])
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .saidBeforeSpeaker)
    }

    /// An apposition between the name and the verb does not hide the name.
    @Test(arguments: [
        "Marit Solberg, a professor at the Lund institute, said: “The data are clear.”",
        "“The data are clear,” Marit Solberg, chief economist of the Harbour Bank, said.",
        "Marit Solberg, who led the study, said: “The data are clear.”",
    ])
    func appositionIsLookedThrough(text: String) throws {
        #expect(try self.speaker(of: "The data are clear", in: [text]).speaker?.name == "Marit Solberg")
    }

    /// A given name alone stands for the one person who has it, and for nobody when two do.
    @Test func givenNameAloneResolvesOnlyWhenUnique() throws {
        let unique = try self.speaker(
            of: "We wait", in: ["Marit Solberg and Jonas Berg met.", "“We wait,” Marit said."],
            entities: [Named("Marit Solberg"), Named("Jonas Berg")])
        #expect(unique.speaker?.id == "marit-solberg")
        let shared = try self.speaker(
            of: "We wait", in: ["Marit Solberg and Marit Berg met.", "“We wait,” Marit said."],
            entities: [Named("Marit Solberg"), Named("Marit Berg")])
        #expect(shared.speaker?.id == nil)
    }

    /// A surname after the quotation resolves to the person named earlier in full.
    @Test func surnameResolvesToTheEntity() throws {
        let texts = ["Marit Solberg opened the plant in May.", "“It was a long wait,” Solberg said."]
        let quote = try self.speaker(of: "It was a long wait", in: texts, entities: [Named("Marit Solberg", forms: ["Solberg"])])
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.speakerText == "Solberg")
    }

    /// With no entity, a surname takes the full name an earlier attribution used.
    @Test func surnameTakesAnEarlierFullNameWithoutEntities() throws {
        let texts = ["“We start on Monday,” said Marit Solberg.", "“It was a long wait,” Solberg said."]
        #expect(try self.speaker(of: "It was a long wait", in: texts).speaker?.name == "Marit Solberg")
    }

    /// With no entity at all, the name is kept as written.
    @Test func unknownNameIsKeptAsWritten() throws {
        let quote = try self.speaker(of: "We start", in: ["“We start on Monday,” Solberg said."])
        #expect(quote.speaker?.name == "Solberg")
        #expect(quote.speaker?.id == nil)
    }

    /// Organizations and countries speak too.
    @Test func organizationAndCountrySpeak() throws {
        let texts = ["Northbridge Rovers said in a statement: “We wish him well.”", "“We will respond,” Portugal said."]
        let quotes = QuoteFixture.quotes(texts, entities: [Named("Northbridge Rovers", .organization), Named("Portugal", .location)])
        #expect(QuoteFixture.quote(startingWith: "We wish", in: quotes)?.speaker?.kind == .organization)
        #expect(QuoteFixture.quote(startingWith: "We wish", in: quotes)?.speaker?.id == "northbridge-rovers")
        #expect(QuoteFixture.quote(startingWith: "We will respond", in: quotes)?.speaker?.kind == .location)
    }

    /// An unnamed speaker keeps its description, with no entity id.
    @Test(arguments: [
        ("“We are cooperating,” said a company spokesperson when contacted.", "a company spokesperson"),
        ("“We are cooperating,” a senior official said.", "a senior official"),
        ("“Stay where you are!” officers shouted.", "officers"),
    ])
    func unnamedSpeakerKeepsItsDescription(text: String, description: String) throws {
        let quote = try #require(QuoteFixture.quotes([text]).first)
        #expect(quote.speaker?.name == description)
        #expect(quote.speaker?.kind == .description)
        #expect(quote.speaker?.id == nil)
    }

    /// Several people described together are no single speaker.
    @Test func quantifiedGroupIsNoSpeaker() throws {
        let quote = try #require(QuoteFixture.quotes(["Several ministers described the harvest as “the worst in years”."]).first)
        #expect(quote.speaker == nil)
        #expect(quote.attribution == nil)
        #expect(quote.confidence == 0)
    }

    /// `he` and `she` look back across paragraphs, past people named inside quotations.
    @Test func pronounSkipsPeopleNamedInsideQuotations() throws {
        let texts = ["Marit Solberg chairs the board.", "“I spoke to Tomas Lind yesterday,” she said."]
        let quote = try self.speaker(of: "I spoke", in: texts, entities: [Named("Marit Solberg"), Named("Tomas Lind")])
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .pronoun)
    }

    /// A pronoun skips someone the text refers to with the other pronoun.
    @Test func pronounAgreesWithHowTheTextRefersToSomeone() throws {
        let texts = [
            "Marit Solberg founded the firm in 2001.",
            "Tomas Lind joined it in May, and he hired ten engineers.",
            "The firm doubled its sales this year.",
            "“We start now,” she said.",
        ]
        let quote = try self.speaker(of: "We start now", in: texts, entities: [Named("Marit Solberg"), Named("Tomas Lind")])
        #expect(quote.speaker?.name == "Marit Solberg")
    }

    /// A pronoun prefers the subject of the sentence before over someone it names later.
    @Test func pronounPrefersTheSubject() throws {
        let texts = ["Marit Solberg told Tomas Lind that the deal was off.", "“There is nothing more to discuss,” he said."]
        let quote = try self.speaker(of: "There is nothing", in: texts, entities: [Named("Marit Solberg"), Named("Tomas Lind")])
        #expect(quote.speaker?.name == "Marit Solberg")
    }

    /// `according to` names the speaker, before or after the quotation.
    @Test func accordingTo() throws {
        let quote = try self.speaker(of: "The talks failed", in: ["“The talks failed,” according to Marit Solberg."])
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .accordingTo)
    }

    /// A paragraph ending `said:` introduces the quotation that opens the next one.
    @Test func colonLeadInFromThePreviousParagraph() throws {
        let texts = ["Marit Solberg told the meeting:", "“We will not sell.”"]
        let quote = try self.speaker(of: "We will not sell", in: texts)
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .colonLeadIn)
    }

    /// A quotation split by its attribution gives both pieces the same speaker.
    @Test func pieceAfterTheAttributionKeepsTheSpeaker() throws {
        let quotes = QuoteFixture.quotes(["“We are ready,” Marit Solberg said. “We have been for years.”"])
        #expect(quotes.map { $0.speaker?.name } == ["Marit Solberg", "Marit Solberg"])
        #expect(quotes.last?.attribution == .splitQuotation)
        #expect(quotes.last?.speakerText == "Marit Solberg")
    }

    /// A quotation carried over paragraphs keeps its speaker in each.
    @Test func quotationOverParagraphsKeepsItsSpeaker() throws {
        let texts = ["“We will not sell this year,” Marit Solberg said. “Nor will we sell", "“next year, whatever the offer.”"]
        let quote = try self.speaker(of: "next year", in: texts)
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .splitQuotation)
    }

    /// A fragment is attributed by the verb that introduces it.
    @Test func fragmentTakesTheCharacterisingVerb() throws {
        let quote = try self.speaker(of: "an insult", in: ["Marit Solberg called the offer “an insult to the staff”."])
        #expect(quote.isPartial)
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .calledIt)
    }

    /// A fragment quoted in passing, with no verb of its own, has no speaker.
    @Test func fragmentInPassingHasNoSpeaker() throws {
        let quote = try #require(QuoteFixture.quotes(["The so-called “green corridor” opened in March."]).first)
        #expect(quote.speaker == nil)
    }

    /// A definite description resolves to the person introduced with that word.
    @Test func descriptionResolvesToThePersonItDescribes() throws {
        let texts = ["Transport Minister Marit Solberg met the unions with Tomas Lind.", "“The offer stands,” the minister said."]
        let quote = try self.speaker(of: "The offer stands", in: texts, entities: [Named("Marit Solberg"), Named("Tomas Lind")])
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .description)
    }

    /// A statement speaks for the organization that issued it.
    @Test func statementSpeaksForItsIssuer() throws {
        let texts = ["Northbridge Rovers issued a statement on Monday.", "“We wish him well,” the statement said."]
        let quote = try self.speaker(of: "We wish", in: texts, entities: [Named("Northbridge Rovers", .organization)])
        #expect(quote.speaker?.name == "Northbridge Rovers")
    }

    /// A paragraph that is all quotation, right after an attributed one, continues its speaker.
    @Test func unattributedParagraphContinuesTheSpeaker() throws {
        let texts = ["“We start now,” Marit Solberg said.", "“There is no time to lose.”"]
        let quote = try self.speaker(of: "There is no time", in: texts)
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .continuation)
    }

    /// `the statement` speaks for whoever the story said issued it, past organizations named since.
    @Test func statementSpeaksForTheIssuerTheStoryIntroduced() throws {
        let texts = [
            "Northbridge Rovers said in a statement that the coach had left.",
            "The coach joined from Harbour Athletic in 2019.",
            "“We wish him well,” the statement said.",
        ]
        let entities = [Named("Northbridge Rovers", .organization), Named("Harbour Athletic", .organization)]
        let quote = try self.speaker(of: "We wish", in: texts, entities: entities)
        #expect(quote.speaker?.name == "Northbridge Rovers")
        #expect(quote.attribution == .description)
    }

    /// A statement introduced by a speaker no entity holds speaks for that speaker as written.
    @Test func statementSpeaksForAnIssuerAsWritten() throws {
        let texts = ["The city council said in a statement that the bridge would close.", "“Safety comes first,” the statement said."]
        #expect(try self.speaker(of: "Safety comes first", in: texts).speaker?.name == "The city council")
    }

    /// A paragraph that is all quotation takes the speaker of reported speech ending the paragraph before.
    @Test func reportedSpeechLeadsIntoTheQuotation() throws {
        let texts = ["Marit Solberg said the plan had failed.", "“We tried everything. Nothing worked.”"]
        let quote = try self.speaker(of: "We tried everything", in: texts, entities: [Named("Marit Solberg")])
        #expect(quote.speaker?.name == "Marit Solberg")
        #expect(quote.attribution == .reportedSpeechLeadIn)
    }

    /// Reported speech in the paragraph before does not attribute a quotation with an attribution of its own.
    @Test func reportedSpeechYieldsToTheQuotationsOwnAttribution() throws {
        let texts = ["Marit Solberg said the plan had failed.", "“We tried everything,” Tomas Lind said."]
        #expect(try self.speaker(of: "We tried everything", in: texts).speaker?.name == "Tomas Lind")
    }

    /// When the verb after the quotation names no one, a second verb opening its own clause does.
    @Test func secondVerbNamesTheSpeaker() throws {
        let texts = ["“A bigger deal than the one” announced in May, said Marit Solberg, an economist at the Harbour Bank."]
        #expect(try self.speaker(of: "A bigger deal", in: texts).speaker?.name == "Marit Solberg")
    }

    /// A possessive name is not the subject its sentence's pronoun refers back to.
    @Test func possessiveNameIsNotTheSubject() throws {
        let texts = ["Marit Solberg's son, the painter Tomas Lind, remembers it well. “It was hard for all of us,” he said."]
        let quote = try self.speaker(of: "It was hard", in: texts, entities: [Named("Marit Solberg"), Named("Tomas Lind")])
        #expect(quote.speaker?.name == "Tomas Lind")
    }

    /// A name after `she` in its sentence is not the sentence's subject.
    @Test func nameAfterASubjectPronounIsNotTheSubject() throws {
        let texts = ["Marit Solberg lives in Lund.", "She gave me the address of Tomas Lind. “I cannot believe it,” she said."]
        let quote = try self.speaker(of: "I cannot believe", in: texts, entities: [Named("Marit Solberg"), Named("Tomas Lind")])
        #expect(quote.speaker?.name == "Marit Solberg")
    }

    /// `in the words of` names the source, as `according to` does.
    @Test func inTheWordsOf() throws {
        let quote = try self.speaker(of: "We lost both engines", in: ["It went badly, in the words of the pilot: “We lost both engines.”"])
        #expect(quote.speaker?.name == "the pilot")
        #expect(quote.attribution == .accordingTo)
    }

    /// A long apposition between the closing mark and the verb does not hide the speaker.
    @Test func longAppositionBeforeTheVerb() throws {
        let text = "“The data are clear,” Marit Solberg, a planetary scientist at the Harbour Space Flight Centre in Greenbelt, Maryland, "
            + "and at the Lund Institute of Technology in Lund, Sweden, said in a statement."
        #expect(try self.speaker(of: "The data are clear", in: [text]).speaker?.name == "Marit Solberg")
    }

    /// A name after `a`, qualifying a noun, is not the subject a pronoun refers back to.
    @Test func nameQualifyingANounIsNotTheSubject() throws {
        let texts = ["Marit Solberg finished the race.", "In a Tomas Lind kind of way, she smiled. “I never doubted it,” she said."]
        let quote = try self.speaker(of: "I never doubted", in: texts, entities: [Named("Marit Solberg"), Named("Tomas Lind")])
        #expect(quote.speaker?.name == "Marit Solberg")
    }

    /// Lower-case role words before the name, and place names after the apposition, do not hide the speaker.
    @Test func roleWordsBeforeTheNameAndPlacesAfterTheApposition() throws {
        let text = "“We found water,” study lead author Marit Solberg, a planetary scientist at the Harbour Institute in Lund, Sweden, said."
        #expect(try self.speaker(of: "We found water", in: [text]).speaker?.name == "Marit Solberg")
    }

    /// A credit line names the speaker even after a quotation that ends with a full stop.
    @Test func creditLineAfterAFullStop() throws {
        let quote = try self.speaker(of: "Had he stayed", in: ["“Had he stayed, he would have won the title.” — Marit Solberg"])
        #expect(quote.speaker?.name == "Marit Solberg")
    }

    /// A document by someone speaks for its author, whatever follows the name.
    @Test func documentByAnAuthorSpeaksForTheAuthor() throws {
        let text = "According to a 2018 survey by Marit Solberg of the Lund Institute, the firm tends to “cut the newsroom in half”."
        #expect(try self.speaker(of: "cut the newsroom", in: [text]).speaker?.name == "Marit Solberg")
    }

    /// Someone who reports speech just before a quotation is who a later pronoun may mean, entity or not.
    @Test func reporterIsAnAntecedent() throws {
        let texts = ["Marit Solberg, the firm's lawyer, told reporters that her client was sorry.", "“He regrets what he wrote,” she said."]
        #expect(try self.speaker(of: "He regrets", in: texts).speaker?.name == "Marit Solberg")
    }

    /// A characterising verb after its subject attributes the quotation before it.
    @Test func characterisingVerbAfterItsSubject() throws {
        let quote = try self.speaker(of: "Going upstairs", in: ["“Going upstairs took half an hour,” the patient described in the case report."])
        #expect(quote.speaker?.name == "the patient")
    }
}
