import DocumentModel

/// Encodes and decodes an ingested `Document` in the store's binary form, so that a restart
/// or a follower loads what ingestion made instead of ingesting the text again.
///
/// Fields follow one another in declaration order, with no names: counts, offsets and indexes
/// as unsigned LEB128 varints; strings as a varint byte count then UTF-8; optional values as a
/// presence byte (0 or 1) then the value; Booleans as 0 or 1; enumerations as a byte indexing
/// the tables below, whose order is the format (append new cases, never reorder). A document
/// of ~4 KB of text encodes to about as many bytes as its paragraphs, quotes and names hold.
///
/// Decoding checks everything it reads (bounds, UTF-8, table indexes, counts no larger than
/// the bytes left) and throws `MalformedPayload` rather than trap: the bytes come from disk or
/// from another process.
enum DocumentCodec {
    static let kinds: [DocumentKind] = [.newsArticle, .pressRelease]
    static let sections: [Section] = [.body, .background, .contacts, .footer]
    static let entityKinds: [Entity.Kind] = [.person, .organization, .location]
    static let speakerKinds: [Quote.Speaker.Kind] = [.person, .organization, .location, .description]
    static let precisions: [DateMention.Precision] = [.day, .month, .year]
    static let rules: [AttributionRule] = [
        .saidAfterQuote, .saidBeforeSpeaker, .speakerBeforeQuote, .colonLeadIn, .accordingTo, .calledIt, .pronoun, .description,
        .splitQuotation, .continuation, .reportedSpeechLeadIn,
    ]

    // MARK: Encoding

    /// Appends `document`'s encoding to `bytes`.
    static func append(_ document: Document, to bytes: inout [UInt8]) {
        bytes.appendVarintPrefixed(document.id)
        bytes.appendVarintPrefixed(document.slug)
        bytes.append(self.code(document.kind, in: self.kinds))
        bytes.appendVarintPrefixed(document.title)
        bytes.append(document.isTitleDerived ? 1 : 0)
        self.appendOptional(document.source, to: &bytes)
        self.appendOptional(document.published, to: &bytes)
        self.appendOptional(document.dateline, to: &bytes)
        self.appendList(document.authors, to: &bytes) { $1.appendVarintPrefixed($0) }
        self.appendList(document.paragraphs, to: &bytes) { paragraph, bytes in
            bytes.appendVarint(paragraph.index)
            bytes.append(self.code(paragraph.section, in: self.sections))
            bytes.appendVarintPrefixed(paragraph.text)
        }
        self.appendList(document.contacts, to: &bytes, self.appendContact)
        self.appendList(document.dates, to: &bytes) { date, bytes in
            bytes.appendVarintPrefixed(date.date)
            bytes.append(self.code(date.precision, in: self.precisions))
            bytes.appendVarintPrefixed(date.expression)
            bytes.append(date.isRelative ? 1 : 0)
            self.appendSpan(date.paragraph, date.start, date.end, to: &bytes)
        }
        self.appendList(document.entities, to: &bytes, self.appendEntity)
        self.appendList(document.quotes, to: &bytes, self.appendQuote)
    }

    private static func appendContact(_ contact: Contact, to bytes: inout [UInt8]) {
        bytes.appendVarintPrefixed(contact.name)
        self.appendOptional(contact.city, to: &bytes)
        self.appendList(contact.languages, to: &bytes) { $1.appendVarintPrefixed($0) }
        self.appendList(contact.phones, to: &bytes) { phone, bytes in
            bytes.appendVarintPrefixed(phone.written)
            self.appendOptional(phone.e164, to: &bytes)
        }
        self.appendOptional(contact.email, to: &bytes)
        bytes.append(contact.isEmailRedacted ? 1 : 0)
    }

