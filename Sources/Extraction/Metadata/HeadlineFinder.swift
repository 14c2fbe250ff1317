import DocumentModel

/// Finds the headline a page shows, and the line it stands on.
///
/// First choice: a line that repeats the headline part of the browser title (the page's
/// first line, `Headline | Site`), the one nearest before the story. Otherwise the headline
/// is read from the lines before the story: the block of byline and date lines that heads a
/// story has the headline just above it (or, on some sites, just below it). A standfirst
/// that follows the headline is longer and is not taken for it.
struct HeadlineFinder: Sendable {
    let lexicon: Lexicon
    let dates: DateLineScanner

    /// The headline found, where it is, and the browser-title segments it covers.
    struct Headline: Sendable, Hashable {
        /// The headline as the page writes it.
        let text: String
        /// Its line.
        let line: Int
        /// The browser-title segments it repeats, when it repeats them.
        let titleSegments: Range<Int>?
        /// The rule that found it.
        let rule: MetadataRule
    }

    /// Lines longer than this (in UTF-8 bytes) are never a headline; they are not folded.
    static let maximumHeadlineBytes = 400
    /// A headline has at least this many words.
    static let minimumWords = 3
    /// A headline has at most this many words.
    static let maximumWords = 30
    /// How far before the story the byline block and headline are looked for, in non-blank lines.
    static let reachBeforeBody = 30
    /// How far above (or below) the byline block the headline is looked for, in non-blank lines.
    static let reachAboveByline = 6
    /// How far after the given start of the story the byline block is looked for: the start
    /// may be a standfirst or the headline itself.
    static let reachAfterBodyStart = 15
    /// A standfirst has at least this many words.
    static let minimumStandfirstWords = 12
    /// Words a headline must share with the browser title to be matched by them.
    static let minimumSharedWords = 2

    /// The headline, or `nil` when the page shows none these rules can see.
    func find(in page: PageLines, title: BrowserTitle?, bodyStart: Int?) -> Headline? {
        if let title, let repeated = self.repeatedTitle(in: page, title: title, bodyStart: bodyStart) { return repeated }
        guard let bodyStart else { return nil }
        return self.headlineBeforeBody(in: page, bodyStart: bodyStart, title: title)
    }

    // MARK: The browser title repeated

    private func repeatedTitle(in page: PageLines, title: BrowserTitle, bodyStart: Int?) -> Headline? {
        var wanted: [String: BrowserTitle.Candidate] = [:]
        // The headline is the longest part of a browser title: a run without it is a site or section name.
        let longest = title.segments.indices.max { title.segments[$0].count < title.segments[$1].count }
        for candidate in title.headlineCandidates where longest.map(candidate.range.contains) ?? false {
            let key = LineShape.matchKey(candidate.text)
            if LineShape.words(key).count >= 2 || title.segments.count == 1 { wanted[key] = wanted[key] ?? candidate }
        }
        guard !wanted.isEmpty else { return nil }
        var before: Headline?
        var after: Headline?
        let initials = Set(wanted.keys.compactMap(\.utf8.first))
        for line in page.nonblank.dropFirst() {
            // Only a line whose key starts as a wanted one does is folded and keyed.
            guard LineShape.mayKeyStart(page.lines[line], withOneOf: initials), let folded = page.foldedHeadline(line),
                let candidate = wanted[LineShape.matchKey(folded: folded)]
            else { continue }
            let found = Headline(text: String(page.lines[line]), line: line, titleSegments: candidate.range, rule: .headlineRepeatsBrowserTitle)
            if let bodyStart, line >= bodyStart {
                after = after ?? found
                break
            }
            before = found
        }
        return before ?? after
    }

    // MARK: Read from the lines before the story

