import DocumentModel

/// Tells a press release from a news article by the marks releases carry.
///
/// A release says so near its headline (`For immediate release`, `Press release`), carries a
/// newswire tag (`/PRNewswire/`), ends with its issuer's press contacts (`Media contact:`), or
/// ends with an `About NAME` section on the organisation its headline names. Without one of
/// these a page is news: a site's "Contact us" footer or "About us" menu is no sign.
struct KindClassifier: Sendable {
    let lexicon: Lexicon
    /// The newswire tags as a line writes them: `/prnewswire/`, `(prnewswire)`.
    private let wireTags: [String]
    /// The release markers that say `release`, which may also head or close a longer label.
    private let releaseLabels: [String]

    /// Makes a classifier with the given word lists.
    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.wireTags = lexicon.releaseWires.flatMap { ["/" + $0 + "/", "(" + $0 + ")"] }
        self.releaseLabels = lexicon.releaseMarkers.filter { $0.contains("release") }
    }

    /// How far around the headline a release marker counts, in non-blank lines.
    static let markerReach = 8
    /// Lines longer than this (UTF-8 bytes) are prose, not headings or markers.
    static let maximumHeadingBytes = 80

    /// The kind of the page, and the rule that decided it.
    ///
    /// - Parameters:
    ///   - page: the page's lines.
    ///   - headline: the headline's line and text, if found.
    ///   - bodyStart: the story's first line, if known.
    /// - Complexity: O(n) in the length of the page.
    func classify(_ page: PageLines, headline: (line: Int, text: String)?, bodyStart: Int?) -> Finding<DocumentKind> {
        let anchor = headline?.line ?? bodyStart ?? 0
        let anchorPosition = page.position(atOrAfter: anchor)
        let storyPosition = page.position(atOrAfter: bodyStart ?? anchor)
        for line in page.lines(fromPosition: anchorPosition - Self.markerReach, to: max(anchorPosition, storyPosition) + Self.markerReach) {
            let text = page.lines[line]
            // A wire tag opens with `/` or `(`: other lines are not folded for it. A heading is
            // folded already, and no longer than the prefix.
            if text.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "(") }) {
                let folded = page.folded[line] ?? ASCIIFolding.fold(text.prefix(Self.maximumHeadingBytes * 2))
                if FoldedText.containsAny(folded, self.wireTags) {
                    return Finding(value: .pressRelease, rule: .releaseWire)
                }
            }
            if let folded = page.folded[line], self.isReleaseMarker(folded) {
                return Finding(value: .pressRelease, rule: .releaseMarker)
            }
        }
        let headlineWords = Set(LineShape.words(LineShape.matchKey(headline?.text ?? "")).map(String.init))
        let headlineStart = Array(LineShape.words(headline?.text ?? "").prefix(Self.maximumIssuerWords))
        for position in storyPosition..<page.nonblank.count {
            let text = page.lines[page.nonblank[position]]
            if text.utf8.count > Self.maximumHeadingBytes, self.describesItself(text, headline: headlineStart) {
                return Finding(value: .pressRelease, rule: .aboutIssuer)
            }
            guard text.utf8.count <= Self.maximumHeadingBytes, let folded = page.folded[page.nonblank[position]] else { continue }
            if LineShape.startsWithAny(folded, self.lexicon.pressContactHeadings), self.contactDetailsFollow(position, in: page) {
                return Finding(value: .pressRelease, rule: .pressContacts)
            }
            if folded.hasPrefix("about "), self.namesIssuer(folded.dropFirst(6), headlineWords: headlineWords) {
                return Finding(value: .pressRelease, rule: .aboutIssuer)
            }
        }
        return Finding(value: .newsArticle, rule: .newsByDefault)
    }

    /// `For immediate release`, `Press release`, `Ministry of Example — Press Release`,
    /// `Press releases | Example Office`.
    private func isReleaseMarker(_ folded: String) -> Bool {
        if self.lexicon.releaseMarkers.contains(folded) { return true }
        // Marker phrases ("press release") also head or close a masthead or section label.
        return self.releaseLabels.contains { folded.hasPrefix($0) || folded.hasSuffix($0) }
    }

    /// The longest organisation name a self-description starts with, in words.
    static let maximumIssuerWords = 5
    /// How many lines after a press-contacts heading its phone or e-mail must appear.
    static let contactReach = 4

    /// `about example corp`: a short heading whose name the headline uses (leading `the`
    /// aside), and not the site's own `About us`.
    private func namesIssuer(_ name: Substring, headlineWords: Set<String>) -> Bool {
        let words = LineShape.words(name).drop { $0 == "the" }
        guard (1...5).contains(words.count), let first = words.first, first != "us", first != "this" else { return false }
        return headlineWords.contains(LineShape.matchKey(first))
    }

    /// `Example Robotics is a global provider of …`: a paragraph in which the organisation the
    /// headline opens with (`Example Robotics announces …`) describes itself, the boilerplate
    /// a release ends with.
    private func describesItself(_ text: Substring, headline: [Substring]) -> Bool {
        // The verb stands between spaces: a paragraph without ` is ` is not split.
        guard headline.count > 1, Self.hasVerbIs(text) else { return false }
        let words = LineShape.words(text.prefix(120))
        guard let verb = words.prefix(Self.maximumIssuerWords + 1).firstIndex(of: "is"), verb > 0, verb + 1 < words.count,
            ["a", "an", "the"].contains(words[verb + 1]), headline.count > verb
        else { return false }
        // A name, not "The report is a…" or "What is the…".
        guard !["the", "a", "an", "how", "who", "it"].contains(ASCIIFolding.fold(words[0])),
            !self.lexicon.stopwords.contains(ASCIIFolding.fold(words[0]))
        else { return false }
        return zip(words[..<verb], headline).allSatisfy { $0.first?.isUppercase == true && LineShape.matchKey($0) == LineShape.matchKey($1) }
    }

    /// Whether the bytes ` is ` occur in the text.
    private static func hasVerbIs(_ text: Substring) -> Bool {
        // Read off the text's buffer: a Substring's byte iterator cost more than the search.
        var text = text
        return text.withUTF8 { bytes in
            var matched = 0
            for byte in bytes {
                matched = byte == self.verbIs[matched] ? matched + 1 : (byte == self.verbIs[0] ? 1 : 0)
                if matched == self.verbIs.count { return true }
            }
            return false
        }
    }

    /// The bytes of ` is `.
    private static let verbIs = Array(" is ".utf8)

    /// Whether a phone number or e-mail address follows within a few lines: a heading in a
    /// site's menu (`Media Relations`) has none.
    private func contactDetailsFollow(_ position: Int, in page: PageLines) -> Bool {
        page.lines(fromPosition: position, to: position + Self.contactReach + 1).contains { LayoutAnalyzer.hasContactDetails(String(page.lines[$0])) }
    }
}