    private static func appendEntity(_ entity: Entity, to bytes: inout [UInt8]) {
        bytes.appendVarintPrefixed(entity.id)
        bytes.appendVarintPrefixed(entity.name)
        bytes.append(self.code(entity.kind, in: self.entityKinds))
        self.appendList(entity.aliases, to: &bytes) { $1.appendVarintPrefixed($0) }
        self.appendList(entity.mentions, to: &bytes) { mention, bytes in
            bytes.appendVarintPrefixed(mention.text)
            self.appendSpan(mention.paragraph, mention.start, mention.end, to: &bytes)
        }
    }

    private static func appendQuote(_ quote: Quote, to bytes: inout [UInt8]) {
        bytes.appendVarintPrefixed(quote.id)
        bytes.appendVarintPrefixed(quote.text)
        bytes.append(quote.speaker == nil ? 0 : 1)
        if let speaker = quote.speaker {
            self.appendOptional(speaker.id, to: &bytes)
            bytes.appendVarintPrefixed(speaker.name)
            bytes.append(self.code(speaker.kind, in: self.speakerKinds))
        }
        self.appendOptional(quote.speakerText, to: &bytes)
        self.appendOptional(quote.verb, to: &bytes)
        self.appendSpan(quote.paragraph, quote.start, quote.end, to: &bytes)
        bytes.append(quote.isPartial ? 1 : 0)
        // 0 for none, else 1 + the rule's index.
        bytes.append(quote.attribution.map { self.code($0, in: self.rules) + 1 } ?? 0)
    }

    private static func appendSpan(_ paragraph: Int, _ start: Int, _ end: Int, to bytes: inout [UInt8]) {
        bytes.appendVarint(paragraph)
        bytes.appendVarint(start)
        bytes.appendVarint(end)
    }

    private static func appendOptional(_ string: String?, to bytes: inout [UInt8]) {
        bytes.append(string == nil ? 0 : 1)
        if let string { bytes.appendVarintPrefixed(string) }
    }

    private static func appendList<Item>(_ items: [Item], to bytes: inout [UInt8], _ item: (Item, inout [UInt8]) -> Void) {
        bytes.appendVarint(items.count)
        for element in items { item(element, &bytes) }
    }

    private static func code<Value: Equatable>(_ value: Value, in table: [Value]) -> UInt8 {
        guard let index = table.firstIndex(of: value) else { preconditionFailure("every case is in its table") }
        return UInt8(index)
    }

    // MARK: Decoding

    /// Reads a document appended by `append(_:to:)`.
    static func read(from reader: inout ByteReader) throws(MalformedPayload) -> Document {
        let id = try reader.varintPrefixedString("document id")
        let slug = try reader.varintPrefixedString("slug")
        let kind = try reader.choice(self.kinds, "document kind")
        let title = try reader.varintPrefixedString("title")
        let isTitleDerived = try reader.flag("derived-title flag")
        let source = try self.readOptional(&reader, "source")
        let published = try self.readOptional(&reader, "published date")
        let dateline = try self.readOptional(&reader, "dateline")
        let authors = try reader.list("authors") { (reader: inout ByteReader) throws(MalformedPayload) in try reader.varintPrefixedString("author") }
        let paragraphs = try reader.list("paragraphs") { (reader: inout ByteReader) throws(MalformedPayload) in
            Paragraph(
                index: try reader.varint("paragraph index"), section: try reader.choice(self.sections, "section"),
                text: try reader.varintPrefixedString("paragraph"))
        }
        let contacts = try reader.list("contacts", self.readContact)
        let dates = try reader.list("dates") { (reader: inout ByteReader) throws(MalformedPayload) in
            let date = try reader.varintPrefixedString("date")
            let precision = try reader.choice(self.precisions, "date precision")
            let expression = try reader.varintPrefixedString("date expression")
            let isRelative = try reader.flag("relative-date flag")
            let span = try self.readSpan(&reader, "date")
            return DateMention(
                date: date, precision: precision, expression: expression, isRelative: isRelative, paragraph: span.paragraph,
                start: span.start, end: span.end)
        }
        let entities = try reader.list("entities", self.readEntity)
        let quotes = try reader.list("quotes", self.readQuote)
        return Document(
            id: id, slug: slug, kind: kind, title: title, isTitleDerived: isTitleDerived, source: source, published: published,
            dateline: dateline, authors: authors, paragraphs: paragraphs, contacts: contacts, dates: dates, entities: entities,
            quotes: quotes)
    }

