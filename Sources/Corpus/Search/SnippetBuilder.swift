import DocumentModel

/// Picks an item's best passages and marks the matches in them.
///
/// A passage is a sentence (cut to a window of words around its first match when long). The
/// best have the most distinct matched words, then the most matches; up to three are given,
/// best first. Paragraphs are read in order until three passages match everything the query
/// asked for, which no later passage could beat on distinct words. Matched words, phrases
/// (one range each) and the mentions of entities the query named are marked.
struct SnippetBuilder {
    /// Most snippets per hit.
    static let maxSnippets = 3
    /// Longest passage, in words, before it is cut around its first match.
    static let maxWords = 40
    /// Words kept before the first match when a passage is cut.
    static let leadingWords = 6

    /// The terms to mark (matched as written, misspelled or by prefix).
    let terms: Set<String>
    /// The phrases to mark, as terms.
    let phrases: [[String]]
    /// The entities whose mentions to mark.
    let entities: [String]
    /// How many things the query asked for: a passage with that many distinct matches has them all.
    let clauses: Int

    /// The best passages of `item`; its opening sentence unmarked when nothing matched in its text.
    ///
    /// - Parameters:
    ///   - item: the item.
    ///   - places: the places in `item.paragraphs` of the paragraphs worth reading (those the
    ///     index says hold a match), or `nil` for all.
    func snippets(of item: SearchItem, reading places: Set<Int>? = nil) -> [SearchSnippet] {
        var candidates: [(snippet: SearchSnippet, distinct: Int, order: Int)] = []
        let prefixes = Set((Array(self.terms) + self.phrases.joined()).map(Self.prefixKey))
        // Read from the item's document once, not per paragraph.
        let paragraphs = item.paragraphs
        let mentions = item.entities.filter { self.entities.contains($0.id) }.flatMap { entity in entity.mentions.map { (entity.id, $0) } }
        for (place, paragraph) in paragraphs.enumerated() where places?.contains(place) ?? true {
            if candidates.lazy.filter({ $0.distinct >= self.clauses }).count >= Self.maxSnippets { break }
            let tokens = SearchToken.scan(paragraph.text)
            let spans = self.spans(in: tokens, paragraph: paragraph.index, mentions: mentions, prefixes: prefixes)
            guard !spans.isEmpty else { continue }
            let scalars = Array(paragraph.text.unicodeScalars)
            for sentence in Self.sentences(of: scalars, tokens: tokens) {
                let inside = spans.filter { $0.range.lowerBound >= sentence.range.lowerBound && $0.range.upperBound <= sentence.range.upperBound }
                guard !inside.isEmpty else { continue }
                let snippet = Self.passage(scalars, tokens: tokens[sentence.tokens], within: sentence.range, spans: inside.map(\.range), paragraph: paragraph.index)
                candidates.append((snippet, Set(inside.map(\.key)).count, candidates.count))
            }
        }
        if candidates.isEmpty, let first = paragraphs.first {
            let scalars = Array(first.text.unicodeScalars)
            let tokens = SearchToken.scan(first.text)
            guard let sentence = Self.sentences(of: scalars, tokens: tokens).first else { return [] }
            return [Self.passage(scalars, tokens: tokens[sentence.tokens], within: sentence.range, spans: [], paragraph: first.index)]
        }
        return candidates.sorted { ($1.distinct, $1.snippet.highlights.count, $0.order) < ($0.distinct, $0.snippet.highlights.count, $1.order) }
            .prefix(Self.maxSnippets).map(\.snippet)
    }

    /// The first three bytes of a word (all of a shorter one), packed: stemming keeps them, so
    /// a token whose key no matched term has cannot match, and is not stemmed.
    private static func prefixKey(_ word: String) -> UInt32 {
        word.utf8.prefix(3).reduce(UInt32(word.utf8.count >= 3 ? 3 : word.utf8.count)) { $0 << 8 | UInt32($1) }
    }

