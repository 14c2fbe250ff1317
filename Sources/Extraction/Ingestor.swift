import DocumentModel
import Foundation

/// Turns raw article text into a `Document`.
///
/// Reads the optional metadata line, normalises whitespace (non-breaking spaces included),
/// drops page chrome, finds the headline (or derives one from the lede), the dateline, the
/// date, publisher and kind the page states, and labels the paragraphs after the story as
/// background, contacts or footer (`LayoutAnalyzer`).
///
/// ```swift
/// let document = try Ingestor().ingest(text: text, id: "000_abc")
/// ```
public struct Ingestor: Sendable {
    /// The version of what ingestion makes of a text: raise it with every change that changes
    /// a document ingestion makes (a rule, a lexicon, the model). Stores keep it beside each
    /// document they keep, and ingest again what an older version made. A test pins the
    /// seeds' documents to it, so a change in output that forgets to raise it fails.
    public static let version = 1

    /// Words kept when deriving a headline from the lede.
    static let derivedHeadlineWords = 12

    private let lexicon: Lexicon
    private let gazetteer: Gazetteer
    private let classifier: BodyLineClassifier
    /// The word sets quote attribution reads, unions built once rather than per document.
    private let attributionVocabulary: AttributionVocabulary
    /// The metadata stage, its word lists prepared once rather than per document.
    private let metadataReader: MetadataReader
    /// The entity stages, their word lists prepared once rather than per document.
    private let entityExtractor: EntityExtractor

    /// Makes an ingestor with the shipped lexicons, gazetteer and body-line model.
    public init() {
        self.lexicon = .standard
        self.gazetteer = .standard
        self.classifier = BodyLineClassifier(model: .standard)
        self.attributionVocabulary = AttributionVocabulary(lexicon: .standard, gazetteer: .standard)
        let gazetteer = self.gazetteer
        self.metadataReader = MetadataReader(lexicon: self.lexicon, isKnownPlace: { gazetteer.city(named: String($0)) != nil })
        self.entityExtractor = EntityExtractor(gazetteer: self.gazetteer, lexicon: self.lexicon)
    }

