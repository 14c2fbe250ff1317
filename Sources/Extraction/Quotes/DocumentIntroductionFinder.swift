import DocumentModel

/// Where a story introduces a document that speaks for whoever issued it, and who issued it:
/// `Acme issued a statement`, `the ministry said in a statement`, `Doe wrote in a letter`.
///
/// A later `the statement said` speaks for that issuer. The issuer is the first person or
/// organization named in the introducing sentence before the document noun (its usual
/// subject); with none named, the subject of the speech verb before the noun, as written.
/// Only a noun introduced as new (`a statement`, `a separate statement`) counts.
///
/// ```swift
/// let finder = DocumentIntroductionFinder(vocabulary: vocabulary)
/// finder.introductions(in: scanned, spans: spans, mentions: mentionsByParagraph)
/// ```
struct DocumentIntroductionFinder: Sendable {
    /// Who issued an introduced document.
    enum Issuer: Sendable {
        /// An entity named in the introducing sentence.
        case entity(Entity)
        /// The subject of the introducing speech verb, when it names no entity.
        case phrase(SpeakerPhrase)
    }

    /// One document a story introduces.
    struct Introduction: Sendable {
        /// The document noun, folded (`statement`).
        let noun: String
        /// Where the noun is.
        let position: TextPosition
        /// Who issued it.
        let issuer: Issuer
    }

    /// Most words read back from the noun to its sentence's start.
    static let sentenceWords = 40
    /// Words that introduce a document as new.
    private static let indefinite: FoldedWordSet = ["a", "an"]

    private let vocabulary: AttributionVocabulary
    private let reader: SpeakerPhraseReader

    /// A finder with the given word lists.
    init(vocabulary: AttributionVocabulary) {
        self.vocabulary = vocabulary
        self.reader = SpeakerPhraseReader(vocabulary: vocabulary)
    }

    /// The documents `paragraphs` introduce outside quotations, in reading order.
    ///
    /// - Parameters:
    ///   - paragraphs: the paragraphs searched for quotations.
    ///   - spans: the quotations, in reading order; nouns inside them introduce nothing.
    ///   - mentions: the mentions of people and organizations outside quotations, by
    ///     paragraph index, each paragraph's in order.
    /// - Complexity: O(*n* + *d* log *m*) for *n* words, *d* document nouns and *m* mentions:
    ///   the sentence read back from each noun is bounded.
    func introductions(in paragraphs: [ScannedParagraph], spans: [QuotationSpan], mentions: [Int: [(Entity, Entity.Mention)]]) -> [Introduction] {
        var introductions: [Introduction] = []
        var spanIndex = 0
        for paragraph in paragraphs {
            let words = paragraph.words
            // The article is asked about first: it turns most words away without hashing them.
            for index in words.indices where self.isIntroduced(index, in: words) && self.vocabulary.isDocumentNoun(words[index].folded) {
                let word = words[index]
                while spanIndex < spans.count, (spans[spanIndex].paragraph, spans[spanIndex].end) <= (paragraph.index, word.start) { spanIndex += 1 }
                if spanIndex < spans.count, spans[spanIndex].paragraph == paragraph.index, spans[spanIndex].start <= word.start { continue }
                let start = self.sentenceStart(before: index, in: paragraph)
                guard let issuer = self.issuer(from: start, to: index, in: paragraph, mentions: mentions[paragraph.index] ?? []) else { continue }
                introductions.append(Introduction(noun: word.folded, position: TextPosition(paragraph: paragraph.index, offset: word.start), issuer: issuer))
            }
        }
        return introductions
    }

    /// Whether the noun at `index` is introduced as new: `a` or `an` one or two words before.
    private func isIntroduced(_ index: Int, in words: [ScannedParagraph.Word]) -> Bool {
        // Read once: a static set asked about at every word is fetched at every word.
        let indefinite = Self.indefinite
        return index >= 1 && indefinite.contains(words[index - 1].folded) || index >= 2 && indefinite.contains(words[index - 2].folded)
    }

    /// The first word of the sentence holding word `index`, at most `sentenceWords` back.
    private func sentenceStart(before index: Int, in paragraph: ScannedParagraph) -> Int {
        var start = index
        while start > 0, index - start < Self.sentenceWords, !paragraph.isSentenceBreak(after: start - 1) { start -= 1 }
        return start
    }

    /// The first entity named between words `start` and `end`, or else the subject of the
    /// last speech verb between them.
    private func issuer(from start: Int, to end: Int, in paragraph: ScannedParagraph, mentions: [(Entity, Entity.Mention)]) -> Issuer? {
        let words = paragraph.words
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].1.start < words[start].start { low = middle + 1 } else { high = middle }
        }
        if low < mentions.count, mentions[low].1.start < words[end].start { return .entity(mentions[low].0) }
        guard let verb = (start..<end).last(where: { self.vocabulary.isSpeechVerb(words[$0].folded) }) else { return nil }
        return self.reader.subject(of: words[start..<verb], in: paragraph).map(Issuer.phrase)
    }
}