    private func headlineBeforeBody(in page: PageLines, bodyStart: Int, title: BrowserTitle?) -> Headline? {
        let bodyPosition = page.position(atOrAfter: bodyStart)
        let skipsFirstLine = (title?.segments.count ?? 0) > 1
        func isCandidate(_ line: Int) -> Bool {
            !(skipsFirstLine && line == page.nonblank.first) && self.isHeadlineShaped(page.lines[line], folded: page.foldedHeadline(line))
        }
        guard let byline = self.bylineBlock(in: page, near: bodyPosition) else {
            let near = page.lines(fromPosition: bodyPosition - Self.reachAboveByline, to: bodyPosition).filter(isCandidate)
            return self.headline(among: near, in: page).map {
                Headline(text: self.joined(page, from: $0), line: $0, titleSegments: nil, rule: .headlineBeforeBody)
            }
        }
        let above = page.lines(fromPosition: byline.top - Self.reachAboveByline, to: byline.top).filter(isCandidate)
        let below = page.lines(fromPosition: byline.bottom + 1, to: byline.bottom + 1 + Self.reachAboveByline).filter(isCandidate)
        if let title, let line = self.closestToTitle(above: above, below: below, in: page, title: title) {
            return Headline(text: self.joined(page, from: line), line: line, titleSegments: nil, rule: line < page.nonblank[byline.top] ? .headlineAboveByline : .headlineBelowByline)
        }
        if let line = self.headline(among: above, in: page) {
            return Headline(text: self.joined(page, from: line), line: line, titleSegments: nil, rule: .headlineAboveByline)
        }
        return below.first.map { Headline(text: self.joined(page, from: $0), line: $0, titleSegments: nil, rule: .headlineBelowByline) }
    }

    /// The positions of the first and last line of the byline and date block nearest the
    /// story's start, or else of the first one on the page: a run of bylines, dates and names.
    private func bylineBlock(in page: PageLines, near bodyPosition: Int) -> (top: Int, bottom: Int)? {
        let region = page.lines(fromPosition: bodyPosition - Self.reachBeforeBody, to: bodyPosition + Self.reachAfterBodyStart)
        func nearest(_ lines: [Int]) -> Int? {
            lines.min { abs(page.position(atOrAfter: $0) - bodyPosition) < abs(page.position(atOrAfter: $1) - bodyPosition) }
        }
        // A `By` line or labelled date marks the story's byline block better than a bare date,
        // which may be the site header's date of today.
        let bylines = region.filter { self.isBylineOrDate(page.lines[$0]) }
        guard let line = nearest(bylines.filter { self.isStrongByline(page.lines[$0]) }) ?? nearest(bylines)
            ?? page.nonblank.first(where: { self.isStrongByline(page.lines[$0]) })
        else { return nil }
        var top = page.position(atOrAfter: line)
        var bottom = top
        func isBlockLine(_ position: Int) -> Bool {
            let text = page.lines[page.nonblank[position]]
            return self.isBylineOrDate(text) || self.isShortName(text)
        }
        while top > 0, bottom - top < Self.reachAboveByline, isBlockLine(top - 1) { top -= 1 }
        while bottom + 1 < page.nonblank.count, bottom - top < Self.reachAboveByline, isBlockLine(bottom + 1) { bottom += 1 }
        return (top, bottom)
    }

    /// The candidate sharing the most words with the browser title, when it shares at least
    /// two: a page's headline and its title tell the same story, often in other words. A line
    /// above the byline counts one word more, as headlines usually stand there; a standfirst
    /// gives way to the headline line just before it.
    private func closestToTitle(above: [Int], below: [Int], in page: PageLines, title: BrowserTitle) -> Int? {
        let site = title.likelySite
        let titleWords = Set(title.segments.filter { $0 != site }.flatMap { Self.contentWords($0) })
        var best: (line: Int, score: Int)?
        for (line, bonus) in above.map({ ($0, 1) }) + below.map({ ($0, 0) }) {
            let shared = Set(Self.contentWords(page.lines[line])).intersection(titleWords).count
            if shared >= Self.minimumSharedWords, shared + bonus > (best?.score ?? 0) { best = (line, shared + bonus) }
        }
        guard let line = best?.line else { return nil }
        return self.standfirstHeadline(before: line, among: above + below, in: page) ?? line
    }

    /// Words of four letters or more, folded and cut to five letters (`stocks` and `stock` meet).
    private static func contentWords<S: StringProtocol>(_ text: S) -> [Substring] {
        LineShape.words(LineShape.matchKey(text)).filter { $0.count >= 4 }.map { $0.prefix(5) }
    }

