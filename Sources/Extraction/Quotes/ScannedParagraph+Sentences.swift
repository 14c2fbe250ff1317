extension ScannedParagraph {
    /// Words after which a full stop does not end a sentence: titles, company forms, and the
    /// months news style abbreviates before a day (`on Oct. 31`).
    private static let abbreviations: FoldedWordSet = [
        "jr", "sr", "st", "co", "inc", "corp", "ltd", "no", "vs", "gen", "lt", "col", "sgt", "rep", "sen", "gov", "mr", "mrs", "ms", "dr", "prof", "rev",
        "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Whether a sentence ends between word `index` and the next.
    func isSentenceBreak(after index: Int) -> Bool {
        let word = self.words[index]
        let next = index + 1 < self.words.count ? self.words[index + 1].start : self.scalars.count
        return Self.endsSentence(self.scalars(from: word.end, to: next), after: word)
    }

    /// Whether a sentence ends anywhere between words `first` and `last` (indexes, `first` < `last`).
    ///
    /// - Complexity: O(*k*) in the words between them.
    func hasSentenceBreak(from first: Int, to last: Int) -> Bool {
        (first..<last).contains { self.isSentenceBreak(after: $0) }
    }

    /// Whether `gap`, the text after `word`, ends a sentence: a `!`, `?` or `;`, or a full stop
    /// that does not end an abbreviation or an initial.
    static func endsSentence(_ gap: ArraySlice<Unicode.Scalar>, after word: Word?) -> Bool {
        if gap.contains(where: { $0 == "!" || $0 == "?" || $0 == ";" }) { return true }
        guard let stop = gap.firstIndex(of: ".") else { return false }
        if stop == gap.startIndex, let word, word.text.count == 1 || Self.abbreviations.contains(word.folded) { return false }
        return true
    }
}
