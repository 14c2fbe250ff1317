import DocumentModel

/// The second stage of quote extraction: the attribution around each quotation.
///
/// It reads the clause after the closing mark first (`“…,” Jane Doe said`, `“…,” said the
/// minister`, `“…,” according to a spokesperson`), then the sentence before the opening mark
/// (`Doe said: “…”`, `Doe called it “a farce”`), then, for a quotation that opens its
/// paragraph, a previous paragraph ending with a colon (`Doe said:` ¶ `“…”`). A fragment
/// inside a sentence is attributed only from before it. Each window is a few dozen words at
/// most, so the work per quotation is bounded.
///
/// ```swift
/// let finder = AttributionFinder(vocabulary: vocabulary)
/// let cue = finder.cue(for: span, context: context)
/// ```
struct AttributionFinder: Sendable {
    /// The text around one quotation that the finder may read.
    struct Context {
        /// The quotation's paragraph.
        let paragraph: ScannedParagraph
        /// The paragraph before it among those searched, if any.
        let previousParagraph: ScannedParagraph?
        /// The quotation before it in the same paragraph, if any.
        let previousSpan: QuotationSpan?
        /// The quotation after it in the same paragraph, if any.
        let nextSpan: QuotationSpan?
    }

    /// Most words read after a closing mark.
    static let wordsAfter = 36
    /// Most words read back from an opening mark.
    static let wordsBefore = 40
    /// Most words between a closing mark and its attribution verb (`“…,” Doe, Acme's head of
    /// sales, who joined in May, said`).
    static let subjectWords = 30

    private let vocabulary: AttributionVocabulary
    private let reader: SpeakerPhraseReader

    /// A finder with the given word lists.
    init(vocabulary: AttributionVocabulary) {
        self.vocabulary = vocabulary
        self.reader = SpeakerPhraseReader(vocabulary: vocabulary)
    }

    /// The attribution of `span`, or `nil` when the text around it names no speaker or verb.
    ///
    /// - Complexity: O(log *w*) to find the words around the quotation in its paragraph of *w*
    ///   words, then O(1): the windows are bounded.
    func cue(for span: QuotationSpan, context: Context) -> AttributionCue? {
        let after = span.isClosed ? self.cueAfter(span, context: context) : nil
        if after?.speaker != nil { return after }
        // A verb after the quotation with no speaker (`“…”, saying …`) leaves the speaker to
        // the sentence before it (`Doe said the plan was “…”, saying …`), if it names one.
        let before = self.cueBefore(span, context: context)
        return before?.speaker != nil ? before : after ?? before
    }

    // MARK: After the closing mark

    private func cueAfter(_ span: QuotationSpan, context: Context) -> AttributionCue? {
        let paragraph = context.paragraph
        let words = paragraph.words
        let first = paragraph.firstWord(atOrAfter: span.closeEnd)
        if let credit = self.creditLine(after: span, from: first, in: paragraph) { return credit }
        // A quotation that ends its sentence with a full stop inside the marks leaves what
        // follows to the next sentence (`… “the worst in years.” Growers say …`).
        if paragraph.scalars(from: span.start, to: span.end).last(where: { $0 != " " }) == "." { return nil }
        guard first < words.count, !ScannedParagraph.endsSentence(paragraph.scalars(from: span.closeEnd, to: words[first].start), after: nil) else {
            return nil
        }
        let limit = context.nextSpan?.open ?? Int.max
        var last = first
        while last < words.count, last - first < Self.wordsAfter, words[last].start < limit {
            if paragraph.isSentenceBreak(after: last) { last += 1; break }
            last += 1
        }
        // A fragment is attributed after it only by a clause that ends the sentence
        // (`… “a farce”, Doe said.`), not one that leads into the next quotation (`…, she added: “…”`).
        if span.isPartial, last > first, !paragraph.isSentenceBreak(after: last - 1) {
            return nil
        }
        let window = words[first..<last]
        // A characterising verb attributes only after its subject (`“…,” the patient described`).
        guard let verbIndex = window.indices.first(where: { index in
                self.vocabulary.isSpeechVerb(window[index].folded) || index > first && self.vocabulary.isAttributionVerb(window[index].folded)
                    || self.sourcePhraseLength(at: index, in: window) != nil
            }),
            verbIndex - first <= Self.subjectWords
        else { return nil }
        if let length = self.sourcePhraseLength(at: verbIndex, in: window) {
            let speaker = self.reader.object(of: window[(verbIndex + length)...], in: paragraph)
            return speaker.map { AttributionCue(speaker: $0, verb: nil, rule: .accordingTo) }
        }
        let verb = window[verbIndex].folded
        if verbIndex == first {
            let object = self.reader.object(of: window[(verbIndex + 1)...], in: paragraph) ?? self.objectOfLaterVerb(after: verbIndex, in: window, paragraph: paragraph)
            return AttributionCue(speaker: object, verb: verb, rule: .saidBeforeSpeaker)
        }
        guard let speaker = self.reader.subject(of: window[first..<verbIndex], in: paragraph) else { return nil }
        return AttributionCue(speaker: speaker, verb: verb, rule: .saidAfterQuote)
    }

