import DocumentModel

/// Tells a press release from a news article by the marks releases carry.
///
/// A release says so near its headline (`For immediate release`, `Press release`), carries a
/// newswire tag (`/PRNewswire/`), ends with its issuer's press contacts (`Media contact:`), or
/// ends with an `About NAME` section on the organisation its headline names. Without one of
/// these a page is news: a site's "Contact us" footer or "About us" menu is no sign.
struct KindClassifier: Sendable {
    let lexicon: Lexicon

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
            let folded = TextFolding.fold(text.prefix(Self.maximumHeadingBytes * 2))
            if self.lexicon.releaseWires.contains(where: { folded.contains("/" + $0 + "/") || folded.contains("(" + $0 + ")") }) {
                return Finding(value: .pressRelease, rule: .releaseWire)
            }
            if text.utf8.count <= Self.maximumHeadingBytes, self.isReleaseMarker(folded) {
                return Finding(value: .pressRelease, rule: .releaseMarker)
            }
        }
        let issuerWords = Set(LineShape.words(LineShape.matchKey(headline?.text ?? "")).map(String.init))
        for line in page.nonblank[storyPosition...] where page.lines[line].utf8.count <= Self.maximumHeadingBytes {
            let folded = TextFolding.fold(page.lines[line])
            if LineShape.startsWithAny(folded, self.lexicon.pressContactHeadings) {
                return Finding(value: .pressRelease, rule: .pressContacts)
            }
            if folded.hasPrefix("about "), self.namesIssuer(folded.dropFirst(6), headlineWords: issuerWords) {
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
        return self.lexicon.releaseMarkers.contains { marker in
            marker.contains("release") && (folded.hasPrefix(marker) || folded.hasSuffix(marker))
        }
    }

    /// `about example corp`: a short heading whose first word the headline uses, and not the
    /// site's own `About us`.
    private func namesIssuer(_ name: Substring, headlineWords: Set<String>) -> Bool {
        let words = LineShape.words(name)
        guard (1...5).contains(words.count), let first = words.first, !["us", "the author", "this"].contains(String(first)) else { return false }
        return headlineWords.contains(LineShape.matchKey(first))
    }
}
