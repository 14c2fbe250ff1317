import DocumentModel
import Foundation

extension StoryChromeFilter {
    /// Characters a sentence ends with, before a credit that follows it on the same line.
    private static let sentenceEnds: Set<Character> = [".", "!", "?", "'", "\"", "\u{201D}", ")"]

    /// Whether a line is a picture's caption or credit.
    ///
    /// - It opens like one (`caption-openers.txt`: `Image credit: …`, `Photograph: …`).
    /// - It ends with a parenthesised credit: one that opens like a credit, names a credit
    ///   marker (`getty images`) or is an agency alone (`(AP)`).
    /// - A sentence ends and a short credit follows (`… in 2018. Credit: Agency`).
    /// - It is a short photographer-and-agency line (`Jane Doe, AP`, `Jane Doe | Getty Images`).
    func isPictureCredit(_ lower: String, words: Int) -> Bool {
        if SimpleText.hasPrefix(lower, oneOf: self.lexicon.captionOpeners) { return true }
        if let credit = Self.trailingParenthesis(lower), self.isCredit(credit) { return true }
        if self.endsWithCredit(lower) { return true }
        if lower.hasPrefix("("), words <= self.configuration.maximumParentheticalCreditWords, Self.trailingParenthesis(lower) != nil {
            return true
        }
        if self.isAgencyCredit(lower, words: words) { return true }
        // `… on November 19, 2019. Jane DOE / AFP`: a caption whose last sentence is its credit.
        guard let end = SimpleText.lastRange(of: ". ", in: lower) else { return false }
        let tail = String(lower[end.upperBound...])
        return self.isAgencyCredit(tail, words: LayoutAnalyzer.wordCount(tail))
    }

    /// A credit that stands on its own line, short: the caption above it goes with it.
    func isStandaloneCredit(_ line: Substring) -> Bool {
        let lower = Self.lowered(line)
        let words = LayoutAnalyzer.wordCount(line)
        guard words <= self.configuration.maximumCreditWords else { return false }
        if lower.hasPrefix("("), lower.hasSuffix(")") { return true }
        return SimpleText.hasPrefix(lower, oneOf: self.lexicon.captionOpeners) || self.isAgencyCredit(lower, words: words)
    }

    /// The text inside a line's closing parentheses, when the line ends with them.
    private static func trailingParenthesis(_ lower: String) -> Substring? {
        guard lower.hasSuffix(")"), let open = lower.lastIndex(of: "(") else { return nil }
        return lower[lower.index(after: open)..<lower.index(before: lower.endIndex)]
    }

    /// Credit text: it opens like a credit, names a credit marker, or is an agency alone.
    private func isCredit(_ text: Substring) -> Bool {
        let trimmed = SimpleText.trimmingWhitespaces(text)
        guard !trimmed.isEmpty, LayoutAnalyzer.wordCount(trimmed) <= self.configuration.maximumCreditWords else { return false }
        return SimpleText.hasPrefix(trimmed, oneOf: self.lexicon.captionOpeners)
            || self.lexicon.creditMarkers.contains(where: trimmed.contains)
            || self.lexicon.agencies[TextFolding.fold(trimmed)] != nil
    }

    /// `… in 2018. Credit: Agency`: a credit opener after a sentence's end, and a short credit.
    ///
    /// A credit is the line's last few words, so only the line's tail is searched: the words an
    /// opener and the longest credit can take, and one more. That keeps the search linear in
    /// the tail, not the paragraph, whatever the number of openers.
    private func endsWithCredit(_ lower: String) -> Bool {
        let tail = Self.lastWords(of: lower, count: self.configuration.maximumCreditWords + self.longestCaptionOpenerWords + 1)
        guard Self.mayHoldCreditOpener(tail) else { return false }
        for pattern in self.creditOpenerPatterns {
            guard let range = tail.ranges(of: pattern).last, range.lowerBound > lower.startIndex,
                Self.sentenceEnds.contains(lower[lower.index(before: range.lowerBound)])
            else { continue }
            let credit = lower[range.upperBound...]
            if LayoutAnalyzer.wordCount(credit) <= self.configuration.maximumCreditWords { return true }
        }
        return false
    }

    /// Whether the text has a `:` or a `...`, which every opener `endsWithCredit` looks for
    /// ends with: most lines have neither, and are not searched opener by opener.
    private static func mayHoldCreditOpener(_ text: Substring) -> Bool {
        var dots = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") { return true }
            dots = byte == UInt8(ascii: ".") ? dots + 1 : 0
            if dots == 3 { return true }
        }
        return false
    }

    /// The caption openers a credit can follow a sentence with (`credit:`, `credit...`), each
    /// with the space before it.
    static func creditOpenerPatterns(_ lexicon: Lexicon) -> [String] {
        lexicon.captionOpeners.filter { $0.hasSuffix(":") || $0.hasSuffix("...") }.map { " " + $0 }
    }

    /// The most words a caption opener has (`photo by:` has two).
    static func longestCaptionOpenerWords(_ lexicon: Lexicon) -> Int {
        lexicon.captionOpeners.map(LayoutAnalyzer.wordCount).max() ?? 0
    }

    /// The end of `text` from just after the space before its last `count` words (the whole
    /// text when it has fewer), with `text`'s indices.
    private static func lastWords(of text: String, count: Int) -> Substring {
        // In searchable text a space byte is a space `Character`: its bytes are walked instead.
        let start = SimpleText.isSearchable(text)
            ? self.startOfLastWords(text.utf8, space: UInt8(ascii: " "), count: count)
            : self.startOfLastWords(text, space: " ", count: count)
        return text[start...]
    }

    /// Where the last `count` words of a view of a string start: just after the space before
    /// them, or the view's start when it has fewer.
    private static func startOfLastWords<View: BidirectionalCollection>(_ view: View, space: View.Element, count: Int) -> View.Index
    where View.Element: Equatable {
        var spaces = 0
        var index = view.endIndex
        while index > view.startIndex {
            let previous = view.index(before: index)
            if view[previous] == space {
                spaces += 1
                if spaces == count { return index }
            }
            index = previous
        }
        return view.startIndex
    }

    /// `Jane Doe, AP`, `Jane Doe | Getty Images`, `Jane Doe/Reuters`: a few words without a
    /// sentence's end, whose last part names an agency or a credit marker.
    private func isAgencyCredit(_ lower: String, words: Int) -> Bool {
        guard words <= 6, let last = lower.last, !".!?:;\"".contains(last),
            let separator = lower.lastIndex(where: { ",|/".contains($0) })
        else { return false }
        let source = SimpleText.trimmingWhitespaces(lower[lower.index(after: separator)...])
        return self.lexicon.agencies[TextFolding.fold(source)] != nil || self.lexicon.creditMarkers.contains(where: source.contains)
    }
}
