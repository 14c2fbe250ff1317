/// Where a page's story is, as the body-line classifier decided: the line it starts on, the
/// line after its end, and the lines left out inside it.
///
/// Made only when the decision can be trusted (see `init?(classifying:with:)`); otherwise
/// the rule-based layout reads the whole page.
///
/// ```swift
/// if let story = StoryLines(classifying: lines, with: classifier) {
///     story.keptLines(of: lines)  // the story's lines, those left out blank
/// }
/// ```
struct StoryLines: Sendable, Equatable {
    /// Lines that are not prose, at most, between the decoder's story and prose that
    /// continues it (a newsletter box, an advertisement, a share bar inside the article).
    static let maximumInterruption = 5
    /// How far below the decoder's threshold the score of such prose may be.
    static let continuationMargin = 0.5

    /// The story's lines, from its first to its last, as indices of the lines classified.
    let range: Range<Int>
    /// Lines inside `range` that are not story.
    let leftOut: Set<Int>

    /// A story already delimited.
    ///
    /// - Parameters:
    ///   - range: its lines, from its first to its last.
    ///   - leftOut: lines inside `range` that are not story.
    init(range: Range<Int>, leftOut: Set<Int>) {
        self.range = range
        self.leftOut = leftOut
    }

    /// Classifies a page's lines and keeps the decision when it can be trusted.
    ///
    /// The classifier was trained on scraped pages, where a story sits among chrome. On a
    /// clean text it can keep too little (one long paragraph, or a few prose lines in one
    /// block, can come out as no story at all) or take a headline for the lede. So its
    /// decision stands only when both hold:
    /// - **the story has prose**: it keeps at least one line that reads as prose
    ///   (`BodyLineMeasures.isProse`), so it is not empty or only labels;
    /// - **the page shows chrome**: the classifier leaves out at least one line that does
    ///   not end a sentence, after the page's first prose line. Headline, byline and date
    ///   lines before the first prose line are what clean texts have too, so they do not
    ///   count; a menu, share bar, footer or contact line after it is what scrapes have.
    ///   A page that shows none is a clean text, and the rules read it whole.
    ///
    /// - Parameters:
    ///   - lines: the page's lines, blank ones included.
    ///   - classifier: the body-line classifier.
    /// - Returns: `nil` when the rule-based layout should read the page instead.
    /// - Complexity: O(n) in the page's scalars.
    init?<S: StringProtocol>(classifying lines: ArraySlice<S>, with classifier: BodyLineClassifier) {
        let page = BodyLinePage(lines: lines)
        let decisions = Self.continuing(classifier.classify(page), page: page, threshold: classifier.model.decoder.threshold)
        guard let first = decisions.firstIndex(where: \.isBody), let last = decisions.lastIndex(where: \.isBody),
            zip(page.lines, decisions).contains(where: { $1.isBody && $0.measures.isProse }),
            let firstProse = page.lines.firstIndex(where: \.measures.isProse),
            zip(page.lines, decisions).dropFirst(firstProse + 1).contains(where: { !$1.isBody && $0.measures.endsSentence == 0.0 })
        else { return nil }
        let offset = lines.startIndex
        self.range = (offset + decisions[first].lineIndex)..<(offset + decisions[last].lineIndex + 1)
        self.leftOut = Set(decisions[first...last].filter { !$0.isBody }.map { offset + $0.lineIndex })
    }

    /// The decisions with the story continued over prose that resumes after it.
    ///
    /// The decoder keeps one region, and a widget inside an article (a newsletter box, a
    /// share bar) can end it early. A prose line (`BodyLineMeasures.isProse`) within
    /// `maximumInterruption` lines after the story, scoring no more than `continuationMargin`
    /// below the decoder's threshold, continues it; the lines between are left out.
    private static func continuing(
        _ decisions: [BodyLineClassifier.Decision], page: BodyLinePage, threshold: Double
    ) -> [BodyLineClassifier.Decision] {
        var decisions = decisions
        guard var end = decisions.lastIndex(where: \.isBody) else { return decisions }
        let continues = { (position: Int) in
            page.lines[position].measures.isProse && decisions[position].score > threshold - Self.continuationMargin
        }
        while let next = decisions.indices.dropFirst(end + 1).prefix(Self.maximumInterruption + 1).first(where: continues) {
            let decision = decisions[next]
            decisions[next] = BodyLineClassifier.Decision(lineIndex: decision.lineIndex, isBody: true, score: decision.score)
            end = next
        }
        return decisions
    }

    /// The story's lines of `lines` (the lines classified, or the same lines normalised
    /// further), with the lines left out made blank so that they also end a block.
    func keptLines(of lines: ArraySlice<Substring>) -> ArraySlice<Substring> {
        precondition(lines.indices.contains(self.range.lowerBound) && self.range.upperBound <= lines.endIndex, "the lines classified")
        var kept = lines[self.range]
        for line in self.leftOut where self.range.contains(line) { kept[line] = "" }
        return kept
    }
}
