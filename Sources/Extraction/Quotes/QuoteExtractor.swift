import DocumentModel

/// Finds direct quotations and who said them, in three stages.
///
/// 1. `QuotationSpanFinder`: the stretches between quotation marks, with quotations that run
///    over several paragraphs as one piece per paragraph.
/// 2. `AttributionFinder`: for each piece, the attribution around it (`“…,” she said`,
///    `said chief executive Jane Doe`, `Doe said:`, `according to a spokesperson`).
/// 3. `SpeakerResolver`: the speaker those words stand for: an entity, a name as written, or a
///    description (`a company spokesperson`).
///
/// A piece with no attribution of its own takes the speaker of the piece before it when it
/// continues the same quotation: the next piece of one split by its attribution (`“We are
/// ready,” she said. “We have been for years.”`), a fragment in the same sentence, a
/// quotation carried into the next paragraph, or a paragraph that is all quotation right
/// after an attributed one. A paragraph that is all quotation with none of these takes the
/// speaker of reported speech ending the paragraph before (`Doe said the plan had failed.`);
/// a whole quotation opening a sentence inside a paragraph takes the speaker of reported
/// speech in the sentence just before it (`Doe told the paper it was untrue. “…”`).
///
/// ```swift
/// let quotes = QuoteExtractor(vocabulary: AttributionVocabulary(lexicon: .standard, gazetteer: .standard))
///     .extract(from: paragraphs, words: words, entities: entities, deadline: deadline)
/// ```
///
/// - Complexity: O(*n* + *m* log *m*) for a text of length *n* with *m* entity mentions.
struct QuoteExtractor: Sendable {
    /// The attribution word lists.
    let vocabulary: AttributionVocabulary

    /// What one quotation piece was attributed to, for the pieces after it.
    private struct Attributed {
        let span: QuotationSpan
        let speaker: Quote.Speaker?
        let speakerText: String?
        let verb: String?
    }

    /// The quotations of a document, in reading order.
    ///
    /// - Parameters:
    ///   - paragraphs: every paragraph; quotations are sought in body and background ones.
    ///   - words: each paragraph's words, by paragraph index.
    ///   - entities: the document's entities.
    ///   - deadline: checked at every quotation piece.
    /// - Returns: the quotations, numbered `q1`, `q2`, … in reading order.
    /// - Throws: `IngestError.tooComplex` once the deadline has passed.
    func extract(from paragraphs: [Paragraph], words: [[TextWord]], entities: [Entity], deadline: IngestionDeadline) throws(IngestError) -> [Quote] {
        try self.extractCountingWork(from: paragraphs, words: words, entities: entities, deadline: deadline).quotes
    }

