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
    /// How far above the byline block the headline is looked for, in non-blank lines.
    static let reachAboveByline = 6

    /// The headline, or `nil` when the page shows none these rules can see.
    func find(in page: PageLines, title: BrowserTitle?, bodyStart: Int?) -> Headline? {
        if let title, let repeated = self.repeatedTitle(in: page, title: title, bodyStart: bodyStart) { return repeated }
        guard let bodyStart else { return nil }
        return self.headlineBeforeBody(in: page, bodyStart: bodyStart, title: title)
    }

    // MARK: The browser title repeated

    private func repeatedTitle(in page: PageLines, title: BrowserTitle, bodyStart: Int?) -> Headline? {
        var wanted: [String: BrowserTitle.Candidate] = [:]
        for candidate in title.headlineCandidates {
            let key = LineShape.matchKey(candidate.text)
            if LineShape.words(key).count >= 2 || title.segments.count == 1 { wanted[key] = wanted[key] ?? candidate }
        }
        guard !wanted.isEmpty else { return nil }
        var before: Headline?
        var after: Headline?
        for line in page.nonblank.dropFirst() where page.lines[line].utf8.count <= Self.maximumHeadlineBytes {
            guard let candidate = wanted[LineShape.matchKey(page.lines[line])] else { continue }
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
        let region = page.lines(fromPosition: bodyPosition - Self.reachBeforeBody, to: bodyPosition)
        let skipsFirstLine = (title?.segments.count ?? 0) > 1
        func isCandidate(_ line: Int) -> Bool {
            !(skipsFirstLine && line == page.nonblank.first) && self.isHeadlineShaped(page.lines[line])
        }
        if let byline = region.last(where: { self.isBylineOrDate(page.lines[$0]) }) {
            let bylinePosition = page.position(atOrAfter: byline)
            // The byline block may run over a few lines: start above its first line.
            var top = bylinePosition
            while top > 0, top > bodyPosition - Self.reachBeforeBody, self.isBylineOrDate(page.lines[page.nonblank[top - 1]])
                || self.isShortName(page.lines[page.nonblank[top - 1]])
            {
                top -= 1
            }
            let above = page.lines(fromPosition: top - Self.reachAboveByline, to: top).filter(isCandidate)
            if let line = self.headline(among: above, in: page) {
                return Headline(text: self.joined(page, from: line), line: line, titleSegments: nil, rule: .headlineAboveByline)
            }
            let below = page.lines(fromPosition: bylinePosition + 1, to: bodyPosition).filter(isCandidate)
            if let line = below.first {
                return Headline(text: self.joined(page, from: line), line: line, titleSegments: nil, rule: .headlineBelowByline)
            }
            return nil
        }
        let near = page.lines(fromPosition: bodyPosition - Self.reachAboveByline, to: bodyPosition).filter(isCandidate)
        return self.headline(among: near, in: page).map {
            Headline(text: self.joined(page, from: $0), line: $0, titleSegments: nil, rule: .headlineBeforeBody)
        }
    }

    /// The longest candidate, or the one just above it when that one is a headline and the
    /// longest its standfirst.
    private func headline(among candidates: [Int], in page: PageLines) -> Int? {
        guard let longest = candidates.max(by: { LineShape.words(page.lines[$0]).count <= LineShape.words(page.lines[$1]).count }) else { return nil }
        if let previous = page.previousLine(before: longest), candidates.contains(previous),
            LineShape.words(page.lines[previous]).count >= Self.minimumWords + 1
        {
            return previous
        }
        return longest
    }

    /// The line, with the lines that continue it when the headline wraps (`Talks resume\nin Geneva`).
    private func joined(_ page: PageLines, from line: Int) -> String {
        var text = String(page.lines[line])
        var next = line + 1
        while next < page.lines.count, let first = page.lines[next].first, first.isLowercase,
            let last = text.last, !".!?".contains(last), LineShape.words(text).count < Self.maximumWords
        {
            text += " " + page.lines[next]
            next += 1
        }
        return text
    }

    /// A line that could be a headline: a few words, not chrome, not a byline, date, caption,
    /// credit, address or standfirst sentence.
    func isHeadlineShaped(_ line: Substring) -> Bool {
        guard line.utf8.count <= Self.maximumHeadlineBytes else { return false }
        let words = LineShape.words(line)
        guard (Self.minimumWords...Self.maximumWords).contains(words.count), line.contains(where: \.isLetter) else { return false }
        guard let first = line.first, !"([{<|/\u{00A9}".contains(first), let last = line.last, !"|/>,:".contains(last) else { return false }
        let folded = TextFolding.fold(line)
        if self.lexicon.navigationLines.contains(folded) || self.lexicon.navigationPrefixes.contains(where: { folded.hasPrefix($0) })
            || LineShape.startsWithAny(folded, self.lexicon.authorBoxPrefixes)
            || self.lexicon.releaseMarkers.contains(where: { folded.contains($0) && $0.count > 4 })
        {
            return false
        }
        return !LineShape.isAddressOrMarkup(line) && !LineShape.isSentence(line) && !self.isBylineOrDate(line)
    }

    /// A byline (`By Jane Doe`) or a line that is mostly a date.
    func isBylineOrDate(_ line: Substring) -> Bool {
        if line == "By" || line == "by" || line.hasPrefix("By ") || line.hasPrefix("by ") { return LineShape.words(line).count <= 16 }
        guard LineShape.words(line).count <= 16, line.contains(where: \.isNumber) else { return false }
        let found = self.dates.scan(line)
        return !found.isEmpty && found.contains { $0.date.year != nil || $0.label != nil }
    }

    /// A name on its own line in a byline block (`Jane Doe`).
    private func isShortName(_ line: Substring) -> Bool {
        Byline.isPersonName(LineShape.words(line), lexicon: self.lexicon)
    }
}