    /// Builds a document from its text.
    ///
    /// - Parameters:
    ///   - text: the article as received.
    ///   - id: the document's id.
    ///   - title: a headline that replaces the one the text has (or lacks).
    ///   - source: a publisher that replaces the one the text names.
    ///   - published: a `YYYY-MM-DD` date that replaces the one the text states; relative
    ///     dates in the text are read against it.
    ///   - budget: the CPU time it may take, counted on the calling thread; no limit by default.
    /// - Returns: the document.
    /// - Throws: `IngestError` when no body is left or the metadata line is malformed, and
    ///   `.tooComplex` when the budget runs out.
    public func ingest(
        text: String, id: String, title: String? = nil, source: String? = nil, published: String? = nil,
        budget: IngestionBudget = .unlimited
    ) throws(IngestError) -> Document {
        let deadline = budget.start()
        let normalized = Self.normalizeSpaces(text)
        var lines = Self.lines(of: normalized)[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
        var metadata: MetadataLine?
        if let first = lines.first, let parsed = try MetadataLine.parse(first) {
            metadata = parsed
            lines = lines.dropFirst()
        }
        // Every later stage numbers the page's lines from 0, after the metadata line.
        let pageLines = Self.collapsingSpaces(lines)
        let layout = self.layout(of: ArraySlice(Array(lines)), collapsed: pageLines)
        try deadline.check()
        let paragraphs = layout.paragraphs.enumerated().map { Paragraph(index: $0.offset, section: $0.element.section, text: $0.element.text) }
        guard let lede = paragraphs.first(where: { $0.section == .body }) else { throw .emptyBody }
        let page = self.metadataReader.read(pageLines, bodyStart: layout.ledeLine)
        try deadline.check()

        let givenTitle = title ?? page.title?.value ?? layout.headline
        let title = givenTitle ?? Self.derivedHeadline(fromLede: lede.text, honorifics: self.lexicon.honorifics)
        let published = published ?? metadata?.published ?? page.published?.value.description
            ?? layout.dateline?.date?.resolved(fallbackYear: nil)?.description
        let dateline = metadata?.dateline ?? page.dateline?.value
        let kind = page.kind.value
        // National-format phone numbers belong to the story's country unless a contact's city
        // says otherwise; it is looked for only when such a number needs it.
        let countryHint = {
            dateline.flatMap(self.gazetteer.country(ofPlace:))
                ?? self.gazetteer.firstCountry(mentionedIn: paragraphs.filter { $0.section == .body }.map(\.text).joined(separator: " "))
        }
        let contacts = ContactExtractor(gazetteer: self.gazetteer, languages: self.lexicon.languages)
            .extract(from: paragraphs.filter { $0.section == .contacts }.map(\.text), countryHint: countryHint)
        let words = paragraphs.map { TextWord.scan($0.text) }
        try deadline.check()
        let entities = try self.entityExtractor.extract(from: paragraphs, words: words, contacts: contacts, deadline: deadline)
        let dates = try DateMentionExtractor()
            .extract(from: paragraphs, words: words, published: published.flatMap { CalendarDate(parsing: $0) }, deadline: deadline)
        let quotes = try QuoteExtractor(vocabulary: self.attributionVocabulary)
            .extract(from: paragraphs, words: words, entities: entities, deadline: deadline)
        return Document(
            id: id, slug: Slug.make(from: title), kind: kind,
            title: title, isTitleDerived: givenTitle == nil,
            source: source ?? metadata?.source ?? page.source?.value ?? layout.masthead
                ?? (kind == .pressRelease ? self.signOffPublisher(paragraphs, entities: entities) : nil),
            published: published, dateline: dateline, authors: page.authors?.value ?? [], paragraphs: paragraphs, contacts: contacts,
            dates: dates, entities: entities, quotes: quotes)
    }

    /// The page's layout: the story the body-line classifier finds, read by the layout rules;
    /// or, when the classifier's decision cannot be trusted (`StoryLines`), the rules alone.
    private func layout(of lines: ArraySlice<Substring>, collapsed: ArraySlice<Substring>) -> LayoutAnalyzer.Layout {
        let analyzer = LayoutAnalyzer(lexicon: self.lexicon)
        guard let story = StoryLines(classifying: lines, with: self.classifier) else { return analyzer.analyze(collapsed) }
        return analyzer.analyze(collapsed, story: story)
    }

    /// The publisher a press release signs off with: the organization on the short line just
    /// before its media contacts (`OHCHR Seoul Office`), or the known organization whose office
    /// that is (`OHCHR`).
    private func signOffPublisher(_ paragraphs: [Paragraph], entities: [Entity]) -> String? {
        guard let contacts = paragraphs.firstIndex(where: { $0.section == .contacts }), contacts > 0,
            paragraphs[contacts - 1].text.split(separator: " ").count <= 12
        else { return nil }
        let signOff = paragraphs[contacts - 1].index
        let mention = entities.filter { $0.kind == .organization }.flatMap(\.mentions).first { $0.paragraph == signOff }
        guard let name = mention?.text else { return nil }
        let first = String(name.prefix { $0 != " " })
        return self.lexicon.acronyms[first] != nil ? first : name
    }

    /// Every Unicode space becomes U+0020 and every line break LF: CRLF, CR, VT, FF, NEL and
    /// U+2028 end a line, U+2029 ends a paragraph.
    static func normalizeSpaces(_ text: String) -> String {
        // Read off the text's bytes and written straight into the new string: no scalar is
        // made longer (CRLF becomes LF, a two- or three-byte space or break one byte, U+2029
        // two), so the text's length is room enough.
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { normalized in
                var length = 0
                func write(_ byte: UInt8) {
                    normalized[length] = byte
                    length += 1
                }
                var previousWasCR = false
                var position = 0
                while position < bytes.count {
                    let (scalar, size) = UTF8Scalars.scalar(in: bytes, at: position)
                    defer {
                        previousWasCR = scalar == "\r"
                        position += size
                    }
                    switch scalar {
                    case "\n" where previousWasCR: continue
                    case "\r", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}": write(UInt8(ascii: "\n"))
                    case "\u{2029}":
                        write(UInt8(ascii: "\n"))
                        write(UInt8(ascii: "\n"))
                    case "\t": write(UInt8(ascii: " "))
                    default:
                        // ASCII has no other spaces; only the rest needs a Unicode property lookup.
                        if !scalar.isASCII && scalar.properties.generalCategory == .spaceSeparator {
                            write(UInt8(ascii: " "))
                        } else {
                            for offset in position..<(position + size) { write(bytes[offset]) }
                        }
                    }
                }
                return length
            }
        }
    }

    /// The lines of a text `normalizeSpaces` returned, split at every LF. Split on bytes, which
    /// is splitting at the `Character` "\n" there: no CR is left to make one `Character` of
    /// CRLF, and a line feed joins no other scalar.
    static func lines(of normalized: String) -> [Substring] {
        var text = normalized
        let breaks = text.withUTF8 { bytes in bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") } }
        let utf8 = normalized.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for offset in breaks {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(normalized[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(normalized[start...])
        return lines
    }

    /// Each line with runs of spaces collapsed to one and no leading or trailing space.
    ///
    /// Works on scalars, not `Character`s: a space can fuse with a following combining mark
    /// into one grapheme cluster, and must still separate words.
    static func collapsingSpaces(_ lines: ArraySlice<Substring>) -> ArraySlice<Substring> {
        // A space scalar is the byte 0x20 and no byte of another scalar, so bytes will do; a
        // collapsed line is never longer than the line, and is written straight into its string.
        lines.map { line in
            var line = line
            return Substring(line.withUTF8 { bytes in SimpleText.joiningRuns(of: bytes) { $0 == UInt8(ascii: " ") ? nil : $0 } })
        }[...]
    }

    /// The lede's first sentence, cut to a few words at a word boundary; never empty.
    static func derivedHeadline(fromLede lede: String, honorifics: Set<String> = []) -> String {
        let trimmedLede = lede.drop { $0.isPunctuation || $0.isWhitespace }
        guard !trimmedLede.isEmpty else { return lede }
        // The first ". " that ends a sentence: not the dot of "Mr." or of an initial ("J. Smith").
        var sentenceEnd = trimmedLede.endIndex
        var searchFrom = trimmedLede.startIndex
        while let range = trimmedLede[searchFrom...].firstRange(of: ". ") {
            let word = trimmedLede[..<range.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            if word.count == 1 || honorifics.contains(TextFolding.fold(word)) {
                searchFrom = range.upperBound
                continue
            }
            sentenceEnd = range.lowerBound
            break
        }
        let sentence = trimmedLede[..<sentenceEnd].trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        let words = sentence.split(separator: " ")
        guard words.count > derivedHeadlineWords else { return sentence.isEmpty ? String(trimmedLede) : sentence }
        return words.prefix(derivedHeadlineWords).joined(separator: " ") + "…"
    }
}
