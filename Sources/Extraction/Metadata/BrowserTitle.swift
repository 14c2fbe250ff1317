/// The first line of a scraped page, which is often the browser title: `Headline | Site`,
/// `Headline - Site`, `Section | Headline - Site`, `Site: Headline`.
///
/// ```swift
/// let title = BrowserTitle(line: "Port reopens after strike | The Harbour Gazette")
/// title.segments   // ["Port reopens after strike", "The Harbour Gazette"]
/// ```
struct BrowserTitle: Sendable, Hashable {
    /// The parts between separators, in order.
    let segments: [String]

    /// Separators sites put between headline, section and site name.
    private static let separators = [" | ", " - ", " \u{2013} ", " \u{2014} ", " : ", " :: ", " \u{00B7} ", " \u{2022} ", " \u{00BB} "]

    /// Pages with more parts than this are not titles but menus run together.
    static let maximumSegments = 6

    /// The longest site name, in words.
    static let maximumSiteWords = 6

    /// Splits a line at its separators.
    init(line: Substring) {
        let text = String(line)
        var parts = [text]
        // An ASCII line holds a separator only as its very bytes, and the others are not
        // searched for; beyond ASCII, Foundation's search also finds canonical equivalents.
        let isASCII = SimpleText.isASCII(text)
        for separator in Self.separators where !isASCII || SimpleText.firstOffset(of: separator, in: text) != nil {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        self.segments = parts.map(SimpleText.trimmingWhitespaces).filter { !$0.isEmpty }
    }

    /// A headline the title may hold: a run of segments, and the segments left out.
    struct Candidate: Sendable, Hashable {
        /// The segments joined as the page wrote them.
        let text: String
        /// Which segments.
        let range: Range<Int>
    }

    /// Every run of segments that could be the headline: all of them, or any run that leaves
    /// out a segment at one end or both (a site name, a section).
    var headlineCandidates: [Candidate] {
        guard (1...Self.maximumSegments).contains(self.segments.count) else { return [] }
        var candidates: [Candidate] = []
        for start in self.segments.indices {
            for end in (start + 1)...self.segments.count {
                candidates.append(Candidate(text: self.joined(start..<end), range: start..<end))
            }
        }
        return candidates
    }

    /// The site name: the last segment outside the headline's (or else the first), when it is
    /// short enough to be a name.
    func site(besides headline: Range<Int>) -> String? {
        let outside = self.segments.indices.filter { !headline.contains($0) }
        guard let index = outside.last.flatMap({ $0 > headline.lowerBound ? $0 : nil }) ?? outside.first else { return nil }
        let site = self.segments[index]
        return LineShape.words(site).count <= Self.maximumSiteWords ? site : nil
    }

    /// The site when the headline is unknown: the last segment, or else the first, of a title
    /// with more than one, whichever is short enough to be a name.
    var likelySite: String? {
        guard self.segments.count > 1, self.segments.count <= Self.maximumSegments else { return nil }
        let longest = self.segments.indices.max { self.segments[$0].count < self.segments[$1].count } ?? 0
        return self.site(besides: longest..<(longest + 1))
    }

    private func joined(_ range: Range<Int>) -> String {
        self.segments[range].joined(separator: " - ")
    }
}