    /// A credit line, `“…” — Jane Doe`: a dash after the closing mark, then a name that ends
    /// the paragraph, whether or not the quotation ends with a full stop.
    private func creditLine(after span: QuotationSpan, from first: Int, in paragraph: ScannedParagraph) -> AttributionCue? {
        let words = paragraph.words
        guard first < words.count, words.count - first <= Self.wordsAfter,
            paragraph.scalars(from: span.closeEnd, to: words[first].start).contains(where: { $0 == "\u{2014}" || $0 == "\u{2013}" }),
            !paragraph.hasSentenceBreak(from: first, to: words.count - 1), let name = self.reader.wholeName(words[first...], in: paragraph)
        else { return nil }
        return AttributionCue(speaker: name, verb: nil, rule: .saidAfterQuote)
    }

    /// The speaker after a second speech verb that opens a clause of its own, when the
    /// first one names none (`“…” announced in May, said Jane Doe`).
    private func objectOfLaterVerb(after verbIndex: Int, in window: ArraySlice<ScannedParagraph.Word>, paragraph: ScannedParagraph) -> SpeakerPhrase? {
        guard let next = window.indices.first(where: { $0 > verbIndex && self.vocabulary.isSpeechVerb(window[$0].folded) }), next - verbIndex <= Self.subjectWords,
            paragraph.scalars(from: window[next - 1].end, to: window[next].start).contains(",")
        else { return nil }
        return self.reader.object(of: window[(next + 1)...], in: paragraph)
    }

    // MARK: Before the opening mark

    private func cueBefore(_ span: QuotationSpan, context: Context) -> AttributionCue? {
        var paragraph = context.paragraph
        var end = paragraph.firstWord(atOrAfter: span.open)
        var rule = AttributionRule.speakerBeforeQuote
        let lowerBound = context.previousSpan?.closeEnd ?? 0
        let opensParagraph = end == 0 && lowerBound == 0
        if opensParagraph, let previous = context.previousParagraph, previous.scalars.last(where: { $0 != " " }) == ":" {
            paragraph = previous
            end = previous.words.count
            rule = .colonLeadIn
        } else if end > 0, ScannedParagraph.endsSentence(paragraph.scalars(from: paragraph.words[end - 1].end, to: span.open), after: paragraph.words[end - 1]) {
            return nil
        }
        let words = paragraph.words
        var start = end
        while start > 0, end - start < Self.wordsBefore, rule == .colonLeadIn || words[start - 1].start >= lowerBound {
            if start < end, paragraph.isSentenceBreak(after: start - 1) { break }
            start -= 1
        }
        let window = words[start..<end]
        let verbs = window.indices.reversed().filter { index in
            self.vocabulary.isAttributionVerb(window[index].folded) || Self.isPutIt(at: index, in: window) || self.sourcePhraseLength(at: index, in: window) != nil
        }
        // What follows `Doe said that` is Doe's report, quotations and other verbs in it included
        // (`Doe said that after talks Acme had concluded it was “…”`).
        if let reporting = verbs.last(where: { self.vocabulary.isSpeechVerb(window[$0].folded) && $0 + 1 < window.endIndex && window[$0 + 1].folded == "that" }),
            let cue = self.cueBefore(verbAt: reporting, in: window, paragraph: paragraph, rule: rule), cue.speaker != nil {
            return cue
        }
        // Otherwise the verb nearest the quotation attributes it; when no subject of its own can
        // be read, an earlier verb of the sentence whose subject can be does; failing both, the
        // nearest verb stands without a speaker.
        let cues = verbs.lazy.compactMap { self.cueBefore(verbAt: $0, in: window, paragraph: paragraph, rule: rule) }
        return cues.first { $0.speaker != nil } ?? cues.first
    }