    /// The quotations of a document, and how many position comparisons resolving their
    /// speakers took: the measure tests use to hold resolution to linear time.
    func extractCountingWork(
        from paragraphs: [Paragraph], words: [[TextWord]], entities: [Entity], deadline: IngestionDeadline
    ) throws(IngestError) -> (quotes: [Quote], comparisons: Int) {
        let scanned = paragraphs.filter { $0.section == .body || $0.section == .background }
            .map { ScannedParagraph($0, words: $0.index < words.count ? words[$0.index] : TextWord.scan($0.text)) }
        let spans = QuotationSpanFinder().spans(in: scanned)
        let finder = AttributionFinder(vocabulary: self.vocabulary)
        let cues = try spans.indices.map { (index) throws(IngestError) in
            try deadline.check()
            let span = spans[index]
            let previous = index > 0 && spans[index - 1].ordinal == span.ordinal ? spans[index - 1] : nil
            let next = index + 1 < spans.count && spans[index + 1].ordinal == span.ordinal ? spans[index + 1] : nil
            let context = AttributionFinder.Context(
                paragraph: scanned[span.ordinal], previousParagraph: span.ordinal > 0 ? scanned[span.ordinal - 1] : nil,
                previousSpan: previous, nextSpan: next)
            return finder.cue(for: span, context: context)
        }
        // Whoever reports speech just before a quotation (`Jane Doe, Acme's lawyer, told …`) is
        // someone a later `she said` may mean, even when no entity holds the name.
        let reporters = Set(spans.map(\.ordinal)).filter { $0 > 0 }.compactMap { finder.reportedSpeech(endingParagraph: scanned[$0 - 1])?.speaker }
        let names = (cues.compactMap { $0?.speaker } + reporters).filter { $0.form == .name }.sorted { $0.position < $1.position }
        var resolver = SpeakerResolver(entities: entities, paragraphs: scanned, spans: spans, names: names, vocabulary: self.vocabulary)
        var quotes: [Quote] = []
        quotes.reserveCapacity(spans.count)
        var previous: Attributed?
        var lastWholeQuotation: Attributed?
        for (span, cue) in zip(spans, cues) {
            try deadline.check()
            let paragraph = scanned[span.ordinal]
            var attributed = Attributed(span: span, speaker: nil, speakerText: nil, verb: cue?.verb)
            var rule: AttributionRule?
            if let cue, let phrase = cue.speaker, let resolution = resolver.resolve(phrase, rule: cue.rule) {
                attributed = Attributed(span: span, speaker: resolution.speaker, speakerText: phrase.text, verb: cue.verb)
                rule = resolution.rule
            } else if cue == nil, !span.isPartial, let lead = Self.sentenceLeadIn(to: span, in: paragraph, after: previous?.span, finder: finder),
                let phrase = lead.speaker, let resolution = resolver.resolve(phrase, rule: lead.rule) {
                attributed = Attributed(span: span, speaker: resolution.speaker, speakerText: phrase.text, verb: lead.verb)
                rule = resolution.rule
            } else if cue?.speaker == nil, let earlier = previous, earlier.speaker != nil, Self.continues(span, earlier.span, hasVerb: cue?.verb != nil, in: paragraph) {
                attributed = Attributed(span: span, speaker: earlier.speaker, speakerText: earlier.speakerText, verb: cue?.verb ?? earlier.verb)
                rule = .splitQuotation
            } else if cue == nil, !span.isPartial, let earlier = lastWholeQuotation, earlier.speaker != nil, earlier.span.ordinal == span.ordinal - 1 {
                attributed = Attributed(span: span, speaker: earlier.speaker, speakerText: earlier.speakerText, verb: earlier.verb)
                rule = .continuation
            } else if cue == nil, !span.isPartial, span.ordinal > 0, paragraph.firstWord(atOrAfter: span.open) == 0,
                let lead = finder.reportedSpeech(endingParagraph: scanned[span.ordinal - 1]), let phrase = lead.speaker,
                let resolution = resolver.resolve(phrase, rule: lead.rule) {
                attributed = Attributed(span: span, speaker: resolution.speaker, speakerText: phrase.text, verb: lead.verb)
                rule = resolution.rule
            }
            quotes.append(Quote(
                id: "q\(quotes.count + 1)", text: paragraph.text(from: span.start, to: span.end), speaker: attributed.speaker,
                speakerText: attributed.speakerText, verb: attributed.verb, paragraph: span.paragraph, start: span.start, end: span.end,
                isPartial: span.isPartial, attribution: attributed.speaker == nil ? nil : rule))
            previous = attributed
            if !span.isPartial { lastWholeQuotation = attributed }
        }
        return (quotes, resolver.comparisons)
    }

    /// The reported speech of the sentence just before `span` in its paragraph, when `span`
    /// opens a sentence of its own after it (`Doe told the paper it was untrue. “…”`) and that
    /// sentence holds no quotation; `earlier` is the piece before `span`.
    private static func sentenceLeadIn(to span: QuotationSpan, in paragraph: ScannedParagraph, after earlier: QuotationSpan?, finder: AttributionFinder) -> AttributionCue? {
        let first = paragraph.firstWord(atOrAfter: span.open)
        guard first > 0, paragraph.isSentenceBreak(after: first - 1) else { return nil }
        let lowerBound = earlier.flatMap { $0.ordinal == span.ordinal ? $0.closeEnd : nil } ?? 0
        return finder.reportedSpeech(before: first, in: paragraph, notBefore: lowerBound)
    }

    /// Whether `span` goes on with the quotation of `earlier`, the piece just before it: the
    /// next paragraph's piece of a quotation left open, or a later piece of the same
    /// paragraph that is whole, or in the same sentence, or introduced by a verb alone
    /// (`…, adding “…”`).
    private static func continues(_ span: QuotationSpan, _ earlier: QuotationSpan, hasVerb: Bool, in paragraph: ScannedParagraph) -> Bool {
        if span.continuesPrevious { return earlier.ordinal == span.ordinal - 1 }
        guard earlier.ordinal == span.ordinal else { return false }
        if !span.isPartial || hasVerb { return true }
        return !paragraph.scalars(from: earlier.closeEnd, to: span.open).contains { $0 == "." || $0 == "!" || $0 == "?" }
    }
}
