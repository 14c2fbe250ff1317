import DocumentModel

/// Finds the day a story was published: the date line by its headline and byline, not the
/// dates of menus, teasers and footers.
///
/// Looks at short lines a few lines around the headline (or, without one, before the story).
/// A date labelled `Published`, `Posted` or `Original` wins over one with no label, which wins
/// over an `Updated` one; among equals the nearest to the headline wins. A date without a year
/// (`Posted Nov 18`) takes the year of another date by the headline, or else of the page's
/// copyright notice. Relative dates (`2 hours ago`) are not dates.
struct PublishedDateFinder: Sendable {
    let scanner: DateLineScanner

    /// Non-blank lines above the headline where the date may stand.
    static let reachAbove = 8
    /// Non-blank lines below the headline where the date may stand.
    static let reachBelow = 14
    /// A date line has at most this many words.
    static let maximumWords = 24
    /// A date line has at most this many lower-case words of three letters or more, apart
    /// from labels: more make it a caption or a sentence that mentions a date.
    static let maximumProseWords = 3

    /// The publication date and the rule that chose it.
    ///
    /// - Parameters:
    ///   - page: the page's lines.
    ///   - anchor: the headline's line, or the story's first line.
    ///   - copyrightYear: the year of the page's copyright notice, for dates without a year.
    func find(in page: PageLines, anchor: Int, copyrightYear: Int?) -> Finding<CalendarDate>? {
        let anchorPosition = page.position(atOrAfter: anchor)
        // Not cut at the story's start: a standfirst or caption taken for it may come before the date.
        let upper = anchorPosition + Self.reachBelow
        var candidates: [(date: WrittenDate, rank: Int, distance: Int)] = []
        var previousLine: Int?
        for line in page.lines(fromPosition: anchorPosition - Self.reachAbove, to: upper) {
            let text = page.lines[line]
            defer { previousLine = line }
            guard self.isDateLine(text) else { continue }
            // Whether the line before is a label alone (`Publish date:`), read when it is needed.
            let previousLabel = previousLine.flatMap { previous in
                page.folded[previous].map { self.scanner.labels[$0] } ?? self.scanner.labelLine(page.lines[previous])
            }
            // Date lines follow the headline more often than they precede it: above counts one further.
            let position = page.position(atOrAfter: line)
            let distance = position < anchorPosition ? anchorPosition - position + 1 : position - anchorPosition
            for found in self.scanner.scan(text) {
                let label = found.label ?? previousLabel
                let rank = label == .published ? 0 : (label == nil ? 1 : 2)
                candidates.append((found.date, rank, distance))
            }
        }
        guard let best = candidates.min(by: { ($0.rank, $0.distance) < ($1.rank, $1.distance) }) else { return nil }
        let contextYear = candidates.compactMap(\.date.year).first ?? copyrightYear
        guard let date = best.date.resolved(fallbackYear: contextYear) else { return nil }
        let rule: MetadataRule = best.rank == 0 ? .labelledPublished : (best.rank == 1 ? .dateLine : .labelledUpdated)
        return Finding(value: date, rule: rule)
    }

    /// Short, and not a sentence: a date line, or a byline with a date.
    private func isDateLine(_ text: Substring) -> Bool {
        guard SimpleText.containsASCIIDigit(text) else { return false }
        // Counted before splitting: a long line is rejected on its first words.
        guard LineShape.wordCount(text, cappedAt: Self.maximumWords + 1) <= Self.maximumWords else { return false }
        let prose = LineShape.words(text).filter { word in
            // The case of its first letter is read first: it rules out most words at once.
            guard word.first?.isLowercase == true else { return false }
            let letters = LineShape.letters(of: word)
            return letters.count >= 3 && self.scanner.labelLine(word) == nil && WrittenDate.month(named: Substring(letters)) == nil
        }
        return prose.count <= Self.maximumProseWords
    }
}
