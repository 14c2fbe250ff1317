import DocumentModel
import Foundation

/// Finds direct quotations and who said them.
///
/// A quotation runs between opening and closing marks (`“…”`, `"…"`, `„…”`); one left open at
/// the end of a paragraph runs to its end, and the next paragraph's opening mark continues
/// it. Attribution is read after the closing mark (`…,” he said`, `…,” said X`, `…,” X told
/// reporters`), else before the opening mark (`X said: “…”`, `X called it “…”`), else it
/// continues the previous quotation's speaker. The words naming the speaker resolve to a
/// person: a name to its entity, `he`/`she` to the person last mentioned, a description
/// (`the minister`) to the person it was said of. An unknown speaker is `nil`.
struct QuoteExtractor: Sendable {
    let verbs: Set<String>

    private static let openers: Set<Character> = ["\u{201C}", "\u{201E}", "\u{00AB}"]
    private static let closers: Set<Character> = ["\u{201D}", "\u{00BB}"]
    private static let pronouns: Set<String> = ["he", "she"]
    private static let partialVerbs: Set<String> = ["called", "described", "calls", "describes", "termed", "dubbed"]

    private struct Span {
        let paragraph: Paragraph
        let range: Range<String.Index>
        let closeEnd: String.Index
    }

    private struct PersonMention {
        let paragraph: Int
        let offset: Int
        let entity: Entity
        let text: String
        let context: String
    }

    private struct Attribution {
        let speakerText: String?
        let verb: String?
        let rule: String
    }

    /// The quotations of a document, in reading order.
    func extract(from paragraphs: [Paragraph], entities: [Entity]) -> [Quote] {
        var allSpans: [[Span]] = []
        var openAtEnd = false
        for paragraph in paragraphs where paragraph.section == .body || paragraph.section == .background {
            let spans = Self.spans(in: paragraph, continuing: openAtEnd)
            openAtEnd = spans.last.map { $0.closeEnd == paragraph.text.endIndex && !Self.isClosed($0, in: paragraph.text) } ?? false
            allSpans.append(spans)
        }
        // People named inside quotations are not who "he" or "the expert" refers to.
        let people = Self.personMentions(entities, paragraphs: paragraphs).filter { mention in
            !allSpans.joined().contains { span in
                span.paragraph.index == mention.paragraph && Self.scalarRange(of: span).contains(mention.offset)
            }
        }
        var quotes: [Quote] = []
        var previousSpeaker: (Quote.Speaker?, String?, String?)?
        // A quotation opening a paragraph may be introduced by the one before ("X said:").
        var previousParagraph: [Int: Paragraph] = [:]
        for (earlier, later) in zip(paragraphs, paragraphs.dropFirst()) { previousParagraph[later.index] = earlier }
        for spans in allSpans {
            for span in spans {
                let paragraph = span.paragraph
                let text = paragraph.text
                let start = text.unicodeScalars.distance(from: text.startIndex, to: span.range.lowerBound)
                let end = start + text.unicodeScalars.distance(from: span.range.lowerBound, to: span.range.upperBound)
                let partial = Self.isPartial(span, in: text)
                var speaker: Quote.Speaker?
                var speakerText: String?
                var verb: String?
                var rule: String?
                var confidence = 0.0
                if let found = self.attribution(of: span, partial: partial, previous: previousParagraph[paragraph.index], people: people) {
                    speakerText = found.speakerText
                    verb = found.verb
                    if let words = found.speakerText, let (entity, how, sure) = self.resolve(words, before: (paragraph.index, start), people: people) {
                        speaker = Quote.Speaker(id: entity.id, name: entity.name)
                        rule = how == "name" ? found.rule : how
                        confidence = sure
                    }
                } else if let previous = previousSpeaker, previous.0 != nil, !partial {
                    (speaker, speakerText, verb) = previous
                    rule = "continuation"
                    confidence = 0.6
                }
                let quote = Quote(
                    id: "q\(quotes.count + 1)", text: String(text[span.range]), speaker: speaker, speakerText: speakerText,
                    verb: verb, paragraph: paragraph.index, start: start, end: end, isPartial: partial,
                    attribution: rule, confidence: confidence)
                quotes.append(quote)
                if !partial { previousSpeaker = (speaker, speakerText, verb) }
            }
        }
        return quotes
    }

    // MARK: Spans

