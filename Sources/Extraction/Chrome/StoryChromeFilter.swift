import DocumentModel
import Foundation

/// Removes page chrome from inside a story: picture captions and credits, teasers for other
/// pages, reader prompts, publication stamps, pull quotes, copyright notices.
///
/// The body-line classifier decides where a story is; chrome that sits between its paragraphs
/// (or is glued to them without a blank line) comes along. This stage reads the story's lines
/// one at a time and blanks those that a rule recognises, so that they also end a block and
/// never join a paragraph. Value in, value out: each removal names its rule.
///
/// ```swift
/// let result = StoryChromeFilter(lexicon: .standard).filter(["Image credit: Agency", "", "The story."])
/// result.removals  // [Removal(line: 0, rule: .pictureCredit)]
/// ```
struct StoryChromeFilter: Sendable {
    /// The limits the rules use, with the defaults measured on news pages.
    struct Configuration: Sendable {
        /// Words, at most, in a credit that stands on its own line or ends a caption.
        var maximumCreditWords = 8
        /// Words, at most, in a line that is only a parenthesis, taken for a credit (`(Example Co.)`).
        var maximumParentheticalCreditWords = 5
        /// Words, at most, in a caption above a credit line.
        var maximumCaptionWords = 60
        /// Words, at most, in a teaser line.
        var maximumTeaserWords = 25
        /// Words, at most, in a reader prompt.
        var maximumPromptWords = 50
        /// Words, at most, in a publication stamp.
        var maximumStampWords = 16
        /// Words, at least, in text that counts as repeated.
        var minimumRepeatedWords = 8
        /// Words, at least, in a title-case headline alone in its block.
        var minimumHeadlineWords = 7
        /// Words, at most, in a headline alone in its block: longer lines are prose.
        var maximumHeadlineWords = 20
        /// Words, at least, in a headline that is not in title case.
        var minimumUnpunctuatedWords = 9
        /// Words, at most, in a copyright notice.
        var maximumCopyrightWords = 15
    }

    /// One line removed, and the rule that removed it.
    struct Removal: Sendable, Equatable {
        /// The line's index among the lines filtered.
        let line: Int
        /// The rule that recognised it.
        let rule: StoryChromeRule
    }

    /// The lines with those removed made blank, and the removals in line order.
    struct Result: Sendable {
        /// The lines filtered, removed ones blank.
        let lines: ArraySlice<Substring>
        /// What was removed, in line order.
        let removals: [Removal]
    }

    /// The word lists the rules read.
    let lexicon: Lexicon
    /// The rules' limits.
    var configuration = Configuration()
    /// The rules that run; all of them unless a measurement turns some off.
    var rules: Set<StoryChromeRule> = Set(StoryChromeRule.allCases)
    /// What `endsWithCredit` searches a line's tail for, built once from the lexicon.
    let creditOpenerPatterns: [String]
    /// The most words a caption opener has, counted once.
    let longestCaptionOpenerWords: Int

    /// A filter reading the lexicon's lists, with the default limits and every rule.
    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.creditOpenerPatterns = Self.creditOpenerPatterns(lexicon)
        self.longestCaptionOpenerWords = Self.longestCaptionOpenerWords(lexicon)
    }

    /// Blanks the chrome lines of a story.
    ///
    /// Line rules run first, each line on its own; then a block rule (a headline alone in its
    /// block); then a caption above a short credit line
    /// goes with it, and a line that repeats a longer one word for word goes.
    ///
    /// - Parameter lines: the story's lines, spaces collapsed and trimmed; blank lines end blocks.
    /// - Returns: the same lines with chrome blanked, and what was removed by which rule.
    /// - Complexity: O(n²) in the story's lines for the repetition rule, O(n) otherwise.
    func filter(_ lines: ArraySlice<Substring>) -> Result {
        var removed: [Int: StoryChromeRule] = [:]
        // A block that opens like a teaser list or a newsletter box (`block-openers.txt`) is
        // dropped whole by the layout; blanking its first line would leave the rest standing.
        let openedBlocks = Self.blocks(of: lines).filter { block in
            ASCIIFolding.foldedHasPrefix(lines[block[0]], oneOf: self.lexicon.blockOpeners)
        }
        let skipped = Set(openedBlocks.joined())
        for index in lines.indices where !lines[index].isEmpty && !skipped.contains(index) {
            if let rule = self.lineRule(for: lines[index]) { removed[index] = rule }
        }
        removed.merge(self.blockRemovals(lines, removed: removed)) { line, _ in line }
        if self.rules.contains(.captionBeforeCredit) {
            for (index, rule) in removed where rule == .pictureCredit && self.isStandaloneCredit(lines[index]) {
                let previous = index - 1
                guard lines.indices.contains(previous), !lines[previous].isEmpty, removed[previous] == nil,
                    LayoutAnalyzer.wordCount(lines[previous]) <= self.configuration.maximumCaptionWords
                else { continue }
                removed[previous] = .captionBeforeCredit
            }
        }
        if self.rules.contains(.repeatedText) {
            for index in self.repeatedLines(lines, removed: removed) { removed[index] = .repeatedText }
        }
        var kept = lines
        for index in removed.keys { kept[index] = "" }
        let removals = removed.sorted { $0.key < $1.key }.map { Removal(line: $0.key, rule: $0.value) }
        return Result(lines: kept, removals: removals)
    }

    /// The first rule, in the order of `StoryChromeRule`, that recognises a line on its own.
    func lineRule(for line: Substring) -> StoryChromeRule? {
        let lower = Self.lowered(line)
        let words = LayoutAnalyzer.wordCount(line)
        if self.rules.contains(.pictureCredit), self.isPictureCredit(lower, words: words) { return .pictureCredit }
        if self.rules.contains(.teaser), self.isTeaser(lower, words: words) { return .teaser }
        if self.rules.contains(.readerPrompt), self.isReaderPrompt(lower, words: words) { return .readerPrompt }
        if self.rules.contains(.timestamp), self.isTimestamp(lower, words: words) { return .timestamp }
        if self.rules.contains(.markupResidue), SimpleText.contains(lower, "&lt;"), SimpleText.contains(lower, "&gt;") { return .markupResidue }
        if self.rules.contains(.copyrightNotice), self.isCopyrightNotice(lower, words: words) { return .copyrightNotice }
        return nil
    }

    /// Lower case with typographic apostrophes and ellipses made plain.
    static func lowered<S: StringProtocol>(_ text: S) -> String {
        let lower = SimpleText.lowercased(text)
        // Both U+2019 and U+2026 open with the byte E2; most lines have neither.
        guard SimpleText.contains(byte: 0xE2, in: lower) else { return lower }
        return SimpleText.plainApostrophesAndEllipses(lower)
    }
}
