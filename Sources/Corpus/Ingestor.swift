import Foundation

/// Turns raw article text into a `Document`.
///
/// First cut: reads the optional metadata line, normalises whitespace (non-breaking spaces
/// included), splits paragraphs at blank lines, and takes the first paragraph as the headline
/// when it reads like one; otherwise it derives a headline from the lede.
///
/// ```swift
/// let document = try Ingestor().ingest(text: text, id: "000_abc")
/// ```
public struct Ingestor: Sendable {
    /// Longest headline, in words, taken from the text as is.
    static let maxHeadlineWords = 20
    /// Words kept when deriving a headline from the lede.
    static let derivedHeadlineWords = 12

    /// Makes an ingestor.
    public init() {}

    /// Builds a document from its text.
    ///
    /// - Parameters:
    ///   - text: the article as received.
    ///   - id: the document's id.
    /// - Returns: the document.
    /// - Throws: `IngestError` when no body is left or the metadata line is malformed.
    public func ingest(text: String, id: String) throws(IngestError) -> Document {
        let normalized = Self.normalizeSpaces(text)
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
        var metadata: MetadataLine?
        if let first = lines.first, let parsed = try MetadataLine.parse(first) {
            metadata = parsed
            lines = lines.dropFirst()
        }
        var blocks = Self.paragraphBlocks(lines)
        guard !blocks.isEmpty else { throw .emptyBody }

        let title: String
        let isDerived: Bool
        if blocks.count > 1, Self.readsAsHeadline(blocks[0]) {
            title = blocks.removeFirst()
            isDerived = false
        } else {
            title = Self.derivedHeadline(fromLede: blocks[0])
            isDerived = true
        }
        let paragraphs = blocks.enumerated().map { Paragraph(index: $0.offset, section: .body, text: $0.element) }
        return Document(
            id: id, slug: Slug.make(from: title), title: title, isTitleDerived: isDerived,
            source: metadata?.source, published: metadata?.published, dateline: metadata?.dateline,
            paragraphs: paragraphs)
    }

    /// Every Unicode space becomes U+0020 and every line break LF: CRLF, CR, VT, FF, NEL and
    /// U+2028 end a line, U+2029 ends a paragraph.
    static func normalizeSpaces(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR: continue
            case "\r", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}": scalars.append("\n")
            case "\u{2029}": scalars.append(contentsOf: "\n\n".unicodeScalars)
            case "\t": scalars.append(" ")
            default:
                scalars.append(scalar.properties.generalCategory == .spaceSeparator ? " " : scalar)
            }
        }
        return String(scalars)
    }

    /// Blank-line separated blocks, each with its lines joined by single spaces.
    ///
    /// Works on scalars, not `Character`s: a space can fuse with a following combining mark
    /// into one grapheme cluster, and must still separate words.
    static func paragraphBlocks(_ lines: ArraySlice<Substring>) -> [String] {
        var blocks: [String] = []
        var current = String.UnicodeScalarView()
        var pendingSpace = false
        func close() {
            if !current.isEmpty { blocks.append(String(current)) }
            current = String.UnicodeScalarView()
            pendingSpace = false
        }
        for line in lines {
            guard line.unicodeScalars.contains(where: { $0 != " " }) else {
                close()
                continue
            }
            pendingSpace = !current.isEmpty
            for scalar in line.unicodeScalars {
                if scalar == " " {
                    pendingSpace = !current.isEmpty
                } else {
                    if pendingSpace { current.append(" ") }
                    pendingSpace = false
                    current.append(scalar)
                }
            }
        }
        close()
        return blocks
    }

    /// Short, and not ending like a sentence.
    static func readsAsHeadline(_ block: String) -> Bool {
        let words = block.split(separator: " ")
        guard let last = block.last else { return false }
        return words.count <= maxHeadlineWords && !".!?:;,".contains(last)
    }

    /// The lede's first sentence, cut to a few words at a word boundary; never empty.
    static func derivedHeadline(fromLede lede: String) -> String {
        let trimmedLede = lede.drop { $0.isPunctuation || $0.isWhitespace }
        guard !trimmedLede.isEmpty else { return lede }
        let sentenceEnd = trimmedLede.firstRange(of: ". ")?.lowerBound ?? trimmedLede.endIndex
        let sentence = trimmedLede[..<sentenceEnd].trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        let words = sentence.split(separator: " ")
        guard words.count > derivedHeadlineWords else { return sentence.isEmpty ? String(trimmedLede) : sentence }
        return words.prefix(derivedHeadlineWords).joined(separator: " ") + "…"
    }
}
