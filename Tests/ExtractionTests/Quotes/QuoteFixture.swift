import DocumentModel
@testable import Extraction

/// Paragraphs, entities and quotations for the quote-stage tests, built from sentences the
/// tests write (every name invented), without the entity extractor: each test says which
/// names are entities, so it tests attribution alone.
enum QuoteFixture {
    /// An entity a test declares: every occurrence of each form becomes a mention.
    struct Named {
        let name: String
        let kind: Entity.Kind
        let forms: [String]

        init(_ name: String, _ kind: Entity.Kind = .person, forms: [String] = []) {
            self.name = name
            self.kind = kind
            self.forms = forms
        }
    }

    static let vocabulary = AttributionVocabulary(lexicon: .standard, gazetteer: .standard)

    static func paragraphs(_ texts: [String]) -> [Paragraph] {
        texts.enumerated().map { Paragraph(index: $0.offset, section: .body, text: $0.element) }
    }

    static func scanned(_ texts: [String]) -> [ScannedParagraph] {
        self.paragraphs(texts).map { ScannedParagraph($0, words: TextWord.scan($0.text)) }
    }

    /// The declared entities with a mention at every occurrence of each form (longest form first).
    static func entities(_ named: [Named], in paragraphs: [Paragraph]) -> [Entity] {
        named.map { entity in
            var mentions: [Entity.Mention] = []
            for paragraph in paragraphs {
                let scalars = Array(paragraph.text.unicodeScalars)
                var taken: [Range<Int>] = []
                for form in ([entity.name] + entity.forms).sorted(by: { $0.count > $1.count }) {
                    let needle = Array(form.unicodeScalars)
                    var start = 0
                    while start + needle.count <= scalars.count {
                        let range = start..<(start + needle.count)
                        if Array(scalars[range]) == needle, !taken.contains(where: { $0.overlaps(range) }) {
                            taken.append(range)
                            mentions.append(Entity.Mention(text: form, paragraph: paragraph.index, start: range.lowerBound, end: range.upperBound))
                        }
                        start += 1
                    }
                }
            }
            return Entity(
                id: Slug.make(from: entity.name), name: entity.name, kind: entity.kind, aliases: entity.forms,
                mentions: mentions.sorted { ($0.paragraph, $0.start) < ($1.paragraph, $1.start) })
        }
    }

    /// The quotations of `texts`, one paragraph each, with `named` as the document's entities.
    static func quotes(_ texts: [String], entities named: [Named] = []) -> [Quote] {
        self.extraction(texts, entities: named).quotes
    }

    /// The quotations and the work their resolution took.
    static func extraction(_ texts: [String], entities named: [Named] = []) -> (quotes: [Quote], comparisons: Int) {
        self.extraction(texts, entities: self.entities(named, in: self.paragraphs(texts)))
    }

    /// The quotations and the work their resolution took, with entities built by the test.
    static func extraction(_ texts: [String], entities: [Entity]) -> (quotes: [Quote], comparisons: Int) {
        let paragraphs = self.paragraphs(texts)
        // An unlimited deadline never throws.
        return try! QuoteExtractor(vocabulary: self.vocabulary).extractCountingWork(
            from: paragraphs, words: paragraphs.map { TextWord.scan($0.text) }, entities: entities, deadline: .unlimited())
    }

    /// The quotation whose text starts with `prefix`.
    static func quote(startingWith prefix: String, in quotes: [Quote]) -> Quote? {
        quotes.first { $0.text.hasPrefix(prefix) }
    }
}
