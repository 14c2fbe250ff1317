/// One ingested article or press release.
///
/// Carries identity, kind, metadata (from the optional `date YYYY-MM-DD SOURCE, CITY` line or
/// from the text), the headline and the paragraphs labelled by section.
public struct Document: Sendable, Hashable {
    /// Stable id: the file name without extension for seeds.
    public let id: String
    /// URL-friendly form of the title.
    public let slug: String
    /// Whether it is a news article or a press release.
    public let kind: DocumentKind
    /// The headline, or one derived from the lede when the text has none.
    public let title: String
    /// Whether `title` was derived from the lede.
    public let isTitleDerived: Bool
    /// Publisher or agency, when the text says.
    public let source: String?
    /// Publication date `YYYY-MM-DD`, when the text says.
    public let published: String?
    /// Where the story was filed from, when the text says.
    public let dateline: String?
    /// The people the byline names, in order; empty when the text names none.
    public let authors: [String]
    /// The paragraphs, in order, boilerplate dropped.
    public let paragraphs: [Paragraph]
    /// Press contacts from the contacts section.
    public let contacts: [Contact]
    /// Dates the text mentions, relative ones resolved against `published`.
    public let dates: [DateMention]
    /// People, organizations and locations, each with its aliases and mentions.
    public let entities: [Entity]
    /// Direct quotations with their speakers.
    public let quotes: [Quote]

    /// Makes a document.
    public init(
        id: String, slug: String, kind: DocumentKind, title: String, isTitleDerived: Bool, source: String?,
        published: String?, dateline: String?, authors: [String] = [], paragraphs: [Paragraph], contacts: [Contact] = [], dates: [DateMention] = [],
        entities: [Entity] = [], quotes: [Quote] = []
    ) {
        self.id = id
        self.slug = slug
        self.kind = kind
        self.title = title
        self.isTitleDerived = isTitleDerived
        self.source = source
        self.published = published
        self.dateline = dateline
        self.authors = authors
        self.paragraphs = paragraphs
        self.contacts = contacts
        self.dates = dates
        self.entities = entities
        self.quotes = quotes
    }

    /// The paragraphs of the story itself (section `body`).
    public var bodyParagraphs: [Paragraph] {
        self.paragraphs.filter { $0.section == .body }
    }

    /// The lede: the first body paragraph, or empty.
    public var summary: String {
        self.bodyParagraphs.first?.text ?? ""
    }

    /// Words in the body: runs of characters that are not white space.
    ///
    /// Read scalar by scalar, not by `Character` (grapheme breaking costs more than the rest
    /// of rendering a document): a scalar that extends the character before it (a combining
    /// mark, a joiner) belongs to that character, so the count is what characters would give.
    public var wordCount: Int {
        self.bodyParagraphs.reduce(0) { total, paragraph in
            var count = 0
            var isInWord = false
            for scalar in paragraph.text.unicodeScalars {
                let isSpace: Bool
                if scalar.isASCII {
                    isSpace = scalar == " " || (0x09...0x0D).contains(scalar.value)
                } else if scalar.properties.isGraphemeExtend || scalar.value == 0x200D || scalar.properties.generalCategory == .spacingMark {
                    continue  // extends the character before it (UAX #29 GB9, GB9a)
                } else {
                    isSpace = scalar.properties.isWhitespace
                }
                if !isSpace && !isInWord { count += 1 }
                isInWord = !isSpace
            }
            return total + count
        }
    }

    /// Minutes to read the body at 200 words a minute, at least 1.
    public var readingTimeMinutes: Int {
        max(1, (self.wordCount + 199) / 200)
    }

    /// The body as plain text: paragraphs separated by blank lines.
    public var bodyText: String {
        self.bodyParagraphs.map(\.text).joined(separator: "\n\n") + "\n"
    }
}

/// A paragraph of a document.
public struct Paragraph: Sendable, Hashable {
    /// Position in the document's paragraph list, from 0.
    public let index: Int
    /// What part of the document it belongs to.
    public let section: Section
    /// The text, whitespace normalised.
    public let text: String

    /// Makes a paragraph.
    public init(index: Int, section: Section, text: String) {
        self.index = index
        self.section = section
        self.text = text
    }
}

/// The part of a document a paragraph belongs to.
public enum Section: String, Sendable, Hashable, CaseIterable {
    /// The story.
    case body
    /// Background such as an about-the-author bio.
    case background
    /// Press contacts.
    case contacts
    /// Page footer.
    case footer
}

/// What sort of text a document is.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    /// A story by a news organisation or agency.
    case newsArticle = "news-article"
    /// A statement issued by the organisation it is about.
    case pressRelease = "press-release"
}
