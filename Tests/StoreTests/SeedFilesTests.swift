import DocumentModel
import Extraction
import Foundation
import Store
import Testing
import TestSupport

/// The two real seed documents in the repository's `seeds` folder.
struct SeedFilesTests {
    @Test func loadsBothSeedsWithoutSkipping() throws {
        let result = try SeedLoader(ingestor: Ingestor()).load(directory: ArticleText.seedsDirectory)
        #expect(result.documents.map(\.id) == ["000_65728c7abcf48230", "001_7adfbbae4f46cd26"])
        #expect(result.skipped.isEmpty)
    }

    @Test func firstSeedCarriesItsMetadataLine() throws {
        let path = (ArticleText.seedsDirectory as NSString).appendingPathComponent("000_65728c7abcf48230.txt")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let document = try Ingestor().ingest(text: text, id: "000_65728c7abcf48230")
        #expect(document.published == "2018-10-25")
        #expect(document.source == "AFP")
        #expect(document.dateline == "UNITED NATIONS")
        #expect(!document.bodyText.contains("date 2018-10-25"))
        #expect(document.summary.hasPrefix("A senior UN official on Tuesday warned"))
    }

    @Test func seedsHaveTitlesSlugsAndWords() throws {
        for document in try SeedLoader(ingestor: Ingestor()).load(directory: ArticleText.seedsDirectory).documents {
            #expect(!document.title.isEmpty)
            #expect(!document.slug.isEmpty)
            #expect(document.wordCount > 100)
            #expect(document.readingTimeMinutes >= 1)
        }
    }

    private func seed(_ id: String) throws -> Document {
        let path = (ArticleText.seedsDirectory as NSString).appendingPathComponent("\(id).txt")
        return try Ingestor().ingest(text: try String(contentsOfFile: path, encoding: .utf8), id: id)
    }

    /// The AFP story: a news article with no headline, so the title comes from the lede.
    @Test func firstSeedIsAnArticleWithDerivedTitle() throws {
        let document = try self.seed("000_65728c7abcf48230")
        #expect(document.kind == .newsArticle)
        #expect(document.isTitleDerived)
        #expect(document.title.hasPrefix("A senior UN official on Tuesday warned"))
        #expect(document.paragraphs.count == 10)
        #expect(document.paragraphs.allSatisfy { $0.section == .body })
    }

