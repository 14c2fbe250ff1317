import DocumentModel
@testable import Extraction
import Foundation
import Testing

/// The fixtures in `Fixtures/` (documents written for these tests, in formats the seeds do
/// not show): kind, source, date, dateline, headline, kept and dropped text, sections.
struct FixtureLayoutTests {
    static let names = FixtureDocument.names

    @Test(arguments: Self.names)
    func readsMetadata(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let document = try fixture.ingest()
        #expect(document.kind.rawValue == fixture.string("kind"), "kind of \(name)")
        #expect(document.source == fixture.string("source"), "source of \(name)")
        #expect(document.published == fixture.string("published"), "published of \(name)")
        #expect(document.dateline == fixture.string("dateline"), "dateline of \(name)")
    }

    @Test(arguments: Self.names)
    func findsHeadlineOrDerivesOne(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let document = try fixture.ingest()
        #expect(document.isTitleDerived == (fixture.expected["title_derived"] as? Bool), "title_derived of \(name)")
        if let title = fixture.string("title") {
            #expect(document.title == title, "title of \(name)")
        } else {
            let start = try #require(fixture.string("title_starts_with"))
            #expect(document.title.hasPrefix(start), "title of \(name): \(document.title)")
        }
    }

    @Test(arguments: Self.names)
    func keepsTheStoryInOrder(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let body = try fixture.ingest().paragraphs.filter { $0.section == .body }.map(\.text)
        Self.expect(body, startWith: fixture.strings("body_paragraphs_start_with"), "\(name) body")
    }

    /// The texts are as many as the expected starts, and each starts with its own.
    private static func expect(_ texts: [String], startWith starts: [String], _ what: String) {
        #expect(texts.count == starts.count, "\(what): \(texts.map { $0.prefix(40) })")
        for (text, start) in zip(texts, starts) {
            #expect(text.hasPrefix(start), "\(what): '\(text.prefix(60))' should start with '\(start)'")
        }
    }

    @Test(arguments: Self.names)
    func labelsSections(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let document = try fixture.ingest()
        let sections = fixture.expected["sections"] as? [String: [String]] ?? [:]
        for section in [Section.background, .contacts, .footer] {
            let texts = document.paragraphs.filter { $0.section == section }.map(\.text)
            Self.expect(texts, startWith: sections[section.rawValue] ?? [], "\(name) \(section)")
        }
    }

    @Test(arguments: Self.names)
    func dropsPageChrome(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let paragraphs = try fixture.ingest().paragraphs.map(\.text)
        for line in fixture.strings("dropped") {
            #expect(!paragraphs.contains(line), "\(name) kept the chrome line '\(line)'")
        }
    }
}

/// The fixtures' press contacts: names, cities, languages, phones in E.164, e-mail or redaction.
struct FixtureContactTests {
    @Test(arguments: FixtureDocument.names)
    func extractsContacts(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let contacts = try fixture.ingest().contacts
        let expected = fixture.expected["contacts"] as? [[String: Any]] ?? []
        #expect(contacts.map(\.name) == expected.map { $0["name"] as? String ?? "" }, "contact names of \(name)")
        for (contact, want) in zip(contacts, expected) {
            #expect(contact.city == want["city"] as? String, "city of \(contact.name)")
            #expect(contact.languages == want["languages"] as? [String] ?? [], "languages of \(contact.name)")
            let phones = (want["phones"] as? [[String: String]] ?? []).map { PhoneNumber(written: $0["written"] ?? "", e164: $0["e164"]) }
            #expect(contact.phones == phones, "phones of \(contact.name)")
            #expect(contact.email == want["email"] as? String, "email of \(contact.name)")
            #expect(contact.isEmailRedacted == (want["email_redacted"] as? Bool ?? false), "redaction of \(contact.name)")
        }
    }
}

/// The fixtures' mentioned dates, relative ones resolved against the publication date.
struct FixtureDateTests {
    @Test(arguments: FixtureDocument.names)
    func resolvesMentionedDates(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let document = try fixture.ingest()
        let found = document.dates.map { "\($0.expression) → \($0.date) \($0.precision.rawValue)\($0.isRelative ? " relative" : "")" }
        let expected = (fixture.expected["dates"] as? [[String: Any]] ?? []).map { date in
            "\(date["expression"] as? String ?? "") → \(date["date"] as? String ?? "") \(date["precision"] as? String ?? "")"
                + ((date["relative"] as? Bool ?? false) ? " relative" : "")
        }
        #expect(found == expected, "dates of \(name)")
    }

    /// Each mention's offsets (in Unicode scalars) select its expression in its paragraph.
    @Test(arguments: FixtureDocument.names)
    func offsetsSelectTheExpression(_ name: String) throws {
        let document = try FixtureDocument(name: name).ingest()
        for mention in document.dates {
            let scalars = Array(document.paragraphs[mention.paragraph].text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.expression)
        }
    }
}

/// The fixtures' quotations: every one found, none invented, each with its speaker.
struct FixtureQuoteTests {
    /// Names compared folded and without a leading apostrophe (’Mamello and Mamello are one name).
    private static func key(_ name: String?) -> String {
        String(TextFolding.fold(name ?? "").drop { $0 == "'" })
    }

    @Test(arguments: FixtureDocument.names)
    func attributesEachQuotation(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let quotes = try fixture.ingest().quotes
        for expected in fixture.expected["quotes"] as? [[String: Any]] ?? [] {
            let start = expected["text_starts_with"] as? String ?? ""
            let quote = try #require(quotes.first { $0.text.hasPrefix(start) }, "\(name): '\(start)'")
            #expect(Self.key(quote.speaker?.name) == Self.key(expected["speaker"] as? String), "\(name): speaker of '\(start)'")
        }
    }

    @Test(arguments: FixtureDocument.names)
    func findsEveryQuotation(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let quotes = try fixture.ingest().quotes
        let expected = (fixture.expected["quotes"] as? [[String: Any]] ?? []).compactMap { $0["text_starts_with"] as? String }
        #expect(quotes.count == expected.count, "quotes of \(name): \(quotes.map { $0.text.prefix(30) })")
        for start in expected {
            #expect(quotes.contains { $0.text.hasPrefix(start) }, "\(name): no quotation starting '\(start)'")
        }
    }
}
