import Foundation

extension StoryChromeFilter {
    /// Characters that end a line of prose; a headline ends with none of them.
    private static let proseEnds: Set<Character> = [".", "!", "?", ":", ";", ",", ")", "\"", "\u{201D}", "\u{2026}"]

    /// Removals that need a line's block (its lines without a blank line between them):
    /// headlines that stand alone between paragraphs.
    ///
    /// - Parameters:
    ///   - lines: the story's lines; blank ones end blocks.
    ///   - removed: what line rules already removed; those lines are not removed again.
    /// - Returns: the lines to remove, with their rules.
    func blockRemovals(_ lines: ArraySlice<Substring>, removed: [Int: StoryChromeRule]) -> [Int: StoryChromeRule] {
        var removals: [Int: StoryChromeRule] = [:]
        for block in Self.blocks(of: lines) {
            guard block.count == 1, let index = block.first, removed[index] == nil else { continue }
            if let rule = self.headlineRule(for: lines[index]) { removals[index] = rule }
        }
        return removals
    }

    /// The rule that makes a line alone in its block a headline, if one does.
    ///
    /// It has `minimumHeadlineWords` to `maximumHeadlineWords` words, does not end like prose and is no list item; in
    /// title case (most words of four letters or more capitalised) it is a teaser headline,
    /// otherwise, with `minimumUnpunctuatedWords` words, an unpunctuated one.
    func headlineRule(for line: Substring) -> StoryChromeRule? {
        // Counted first: most lines alone in their block are paragraphs, longer than a headline.
        let wordCount = SimpleText.wordCount(line, cappedAt: self.configuration.maximumHeadlineWords + 1)
        guard wordCount >= self.configuration.minimumHeadlineWords, wordCount <= self.configuration.maximumHeadlineWords else { return nil }
        let words = line.split(separator: " ")
        guard let last = line.last, !Self.proseEnds.contains(last),
            let first = line.first, first.isLetter || first.isNumber || "'\u{2018}".contains(first), !Self.isListItem(line)
        else { return nil }
        let long = words.filter { $0.filter(\.isLetter).count >= 4 }
        let capitalised = long.filter { $0.first(where: \.isLetter)?.isUppercase == true }
        if self.rules.contains(.teaserHeadline), !long.isEmpty, capitalised.count * 3 >= long.count * 2 { return .teaserHeadline }
        if self.rules.contains(.unpunctuatedHeadline), words.count >= self.configuration.minimumUnpunctuatedWords { return .unpunctuatedHeadline }
        return nil
    }

    /// `1. …`, `12) …`: a numbered list item.
    private static func isListItem(_ line: Substring) -> Bool {
        let digits = line.prefix { $0.isNumber }
        return !digits.isEmpty && digits.count <= 2 && line.dropFirst(digits.count).first.map { ".)".contains($0) } == true
    }

    /// The indices of each block's lines, in order.
    static func blocks(of lines: ArraySlice<Substring>) -> [[Int]] {
        var blocks: [[Int]] = []
        var current: [Int] = []
        for index in lines.indices {
            if lines[index].isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(index)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }
}