    /// `By Jane Doe` or a labelled date line (`Updated 9:41 AM, Nov 19, 2019`).
    private func isStrongByline(_ line: Substring) -> Bool {
        guard LineShape.wordCount(line, cappedAt: 17) <= 16 else { return false }
        return line.hasPrefix("By ") || self.dates.scan(line).contains { $0.label != nil }
    }

    /// The longest candidate, or the headline above it when it is a standfirst.
    private func headline(among candidates: [Int], in page: PageLines) -> Int? {
        guard let longest = candidates.max(by: { LineShape.wordCount(page.lines[$0]) <= LineShape.wordCount(page.lines[$1]) }) else { return nil }
        return self.standfirstHeadline(before: longest, among: candidates, in: page) ?? longest
    }

    /// The headline just before `line` when `line` is its standfirst: a long line after a
    /// shorter candidate of a few words.
    private func standfirstHeadline(before line: Int, among candidates: [Int], in page: PageLines) -> Int? {
        guard LineShape.wordCount(page.lines[line]) >= Self.minimumStandfirstWords, let previous = page.previousLine(before: line),
            candidates.contains(previous)
        else { return nil }
        let words = LineShape.wordCount(page.lines[previous])
        return words > Self.minimumWords && words < LineShape.wordCount(page.lines[line]) ? previous : nil
    }

    /// The line, with the lines that continue it when the headline wraps (`Talks resume\nin Geneva`).
    private func joined(_ page: PageLines, from line: Int) -> String {
        var text = String(page.lines[line])
        var next = line + 1
        while next < page.lines.count, let first = page.lines[next].first, first.isLowercase,
            let last = text.last, !".!?".contains(last), LineShape.wordCount(text) < Self.maximumWords
        {
            text += " " + page.lines[next]
            next += 1
        }
        return text
    }

    /// A line that could be a headline: a few words, not chrome, not a byline, date, caption,
    /// credit, address or standfirst sentence.
    ///
    /// - Parameters:
    ///   - line: the line.
    ///   - folded: the line folded, or `nil` when it is longer than a headline (`PageLines.folded`).
    func isHeadlineShaped(_ line: Substring, folded: String?) -> Bool {
        guard let folded, line.utf8.count <= Self.maximumHeadlineBytes else { return false }
        guard (Self.minimumWords...Self.maximumWords).contains(LineShape.wordCount(line, cappedAt: Self.maximumWords + 1)), line.contains(where: \.isLetter) else { return false }
        guard let first = line.first, !"([{<|/\u{00A9}".contains(first), let last = line.last, !"|/>,:".contains(last),
            !LineShape.isBreadcrumb(line)
        else { return false }
        if self.lexicon.navigationLines.contains(folded) || SimpleText.hasPrefix(folded, oneOf: self.lexicon.navigationPrefixes)
            || LineShape.startsWithAny(folded, self.lexicon.authorBoxPrefixes)
            || FoldedText.containsAny(folded, self.lexicon.releaseMarkers.lazy.filter { $0.utf8.count > 4 && (SimpleText.isASCII($0) || $0.count > 4) })
            || FoldedText.containsAny(folded, self.lexicon.creditMarkers)
        {
            return false
        }
        return !LineShape.isAddressOrMarkup(line) && !LineShape.isSentence(line) && !self.isBylineOrDate(line)
    }

    /// A byline (`By Jane Doe`) or a line that is mostly a date.
    func isBylineOrDate(_ line: Substring) -> Bool {
        if line == "By" || line == "by" || line.hasPrefix("By ") || line.hasPrefix("by ") { return LineShape.wordCount(line, cappedAt: 17) <= 16 }
        // Counted first: the count stops past 16 words, the digit search reads a paragraph whole.
        guard LineShape.wordCount(line, cappedAt: 17) <= 16, LineShape.hasNumber(line) else { return false }
        let found = self.dates.scan(line)
        return !found.isEmpty && found.contains { $0.date.year != nil || $0.label != nil }
    }

    /// A name on its own line in a byline block (`Jane Doe`).
    private func isShortName(_ line: Substring) -> Bool {
        (2...Byline.maximumNameWords).contains(LineShape.wordCount(line, cappedAt: Byline.maximumNameWords + 1)) && Byline.isPersonName(LineShape.words(line), lexicon: self.lexicon)
    }
}
