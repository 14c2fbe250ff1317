import DocumentModel

/// The metadata stage: reads what a page says about itself from its lines.
///
/// A value in, a value out: the page's lines (spaces collapsed and trimmed, the metadata line
/// removed) and the line where the story starts, if known, give a `PageMetadata` with the rule
/// behind each field. It reads no files and keeps no state.
///
/// ```swift
/// let metadata = MetadataReader(lexicon: .standard).read(lines, bodyStart: 12)
/// metadata.title?.value    // "Port reopens after strike"
/// metadata.source?.rule    // .siteInBrowserTitle
/// ```
///
/// - Complexity: O(n) in the length of the page: each rule looks at a bounded window of lines,
///   and the few that scan the whole page (the repeated headline, the copyright notice, press
///   contacts) look at each line once.
struct MetadataReader: Sendable {
    let lexicon: Lexicon
    /// Whether a name in ordinary case is a known place, for datelines such as
    /// `Hong Kong (Example News) Shares fell…`.
    let isKnownPlace: @Sendable (Substring) -> Bool
    /// The kind rules, with the wire tags they look for built once per reader.
    private let kindClassifier: KindClassifier

    /// Makes a reader with the given word lists.
    init(lexicon: Lexicon, isKnownPlace: @escaping @Sendable (Substring) -> Bool = { _ in false }) {
        self.lexicon = lexicon
        self.isKnownPlace = isKnownPlace
        self.kindClassifier = KindClassifier(lexicon: lexicon)
    }

    /// How far around the headline bylines are looked for, in non-blank lines.
    static let bylineReachAbove = 4
    /// How far below the headline bylines are looked for, in non-blank lines.
    static let bylineReachBelow = 12

    /// Reads the page.
    ///
    /// - Parameters:
    ///   - lines: the page's lines, spaces collapsed and trimmed.
    ///   - bodyStart: the index in `lines` of the story's first line, if known.
    func read<C: Collection>(_ lines: C, bodyStart: Int?) -> PageMetadata where C.Element == Substring {
        let page = PageLines(lines)
        let scanner = DateLineScanner(labels: self.lexicon.dateLabels)
        let browserTitle = page.nonblank.first.map { BrowserTitle(line: page.lines[$0]) }
        let headline = HeadlineFinder(lexicon: self.lexicon, dates: scanner).find(in: page, title: browserTitle, bodyStart: bodyStart)
        let anchor = headline?.line ?? bodyStart ?? 0
        let copyright = CopyrightNotice.first(in: page, legalForms: self.lexicon.legalForms)
        let published = PublishedDateFinder(scanner: scanner).find(in: page, anchor: anchor, copyrightYear: copyright?.year)
        let dateline = DatelineFinder(lexicon: self.lexicon, isKnownPlace: self.isKnownPlace).read(page, headline: headline?.line, bodyStart: bodyStart)
        let bylines = self.bylines(in: page, anchor: anchor)
        let authors = self.uniqued(bylines.flatMap(\.authors))

        var source = dateline.agency
            ?? bylines.lazy.compactMap(\.agency).first.map { Finding(value: $0, rule: .agencyInByline) }
        if source == nil, let browserTitle {
            let site = headline?.titleSegments.map { browserTitle.site(besides: $0) } ?? browserTitle.likelySite
            // "Example Ministry — Press Release": the marker names the kind, not the publisher.
            let isMarker = site.map { self.lexicon.releaseMarkers.contains(ASCIIFolding.fold($0)) } ?? false
            source = (isMarker ? browserTitle.segments.first { !self.lexicon.releaseMarkers.contains(ASCIIFolding.fold($0)) } : site).map { Finding(value: $0, rule: .siteInBrowserTitle) }
        }
        source = source ?? dateline.publisher.map { Finding(value: $0, rule: .publisherInDateline) }
            ?? copyright?.holder.map { Finding(value: $0, rule: .copyrightHolder) }
            ?? bylines.lazy.compactMap(\.publisher).first.map { Finding(value: $0, rule: .publisherInByline) }

        return PageMetadata(
            title: headline.map { Finding(value: $0.text, rule: $0.rule) },
            source: source,
            published: published,
            dateline: dateline.place,
            kind: self.kindClassifier.classify(page, headline: headline.map { ($0.line, $0.text) }, bodyStart: bodyStart),
            authors: authors.isEmpty ? nil : Finding(value: authors, rule: .byline))
    }

    /// The bylines around the headline: `By …` lines, a `By` alone with the names on the next
    /// line, and lines that name an agency (`Jane Doe, Associated Press`).
    private func bylines(in page: PageLines, anchor: Int) -> [Byline] {
        let anchorPosition = page.position(atOrAfter: anchor)
        let upper = anchorPosition + Self.bylineReachBelow
        var bylines: [Byline] = []
        var namesFollow = false
        for line in page.lines(fromPosition: anchorPosition - Self.bylineReachAbove, to: upper) {
            let text = page.lines[line]
            defer { namesFollow = text == "By" || text == "by" || text == "BY" }
            if namesFollow, let byline = Byline.parse(Substring("By " + text), lexicon: self.lexicon, requiresBy: true) {
                bylines.append(byline)
            } else if let byline = Byline.parse(text, lexicon: self.lexicon, requiresBy: false) {
                bylines.append(byline)
            }
        }
        return bylines
    }

    private func uniqued(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert(ASCIIFolding.fold($0)).inserted }
    }
}