    private static func spans(in paragraph: Paragraph, continuing: Bool) -> [Span] {
        let text = paragraph.text
        var spans: [Span] = []
        var openedAt: String.Index?
        var straightOpen = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if openedAt == nil && (self.openers.contains(character) || character == "\"") {
                openedAt = next
                straightOpen = character == "\""
            } else if let start = openedAt, self.closers.contains(character) || (character == "\"" && straightOpen) || (character == "\"" && !straightOpen) {
                spans.append(Span(paragraph: paragraph, range: start..<index, closeEnd: next))
                openedAt = nil
            }
            index = next
        }
        if let start = openedAt, start < text.endIndex {
            spans.append(Span(paragraph: paragraph, range: start..<text.endIndex, closeEnd: text.endIndex))
        }
        return spans.filter { !text[$0.range].trimmingCharacters(in: .whitespaces).isEmpty }
    }

    private static func scalarRange(of span: Span) -> Range<Int> {
        let text = span.paragraph.text
        let start = text.unicodeScalars.distance(from: text.startIndex, to: span.range.lowerBound)
        return start..<(start + text.unicodeScalars.distance(from: span.range.lowerBound, to: span.range.upperBound))
    }

    private static func isClosed(_ span: Span, in text: String) -> Bool {
        span.range.upperBound < text.endIndex
    }

    /// A fragment inside a sentence: the opening mark follows a word, not a sentence start or `:`.
    private static func isPartial(_ span: Span, in text: String) -> Bool {
        let markIndex = text.index(before: span.range.lowerBound)
        let before = text[..<markIndex].reversed().drop { $0 == " " }
        guard let previous = before.first else { return false }
        return !".!?:\u{201D}\"".contains(previous)
    }

    // MARK: Attribution

    private func attribution(of span: Span, partial: Bool, previous: Paragraph?, people: [PersonMention]) -> Attribution? {
        let text = span.paragraph.text
        // After the closing mark, up to the end of the sentence or the next quotation.
        let after = text[span.closeEnd...].prefix { !Self.openers.contains($0) && $0 != "\"" }
        let afterClause = String(after.prefix { $0 != "." && $0 != "!" && $0 != "?" && $0 != ";" })
        let afterWords = TextWord.scan(afterClause).prefix(8)
        if !partial, let verbIndex = afterWords.firstIndex(where: { self.verbs.contains($0.folded) }) {
            let verb = afterWords[verbIndex].folded
            if verbIndex == afterWords.startIndex {
                // "…,” said the UN Special Rapporteur": the speaker follows the verb.
                let speaker = String(afterClause[afterWords[verbIndex].range.upperBound...])
                    .split(whereSeparator: { ",;".contains($0) }).first.map { $0.trimmingCharacters(in: .whitespaces) }
                return Attribution(speakerText: speaker.flatMap { $0.isEmpty ? nil : $0 }, verb: verb, rule: "said-before-speaker")
            }
            let speaker = String(afterClause[afterWords[afterWords.startIndex].range.lowerBound..<afterWords[verbIndex].range.lowerBound])
                .trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
            return Attribution(speakerText: speaker.isEmpty ? nil : speaker, verb: verb, rule: "said-after-quote")
        }
        // Before the opening mark, back to the start of the sentence; a quotation that opens its
        // paragraph takes the previous paragraph's last sentence when that ends with ":".
        var markIndex = text.index(before: span.range.lowerBound)
        var source = span.paragraph
        if text[..<markIndex].allSatisfy({ $0 == " " }), let previous, previous.text.hasSuffix(":") {
            source = previous
            markIndex = previous.text.endIndex
        }
        let sourceText = source.text
        let sentenceStart = sourceText[..<markIndex].lastIndex(where: { ".!?".contains($0) }).map { sourceText.index(after: $0) } ?? sourceText.startIndex
        let beforeWords = TextWord.scan(String(sourceText[sentenceStart..<markIndex]))
        let sentenceRange = sourceText.unicodeScalars.distance(from: sourceText.startIndex, to: sentenceStart)
            ..< sourceText.unicodeScalars.distance(from: sourceText.startIndex, to: markIndex)
        guard let verbIndex = beforeWords.lastIndex(where: { self.verbs.contains($0.folded) || Self.partialVerbs.contains($0.folded) }) else {
            return nil
        }
        let verb = beforeWords[verbIndex].folded
        let rule = Self.partialVerbs.contains(verb) ? "called-it" : "speaker-before-quote"
        // "Rhiannon Pugh, chief executive of the Rural Libraries Network, said:": the subject is
        // the person the sentence names first, not the nearest capitalised words.
        if let named = people.first(where: { $0.paragraph == source.index && sentenceRange.contains($0.offset) }) {
            return Attribution(speakerText: named.text, verb: verb, rule: rule)
        }
        let subject = beforeWords[..<verbIndex]
        // The subject is the capitalised run or pronoun nearest before the verb.
        var speakerWords: [TextWord] = []
        for word in subject.reversed() {
            if Self.pronouns.contains(word.folded) && speakerWords.isEmpty { speakerWords = [word]; break }
            if word.isCapitalized { speakerWords.insert(word, at: 0) } else if !speakerWords.isEmpty { break }
        }
        let speaker = speakerWords.isEmpty ? nil : speakerWords.map(\.text).joined(separator: " ")
        return Attribution(speakerText: speaker, verb: verb, rule: rule)
    }

    // MARK: Speakers

    private static func personMentions(_ entities: [Entity], paragraphs: [Paragraph]) -> [PersonMention] {
        entities.filter { $0.kind == .person }.flatMap { entity in
            entity.mentions.map { mention in
                let scalars = Array(paragraphs[mention.paragraph].text.unicodeScalars)
                let from = max(0, mention.start - 120)
                let to = min(scalars.count, mention.end + 60)
                return PersonMention(
                    paragraph: mention.paragraph, offset: mention.start, entity: entity, text: mention.text,
                    context: TextFolding.fold(String(String.UnicodeScalarView(scalars[from..<to]))))
            }
        }.sorted { ($0.paragraph, $0.offset) < ($1.paragraph, $1.offset) }
    }

    /// The person `words` refer to, how (`name`, `pronoun`, `description`) and how surely.
    private func resolve(_ words: String, before position: (Int, Int), people: [PersonMention]) -> (Entity, String, Double)? {
        let folded = TextFolding.fold(words)
        let earlier = people.filter { ($0.paragraph, $0.offset) < position }
        if let named = people.first(where: { mention in
            ([mention.entity.name] + mention.entity.aliases).contains { folded.hasSuffix(TextFolding.fold($0)) }
        }) {
            return (named.entity, "name", 0.95)
        }
        if Self.pronouns.contains(folded) {
            return earlier.last.map { ($0.entity, "pronoun", 0.8) }
        }
        guard folded.hasPrefix("the "), let head = folded.split(separator: " ").last else { return nil }
        if let described = earlier.last(where: { $0.context.contains(head) }) {
            return (described.entity, "description", 0.75)
        }
        return earlier.last.map { ($0.entity, "description", 0.5) }
    }
}