    /// The cue of the attribution verb or source phrase at `verbIndex` in a window before an
    /// opening mark, read with `rule` (`.calledIt` for a characterising verb, unless the
    /// window is a colon lead-in).
    private func cueBefore(verbAt verbIndex: Int, in window: ArraySlice<ScannedParagraph.Word>, paragraph: ScannedParagraph, rule: AttributionRule) -> AttributionCue? {
        if let length = self.sourcePhraseLength(at: verbIndex, in: window) {
            let speaker = self.reader.object(of: window[(verbIndex + length)...], in: paragraph)
            return speaker.map { AttributionCue(speaker: $0, verb: nil, rule: .accordingTo) }
        }
        let verb = window[verbIndex].folded
        let isSpeech = self.vocabulary.isSpeechVerb(verb) || Self.isPutIt(at: verbIndex, in: window)
        let rule = rule != .colonLeadIn && !isSpeech ? AttributionRule.calledIt : rule
        return AttributionCue(speaker: self.reader.subject(of: window[window.startIndex..<verbIndex], in: paragraph), verb: verb, rule: rule)
    }

    // MARK: Reported speech in the paragraph before

    /// Most words between a sentence's start and its speech verb for the words before the
    /// verb to be read as its subject (`Jane Doe, the mayor, said …`).
    static let reportedSubjectWords = 8

    /// The speaker of the reported speech that ends `paragraph` (`Doe said the plan had
    /// failed.`), for a paragraph of quotation that follows it with no attribution of its own.
    ///
    /// - Complexity: O(1): only the paragraph's last sentence, at most `wordsBefore` words, is read.
    func reportedSpeech(endingParagraph paragraph: ScannedParagraph) -> AttributionCue? {
        self.reportedSpeech(before: paragraph.words.count, in: paragraph)
    }

    /// The speaker of the reported speech in the sentence that ends just before word `end` of
    /// `paragraph` (`Doe told the paper it was untrue. “…”`), for a quotation opening the next
    /// sentence with no attribution of its own; `nil` when that sentence starts before scalar
    /// offset `lowerBound` (it holds the quotation before).
    ///
    /// - Complexity: O(1): only that sentence, at most `wordsBefore` words, is read.
    func reportedSpeech(before end: Int, in paragraph: ScannedParagraph, notBefore lowerBound: Int = 0) -> AttributionCue? {
        let words = paragraph.words
        guard end > 0, end <= words.count else { return nil }
        var start = end - 1
        while start > 0, end - start < Self.wordsBefore, !paragraph.isSentenceBreak(after: start - 1) { start -= 1 }
        guard words[start].start >= lowerBound else { return nil }
        let limit = min(end, start + Self.reportedSubjectWords + 1)
        guard let verb = (start..<limit).first(where: { self.vocabulary.isSpeechVerb(words[$0].folded) }), verb > start,
            let speaker = self.reader.subject(of: words[start..<verb], in: paragraph)
        else { return nil }
        return AttributionCue(speaker: speaker, verb: words[verb].folded, rule: .reportedSpeechLeadIn)
    }

    // MARK: Sentences

    /// Whether `put it` starts at `index`: a speech verb in `as Doe put it, “…”`.
    private static func isPutIt(at index: Int, in window: ArraySlice<ScannedParagraph.Word>) -> Bool {
        window[index].folded == "put" && index + 1 < window.endIndex && window[index + 1].folded == "it"
    }

    /// Phrases that name a quotation's source the way `according to` does.
    private static let sourcePhrases: [[String]] = [["according", "to"], ["in", "the", "words", "of"]]

    /// How many words the phrase naming a source that starts at `index` has (`according to`,
    /// `in the words of`), or `nil` when none starts there.
    private func sourcePhraseLength(at index: Int, in window: ArraySlice<ScannedParagraph.Word>) -> Int? {
        Self.sourcePhrases.first { phrase in
            index + phrase.count <= window.endIndex && phrase.indices.allSatisfy { window[index + $0].folded == phrase[$0] }
        }?.count
    }
}
