import DocumentModel
import Extraction
@testable import Store
import Testing
import TestSupport

extension StoreTests {
    /// `DocumentCodec`: every field of a document comes back as it went in, and bytes that are
    /// not a document (cut short, flipped, padded) are refused with a reason, never a trap.
    @Suite struct DocumentCodecTests {
        /// A document that uses every field, every optional both ways, and unusual text.
        static let everyField = Document(
            id: "doc-7", slug: "harbour-pier-closes", kind: .pressRelease, title: "Harbour pier closes — for now", isTitleDerived: true,
            source: "Nordic Wire", published: "2026-03-04", dateline: "OSLO", authors: ["Kari Nord", "Émile Roux"],
            paragraphs: [
                Paragraph(index: 0, section: .body, text: "OSLO — The pier closes, “for repairs,” officials said. 🚢"),
                Paragraph(index: 1, section: .background, text: "About the port."),
                Paragraph(index: 2, section: .contacts, text: "Press: Ola Berg"),
                Paragraph(index: 3, section: .footer, text: ""),
            ],
            contacts: [
                Contact(
                    name: "Ola Berg", city: "Oslo", languages: ["Norwegian", "English"],
                    phones: [PhoneNumber(written: "+47 22 00 00 00", e164: "+4722000000"), PhoneNumber(written: "ext. 12", e164: nil)],
                    email: "ola@example.org", isEmailRedacted: false),
                Contact(name: "Desk", city: nil, languages: [], phones: [], email: nil, isEmailRedacted: true),
            ],
            dates: [
                DateMention(date: "2026-03-02", precision: .day, expression: "on Monday", isRelative: true, paragraph: 0, start: 3, end: 12),
                DateMention(date: "2026-03", precision: .month, expression: "March", isRelative: false, paragraph: 1, start: 0, end: 5),
                DateMention(date: "2026", precision: .year, expression: "2026", isRelative: false, paragraph: 1, start: 300, end: 100_000),
            ],
            entities: [
                Entity(
                    id: "ola-berg", name: "Ola Berg", kind: .person, aliases: ["Berg"],
                    mentions: [Entity.Mention(text: "Ola Berg", paragraph: 2, start: 7, end: 15)]),
                Entity(id: "oslo", name: "Oslo", kind: .location, aliases: [], mentions: []),
                Entity(id: "nordic-wire", name: "Nordic Wire", kind: .organization, aliases: ["NW", "the Wire"], mentions: []),
            ],
            quotes: [
                Quote(
                    id: "q1", text: "for repairs", speaker: Quote.Speaker(id: "ola-berg", name: "Ola Berg", kind: .person), speakerText: "Berg",
                    verb: "said", paragraph: 0, start: 17, end: 28, isPartial: true, attribution: .saidAfterQuote),
                Quote(
                    id: "q2", text: "We will rebuild", speaker: Quote.Speaker(name: "officials", kind: .description), speakerText: nil,
                    verb: nil, paragraph: 0, start: 0, end: 15, isPartial: false, attribution: .reportedSpeechLeadIn),
                Quote(
                    id: "q3", text: "Nobody", speaker: nil, speakerText: nil, verb: nil, paragraph: 1, start: 1, end: 2, isPartial: false,
                    attribution: nil),
            ])

        static func encoded(_ document: Document) -> [UInt8] {
            IngestedDocument(document: document, extractorVersion: 1).documentBytes
        }

        static func decoded(_ bytes: [UInt8]) throws(MalformedPayload) -> Document {
            try IngestedDocument(documentBytes: bytes, extractorVersion: 1).document
        }

        @Test func everyFieldComesBack() throws {
            #expect(try Self.decoded(Self.encoded(Self.everyField)) == Self.everyField)
            #expect(try Self.decoded(Self.encoded(.make())) == .make())
        }

        @Test func ingestedSeedsComeBack() throws {
            let seeds = try SeedLoader(ingestor: Ingestor()).load(directory: ArticleText.seedsDirectory).documents
            #expect(!seeds.isEmpty)
            for seed in seeds {
                #expect(try Self.decoded(Self.encoded(seed)) == seed)
            }
        }

        /// The tables are the format: each holds every case once.
        @Test func tablesHoldEveryCaseOnce() {
            #expect(Set(DocumentCodec.kinds) == Set(DocumentKind.allCases) && DocumentCodec.kinds.count == DocumentKind.allCases.count)
            #expect(Set(DocumentCodec.sections) == Set(Section.allCases) && DocumentCodec.sections.count == Section.allCases.count)
            #expect(Set(DocumentCodec.rules) == Set(AttributionRule.allCases) && DocumentCodec.rules.count == AttributionRule.allCases.count)
            #expect(Set(DocumentCodec.entityKinds).count == 3 && Set(DocumentCodec.precisions).count == 3)
            #expect(Set(DocumentCodec.speakerKinds).count == 4)
        }

        @Test func everyTruncationIsRefused() {
            let bytes = Self.encoded(Self.everyField)
            for length in 0..<bytes.count {
                #expect(throws: MalformedPayload.self) { try Self.decoded(Array(bytes[..<length])) }
            }
        }

        @Test func bytesAfterTheDocumentAreRefused() {
            #expect(throws: MalformedPayload.self) { try Self.decoded(Self.encoded(Self.everyField) + [0]) }
        }

        /// A flipped byte either still decodes (it fell inside a string, say) or is refused; a
        /// count it inflates never makes the decoder reserve more than the bytes could hold.
        @Test func flippedBytesDecodeOrAreRefused() {
            let bytes = Self.encoded(Self.everyField)
            var random = SplitMix64(seed: 7)
            for _ in 0..<2_000 {
                var damaged = bytes
                damaged[Int.random(in: 0..<damaged.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
                _ = try? Self.decoded(damaged)
            }
        }

        @Test func refusalsNameTheField() {
            var bytes = Self.encoded(.make(id: "a"))
            bytes[2 + 2] = 9  // the document kind, after "a" and slug "a"
            #expect(throws: MalformedPayload(reason: "the document kind is 9, past the 2 known")) { try Self.decoded(bytes) }
        }
    }
}
