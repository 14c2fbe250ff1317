import DocumentModel

extension PersonalPronounResolver {
    /// The subjects `he` or `she` carries on: each pronoun (`pronoun`, folded) opening a
    /// sentence outside quotations stands, at its own position, for the subject it refers to,
    /// so that subject stays the preferred antecedent as long as sentences go on opening with
    /// it (`Jane Doe wrote to Acme.` ¶ `She said the talks had failed.` ¶ `“…,” she said.`).
    ///
    /// - Parameters:
    ///   - subjects: the sentence subjects who agree with `pronoun`.
    ///   - pronoun: `he` or `she`.
    ///   - paragraphs: the paragraphs searched for quotations.
    ///   - spans: the quotations in reading order; pronouns inside them carry nothing on.
    /// - Returns: `subjects` and the pronouns carrying them on, with the work done in position comparisons.
    /// - Complexity: O(*n* + *m*) for *n* words and *m* subjects.
    static func carriedOn(
        _ subjects: [AntecedentIndex.Antecedent], by pronoun: String, paragraphs: [ScannedParagraph], spans: [QuotationSpan]
    ) -> (subjects: [AntecedentIndex.Antecedent], comparisons: Int) {
        var index = AntecedentIndex(subjects)
        var carried: [AntecedentIndex.Antecedent] = []
        var spanIndex = 0
        for paragraph in paragraphs {
            // Words are read in place: iterating them copied every word's two strings.
            let words = paragraph.words
            for offset in words.indices where words[offset].folded == pronoun && (offset == 0 || paragraph.isSentenceBreak(after: offset - 1)) {
                let word = words[offset]
                if Self.isQuoted(word, of: paragraph, spans: spans, from: &spanIndex) { continue }
                let position = TextPosition(paragraph: paragraph.index, offset: word.start)
                let named = index.last(before: position)
                guard let antecedent = [named, carried.last].compactMap({ $0 }).max(by: { $0.position < $1.position }),
                    position.paragraph - antecedent.position.paragraph <= Self.subjectReach
                else { continue }
                carried.append(.init(position: position, speaker: antecedent.speaker))
            }
        }
        return (subjects + carried, index.comparisons)
    }
}