    private static func readContact(_ reader: inout ByteReader) throws(MalformedPayload) -> Contact {
        let name = try reader.varintPrefixedString("contact name")
        let city = try self.readOptional(&reader, "contact city")
        let languages = try reader.list("languages") { (reader: inout ByteReader) throws(MalformedPayload) in try reader.varintPrefixedString("language") }
        let phones = try reader.list("phones") { (reader: inout ByteReader) throws(MalformedPayload) in
            PhoneNumber(written: try reader.varintPrefixedString("phone number"), e164: try self.readOptional(&reader, "E.164 number"))
        }
        return Contact(
            name: name, city: city, languages: languages, phones: phones, email: try self.readOptional(&reader, "email"),
            isEmailRedacted: try reader.flag("redacted-email flag"))
    }

    private static func readEntity(_ reader: inout ByteReader) throws(MalformedPayload) -> Entity {
        let id = try reader.varintPrefixedString("entity id")
        let name = try reader.varintPrefixedString("entity name")
        let kind = try reader.choice(self.entityKinds, "entity kind")
        let aliases = try reader.list("aliases") { (reader: inout ByteReader) throws(MalformedPayload) in try reader.varintPrefixedString("alias") }
        let mentions = try reader.list("mentions") { (reader: inout ByteReader) throws(MalformedPayload) in
            let text = try reader.varintPrefixedString("mention")
            let span = try self.readSpan(&reader, "mention")
            return Entity.Mention(text: text, paragraph: span.paragraph, start: span.start, end: span.end)
        }
        return Entity(id: id, name: name, kind: kind, aliases: aliases, mentions: mentions)
    }

    private static func readQuote(_ reader: inout ByteReader) throws(MalformedPayload) -> Quote {
        let id = try reader.varintPrefixedString("quote id")
        let text = try reader.varintPrefixedString("quotation")
        var speaker: Quote.Speaker?
        if try reader.flag("presence byte of the speaker") {
            speaker = Quote.Speaker(
                id: try self.readOptional(&reader, "speaker id"), name: try reader.varintPrefixedString("speaker name"),
                kind: try reader.choice(self.speakerKinds, "speaker kind"))
        }
        let speakerText = try self.readOptional(&reader, "speaker text")
        let verb = try self.readOptional(&reader, "attribution verb")
        let span = try self.readSpan(&reader, "quotation")
        let isPartial = try reader.flag("partial-quotation flag")
        let rule = Int(try reader.integer(UInt8.self, "attribution rule"))
        guard rule <= self.rules.count else { throw MalformedPayload(reason: "the attribution rule is \(rule), past the \(self.rules.count) known") }
        return Quote(
            id: id, text: text, speaker: speaker, speakerText: speakerText, verb: verb, paragraph: span.paragraph, start: span.start,
            end: span.end, isPartial: isPartial, attribution: rule == 0 ? nil : self.rules[rule - 1])
    }

    private static func readSpan(_ reader: inout ByteReader, _ field: String) throws(MalformedPayload) -> (paragraph: Int, start: Int, end: Int) {
        (try reader.varint("\(field)'s paragraph"), try reader.varint("\(field)'s start"), try reader.varint("\(field)'s end"))
    }

    private static func readOptional(_ reader: inout ByteReader, _ field: StaticString) throws(MalformedPayload) -> String? {
        try reader.flag("presence byte of the \(field)") ? try reader.varintPrefixedString("\(field)") : nil
    }
}
