import Corpus
import DocumentModel
import Serialization

/// The JSON shapes of a document: the full resource and the list summary.
enum DocumentRepresentation {
    /// `/v1/documents/{id}` for a document.
    static func path(of document: Document) -> String {
        "/v1/documents/" + URLPath.encodeSegment(document.id)
    }

    /// The summary: the metadata and links, without paragraphs or extractions.
    static func summary(_ document: Document) -> JSONValue {
        .object(self.metadataMembers(document) + [self.linksMember(document)])
    }

    /// The full document: the summary's fields, then paragraphs, dates and contacts, then links.
    static func full(_ document: Document) -> JSONValue {
        let paragraphs = document.paragraphs.map { paragraph in
            JSONValue.object([
                ("index", .int(paragraph.index)), ("section", .string(paragraph.section.rawValue)),
                ("text", .string(paragraph.text)),
            ])
        }
        return .object(
            self.metadataMembers(document) + [
                ("paragraphs", .array(paragraphs)),
                ("quotes", .array(document.quotes.map(self.quote))),
                ("entities", .array(document.entities.map(self.entity))),
                ("dates", .array(document.dates.map(self.date))),
                ("contacts", .array(document.contacts.map(self.contact))),
                self.linksMember(document),
            ])
    }

    /// A quotation with its speaker (or `null`) and evidence.
    static func quote(_ quote: Quote) -> JSONValue {
        .object([
            ("id", .string(quote.id)), ("text", .string(quote.text)),
            ("speaker", quote.speaker.map(self.speaker) ?? .null),
            ("speaker_text", .optional(quote.speakerText)), ("verb", .optional(quote.verb)),
            ("paragraph", .int(quote.paragraph)), ("start", .int(quote.start)), ("end", .int(quote.end)),
            ("partial", .bool(quote.isPartial)), ("attribution", .optional(quote.attribution?.rawValue)),
            ("confidence", .double(quote.confidence)),
        ])
    }

    /// A speaker: `{id, name, type}`, `id` null for a description or a name no entity holds.
    static func speaker(_ speaker: Quote.Speaker) -> JSONValue {
        .object([("id", .optional(speaker.id)), ("name", .string(speaker.name)), ("type", .string(speaker.kind.rawValue))])
    }

    /// An entity with its aliases and every mention's evidence.
    static func entity(_ entity: Entity) -> JSONValue {
        .object([
            ("id", .string(entity.id)), ("name", .string(entity.name)), ("type", .string(entity.kind.rawValue)),
            ("aliases", .array(entity.aliases.map(JSONValue.string))),
            ("mentions", .array(entity.mentions.map { mention in
                .object([
                    ("text", .string(mention.text)), ("paragraph", .int(mention.paragraph)),
                    ("start", .int(mention.start)), ("end", .int(mention.end)),
                ])
            })),
        ])
    }

    /// An item of a corpus-wide list (a quote, a date, a contact) with the id of the
    /// document it comes from and a link to it.
    static func item(_ value: JSONValue, of document: Document) -> JSONValue {
        guard case .object(let members) = value else { preconditionFailure("list items are objects") }
        return .object(members + [
            ("document", .string(document.id)), ("links", .object([("document", .string(self.path(of: document)))])),
        ])
    }

    /// A mentioned date with its evidence: `{date, precision, expression, relative, paragraph, start, end}`.
    static func date(_ mention: DateMention) -> JSONValue {
        .object([
            ("date", .string(mention.date)), ("precision", .string(mention.precision.rawValue)),
            ("expression", .string(mention.expression)), ("relative", .bool(mention.isRelative)),
            ("paragraph", .int(mention.paragraph)), ("start", .int(mention.start)), ("end", .int(mention.end)),
        ])
    }

    /// A press contact: `{name, city, languages, phones: [{written, e164}], email, email_redacted}`.
    static func contact(_ contact: Contact) -> JSONValue {
        .object([
            ("name", .string(contact.name)),
            ("city", .optional(contact.city)),
            ("languages", .array(contact.languages.map(JSONValue.string))),
            ("phones", .array(contact.phones.map { .object([("written", .string($0.written)), ("e164", .optional($0.e164))]) })),
            ("email", .optional(contact.email)),
            ("email_redacted", .bool(contact.isEmailRedacted)),
        ])
    }

    private static func metadataMembers(_ document: Document) -> [(String, JSONValue)] {
        [
            ("id", .string(document.id)),
            ("slug", .string(document.slug)),
            ("kind", .string(document.kind.rawValue)),
            ("title", .string(document.title)),
            ("title_derived", .bool(document.isTitleDerived)),
            ("source", .optional(document.source)),
            ("published", .optional(document.published)),
            ("dateline", .optional(document.dateline)),
            ("authors", .array(document.authors.map(JSONValue.string))),
            ("summary", .string(document.summary)),
            ("word_count", .int(document.wordCount)),
            ("reading_time_minutes", .int(document.readingTimeMinutes)),
        ]
    }

    private static func linksMember(_ document: Document) -> (String, JSONValue) {
        let path = self.path(of: document)
        return ("links", .object([("self", .string(path)), ("text", .string(path + "/text"))]))
    }
}

/// The document JSON a text becomes, for `dossier inspect`.
public enum DocumentJSON {
    /// The full document as JSON bytes, exactly as `GET /v1/documents/{id}` serves it.
    ///
    /// - Parameters:
    ///   - document: the document.
    ///   - pretty: indent it.
    public static func render(_ document: Document, pretty: Bool) -> [UInt8] {
        JSONWriter.serialize(DocumentRepresentation.full(document), pretty: pretty)
    }
}