    /// The scraped OHCHR release: chrome dropped, headline found, dateline and date read,
    /// bio, contacts and footer labelled.
    @Test func secondSeedIsAPressReleaseWithSections() throws {
        let document = try self.seed("001_7adfbbae4f46cd26")
        #expect(document.kind == .pressRelease)
        #expect(document.title == "Human Rights are key to progress in North Korea talks, says UN expert")
        #expect(!document.isTitleDerived)
        #expect(document.published == "2018-04-25")
        #expect(document.dateline == "GENEVA")
        // Signed off "OHCHR Seoul Office" just before the media contacts.
        #expect(document.source == "OHCHR")
        let texts = document.paragraphs.map(\.text)
        for chrome in ["Skip to main content", "Press releases Special Procedures", "North Korea talks", "25 April 2018"] {
            #expect(!texts.contains(chrome))
        }
        #expect(document.summary.hasPrefix("The UN Special Rapporteur on the situation of human rights"))
        let sections = document.paragraphs.map(\.section)
        #expect(sections == Array(repeating: .body, count: 10) + Array(repeating: .background, count: 3)
            + Array(repeating: .contacts, count: 4) + [.footer])
        #expect(texts[10].hasPrefix("Mr. Tomás OJEA QUINTANA (Argentina) was designated"))
        #expect(texts[14].hasPrefix("-In Seoul: (in English), Tarek Cheniti"))
        #expect(texts[17].hasPrefix("This year is the 70th anniversary"))
        #expect(texts[17].hasSuffix("to Stand Up for Human"))  // the truncated ending survives
    }

    /// The release's media contacts: the scrape replaced every address with a placeholder.
    @Test func secondSeedContacts() throws {
        let contacts = try self.seed("001_7adfbbae4f46cd26").contacts
        #expect(contacts == [
            Contact(
                name: "Tarek Cheniti", city: "Seoul", languages: ["English"],
                phones: [PhoneNumber(written: "+82 2 725 3522", e164: "+8227253522")], email: nil, isEmailRedacted: true),
            Contact(
                name: "YounKyo Ahn", city: "Seoul", languages: ["Korean"],
                phones: [PhoneNumber(written: "+82 27253523", e164: "+8227253523")], email: nil, isEmailRedacted: true),
            Contact(
                name: "Olga Nakajo", city: "Geneva", languages: [],
                phones: [PhoneNumber(written: "+41 79 444 5515", e164: "+41794445515")], email: nil, isEmailRedacted: true),
            Contact(
                name: "Jeremy Laurence", city: nil, languages: [],
                phones: [PhoneNumber(written: "+41 22 917 9383", e164: "+41229179383")], email: nil, isEmailRedacted: true),
        ])
    }

    @Test func firstSeedHasNoContacts() throws {
        #expect(try self.seed("000_65728c7abcf48230").contacts.isEmpty)
    }

    private func dates(_ id: String) throws -> [String] {
        try self.seed(id).dates.map { "\($0.paragraph) \($0.expression) → \($0.date) \($0.precision.rawValue)\($0.isRelative ? " relative" : "")" }
    }

    /// "on Tuesday" in a story published Thursday 2018-10-25 is 2018-10-23 (DESIGN.md's example).
    @Test func firstSeedDates() throws {
        #expect(try self.dates("000_65728c7abcf48230") == [
            "0 on Tuesday → 2018-10-23 day relative", "3 in June → 2018-06 month relative", "8 in 2014 → 2014 year",
        ])
    }

    @Test func secondSeedDates() throws {
        #expect(try self.dates("001_7adfbbae4f46cd26") == [
            "2 on 27 of April → 2018-04-27 day relative", "2 by the end of May 2018 → 2018-05 month",
            "2 Friday’s → 2018-04-27 day relative", "6 On 21 April → 2018-04-21 day relative",
            "9 in October 2018 → 2018-10 month", "10 in 2016 → 2016 year", "10 from 2008 → 2008 year", "10 to 2014 → 2014 year",
            "17 This year → 2018 year relative", "17 on 10 December 1948 → 1948-12-10 day",
        ])
    }

    private func entity(_ name: String, in document: Document) -> Entity? {
        document.entities.first { $0.name == name }
    }

    /// DESIGN.md's examples: DPRK, North Korea and the official name are one entity, and so
    /// are Ojea Quintana, Tomas Ojea Quintana and Mr. Tomás OJEA QUINTANA.
    @Test func firstSeedEntities() throws {
        let document = try self.seed("000_65728c7abcf48230")
        let korea = try #require(self.entity("North Korea", in: document))
        #expect(korea.kind == .location)
        #expect(korea.aliases == ["Democratic People’s Republic of Korea"])
        let expert = try #require(self.entity("Tomas Ojea Quintana", in: document))
        #expect(expert.kind == .person)
        #expect(expert.id == "tomas-ojea-quintana")
        #expect(expert.aliases == ["Ojea Quintana"])
        #expect(expert.mentions.count == 4)
        for person in ["Kim Jong-un", "Donald Trump", "Moon Jae-in"] {
            #expect(self.entity(person, in: document)?.kind == .person, "\(person)")
        }
        for place in ["Pyongyang", "Singapore", "New York", "South Korea", "United States"] {
            #expect(self.entity(place, in: document)?.kind == .location, "\(place)")
        }
        #expect(self.entity("United States", in: document)?.aliases == ["US"])
        // "UN" is the United Nations, a well-known acronym.
        let united = try #require(self.entity("United Nations", in: document))
        #expect(united.kind == .organization)
        #expect(united.aliases == ["UN"])
    }

    @Test func secondSeedEntities() throws {
        let document = try self.seed("001_7adfbbae4f46cd26")
        let korea = try #require(self.entity("North Korea", in: document))
        #expect(Set(korea.aliases) == ["Democratic People`s Republic of Korea", "DPRK"])
        let expert = try #require(self.entity("Tomás Ojea Quintana", in: document))
        #expect(expert.id == "tomas-ojea-quintana")
        #expect(Set(expert.aliases) == ["Ojea Quintana", "Tomás OJEA QUINTANA"])
        #expect(self.entity("Antonio Guterres", in: document)?.kind == .person)
        for organization in [
            "Office of the United Nations High Commissioner for Human Rights", "UN Human Rights Council", "General Assembly",
            "Inter-American Commission of Human Rights",
        ] {
            #expect(self.entity(organization, in: document)?.kind == .organization, "\(organization)")
        }
        // "the Human Rights Council" and "the Council" are the UN Human Rights Council named first.
        #expect(Set(self.entity("UN Human Rights Council", in: document)?.aliases ?? []) == ["Human Rights Council", "Council"])
        // The media contacts are people named in the contacts section.
        for contact in document.contacts {
            let person = try #require(self.entity(contact.name, in: document), "\(contact.name)")
            #expect(person.kind == .person)
            #expect(person.mentions.allSatisfy { document.paragraphs[$0.paragraph].section == .contacts })
        }
        // Two contacts in Seoul mention the city once.
        let seoul = try #require(self.entity("Seoul", in: document))
        #expect(Set(seoul.mentions).count == seoul.mentions.count)
    }

    /// Every mention's offsets (Unicode scalars) select its text in its paragraph.
    @Test func entityMentionOffsetsSelectTheirText() throws {
        for id in ["000_65728c7abcf48230", "001_7adfbbae4f46cd26"] {
            let document = try self.seed(id)
            for mention in document.entities.flatMap(\.mentions) {
                let scalars = Array(document.paragraphs[mention.paragraph].text.unicodeScalars)
                #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            }
        }
    }

    private func quotes(_ id: String) throws -> [String] {
        try self.seed(id).quotes.map { quote in
            "\(quote.paragraph) \(quote.text.prefix(24)) | \(quote.speaker?.name ?? "nil") | \(quote.speakerText ?? "nil") \(quote.verb ?? "nil")"
                + (quote.isPartial ? " partial" : "")
        }
    }

    /// Every quotation of the AFP story, partial ones included, with its speaker.
    @Test func firstSeedQuotes() throws {
        #expect(try self.quotes("000_65728c7abcf48230") == [
            "2 The human rights situati | Tomas Ojea Quintana | he told",
            "4 an extraordinary develop | Tomas Ojea Quintana | Ojea Quintana called partial",
            "4 very important, | Tomas Ojea Quintana | Ojea Quintana called partial",
            "5 extremely serious | Tomas Ojea Quintana | Ojea Quintana said partial",
            "5 North Korea needs to sho | Tomas Ojea Quintana | Ojea Quintana said",
            "6 We haven’t heard anythin | Tomas Ojea Quintana | he added",
            "8 crimes against humanity  | nil | nil nil partial",
        ])
    }

    /// The release: "the expert", "he" and "the UN Special Rapporteur" are all Ojea Quintana,
    /// not the Secretary-General named inside a quotation; the bio's quoted NGO name has no speaker.
    @Test func secondSeedQuotes() throws {
        let quotes = try self.seed("001_7adfbbae4f46cd26").quotes
        #expect(quotes.count == 11)
        let speakers = Set(quotes.compactMap(\.speaker?.name))
        #expect(speakers == ["Tomás Ojea Quintana"])
        #expect(quotes.filter { $0.speaker == nil }.map(\.text) == ["security of its system", "Abuelas de Plaza de Mayo"])
        #expect(quotes.first { $0.speakerText == "the UN Special Rapporteur" }?.attribution == .description)
    }

    /// Each quotation's offsets select its text.
    @Test func quoteOffsetsSelectTheirText() throws {
        for id in ["000_65728c7abcf48230", "001_7adfbbae4f46cd26"] {
            let document = try self.seed(id)
            for quote in document.quotes {
                let scalars = Array(document.paragraphs[quote.paragraph].text.unicodeScalars)
                #expect(String(String.UnicodeScalarView(scalars[quote.start..<quote.end])) == quote.text)
            }
        }
    }
}