    /// The matched ranges of a paragraph, each with what it matched (for counting distinct ones).
    ///
    /// - Parameter mentions: the item's mentions of the entities to mark, with their ids, in
    ///   the item's order.
    private func spans(
        in tokens: [SearchToken], paragraph: Int, mentions: [(id: String, mention: Entity.Mention)], prefixes: Set<UInt32>
    ) -> [(range: Range<Int>, key: String)] {
        // Each token's term, or nil where its prefix rules out every match.
        let terms = tokens.map { prefixes.contains(Self.prefixKey($0.folded)) ? $0.term : nil }
        var spans: [(range: Range<Int>, key: String)] = []
        var covered = Set<Int>()
        for phrase in self.phrases where phrase.count <= tokens.count {
            for start in 0...(tokens.count - phrase.count) where (0..<phrase.count).allSatisfy({ terms[start + $0] == phrase[$0] }) {
                spans.append((tokens[start].start..<tokens[start + phrase.count - 1].end, phrase.joined(separator: " ")))
                covered.formUnion(start..<(start + phrase.count))
            }
        }
        for (index, token) in tokens.enumerated() where !covered.contains(index) {
            guard let term = terms[index], self.terms.contains(term) else { continue }
            spans.append((token.start..<token.end, term))
        }
        for (id, mention) in mentions where mention.paragraph == paragraph {
            spans.append((mention.start..<mention.end, id))
        }
        // Overlapping ranges (a word inside an entity's mention) become one.
        var merged: [(range: Range<Int>, key: String)] = []
        for span in spans.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = merged.last, span.range.lowerBound < last.range.upperBound {
                merged[merged.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, span.range.upperBound)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// Sentences of a paragraph: scalar ranges and their tokens' indices. A sentence ends
    /// after `.`, `!` or `?` (and any closing quote) followed by a space.
    private static func sentences(of scalars: [Unicode.Scalar], tokens: [SearchToken]) -> [(range: Range<Int>, tokens: Range<Int>)] {
        var sentences: [(range: Range<Int>, tokens: Range<Int>)] = []
        var start = 0
        var firstToken = 0
        var index = 0
        while index < scalars.count {
            var end = index + 1
            if ".!?".unicodeScalars.contains(scalars[index]) {
                while end < scalars.count, "\"'\u{201D}\u{2019})".unicodeScalars.contains(scalars[end]) { end += 1 }
                if end < scalars.count, scalars[end] == " " {
                    let lastToken = tokens[firstToken...].firstIndex { $0.start >= end } ?? tokens.count
                    sentences.append((start..<end, firstToken..<lastToken))
                    firstToken = lastToken
                    start = end + 1
                }
            }
            index = end
        }
        if start < scalars.count { sentences.append((start..<scalars.count, firstToken..<tokens.count)) }
        return sentences
    }

    /// The sentence as a snippet, cut around its first match when long, with highlight ranges
    /// made relative to the snippet's text.
    private static func passage(
        _ scalars: [Unicode.Scalar], tokens: ArraySlice<SearchToken>, within sentence: Range<Int>, spans: [Range<Int>], paragraph: Int
    ) -> SearchSnippet {
        var range = sentence
        var prefix = ""
        var suffix = ""
        if tokens.count > Self.maxWords {
            let firstMatch = tokens.firstIndex { token in spans.contains { $0.contains(token.start) } } ?? tokens.startIndex
            let first = max(tokens.startIndex, firstMatch - Self.leadingWords)
            let last = min(tokens.endIndex - 1, first + Self.maxWords - 1)
            if first > tokens.startIndex {
                range = tokens[first].start..<range.upperBound
                prefix = "… "
            }
            if last < tokens.endIndex - 1 {
                range = range.lowerBound..<tokens[last].end
                suffix = " …"
            }
        }
        let shift = prefix.unicodeScalars.count - range.lowerBound
        let highlights = spans.filter { $0.lowerBound >= range.lowerBound && $0.upperBound <= range.upperBound }
            .map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: prefix.unicodeScalars)
        text.append(contentsOf: scalars[range])
        text.append(contentsOf: suffix.unicodeScalars)
        return SearchSnippet(paragraph: paragraph, text: String(text), highlights: highlights)
    }
}
