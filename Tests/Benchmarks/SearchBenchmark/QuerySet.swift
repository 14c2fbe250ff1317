import BenchmarkCorpus
import Corpus
import DocumentModel
import TestSupport

/// One benchmark query: the text in Dossier's query language, and the filter it runs with.
struct BenchmarkQuery {
    /// The kinds of query the mixed set holds, ten of each.
    enum Category: String, CaseIterable {
        /// One word, common or rare.
        case oneWord = "one-word"
        /// Two words, both required.
        case twoWords = "two-words"
        /// A quoted phrase taken from the corpus.
        case phrase
        /// `word*`.
        case prefix
        /// A real word with one edit.
        case typo
        /// A word plus a source, kind or date-range filter.
        case filtered
    }

    /// Which kind of query.
    let category: Category
    /// The query text, e.g. `"central bank" -bonds`.
    let text: String
    /// Only this source, if set.
    var source: String?
    /// Only this kind, if set.
    var kind: DocumentKind?
    /// Published on or after, if set.
    var from: CalendarDate?
    /// Published on or before, if set.
    var to: CalendarDate?

    /// The filter to search with.
    var filter: SearchFilter {
        SearchFilter(source: self.source, kind: self.kind, from: self.from, to: self.to)
    }
}

/// The fixed mixed query set, chosen deterministically from the vocabulary and the generated
/// documents (so phrases, rare words and pairs really occur).
struct QuerySet {
    /// Queries per category.
    static let perCategory = 10

    /// The queries, grouped by category in `Category.allCases` order.
    let queries: [BenchmarkQuery]

    /// Words a query may use: letters only, at least three of them.
    private static func isQueryWord(_ word: Substring) -> Bool {
        word.count >= 3 && word.allSatisfy { $0.isLetter }
    }

    /// Chooses the queries for `documents` (made by a generator with `vocabulary`) from `seed`.
    init(documents: [Document], vocabulary: Vocabulary, seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0x0051_EA2C_4000)
        let rank = Dictionary(vocabulary.words.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let known = Set(vocabulary.words)
        /// The lower-case words of a random sentence of a random body paragraph, in order;
        /// punctuation splits runs, so consecutive words here are consecutive in the text.
        func randomRun() -> [Substring] {
            while true {
                let document = documents[Int(random.next() % UInt64(documents.count))]
                let body = document.bodyParagraphs
                guard !body.isEmpty else { continue }
                let paragraph = body[Int(random.next() % UInt64(body.count))].text
                let sentences = paragraph.split(whereSeparator: { ".,:;“”\"!?".contains($0) })
                let sentence = sentences[Int(random.next() % UInt64(sentences.count))]
                let words = sentence.split(separator: " ")
                if words.count >= 4, words.allSatisfy({ $0.allSatisfy(\.isLetter) }) {
                    return words.map { Substring($0.lowercased()) }
                }
            }
        }
        /// A word from a document's text whose vocabulary rank lies in `ranks`.
        func wordFromText(ranks: Range<Int>) -> String {
            while true {
                let word = randomRun().randomElement(using: &random)!
                if Self.isQueryWord(word), let wordRank = rank[String(word)], ranks.contains(wordRank) { return String(word) }
            }
        }
        /// A vocabulary word whose rank lies in `ranks` and whose length lies in `lengths`.
        func vocabularyWord(ranks: Range<Int>, lengths: ClosedRange<Int> = 3...20) -> String {
            while true {
                let word = vocabulary.words[ranks.lowerBound + Int(random.next() % UInt64(ranks.count))]
                if lengths.contains(word.count) && word.allSatisfy(\.isLetter) { return word }
            }
        }
        let common = 40..<vocabulary.realWordCount  // real news words below the function words
        let rare = 2_000..<20_000
        var queries: [BenchmarkQuery] = []

        // One word: half common, half rare (taken from the text, so it occurs).
        for index in 0..<Self.perCategory {
            let word = index % 2 == 0 ? vocabularyWord(ranks: common) : wordFromText(ranks: rare)
            queries.append(BenchmarkQuery(category: .oneWord, text: word))
        }
        // Two words: common pairs (large result sets), and pairs from one sentence (rarer).
        while queries.count(where: { $0.category == .twoWords }) < Self.perCategory {
            if queries.count(where: { $0.category == .twoWords }) % 2 == 0 {
                queries.append(BenchmarkQuery(category: .twoWords, text: "\(vocabularyWord(ranks: common)) \(vocabularyWord(ranks: common))"))
            } else {
                let run = randomRun().filter(Self.isQueryWord).filter { (rank[String($0)] ?? 0) >= 100 }
                guard run.count >= 2 else { continue }
                queries.append(BenchmarkQuery(category: .twoWords, text: "\(run[0]) \(run[run.count - 1])"))
            }
        }
        // Phrases: two to four consecutive words of a sentence.
        while queries.count(where: { $0.category == .phrase }) < Self.perCategory {
            let run = randomRun()
            let length = 2 + Int(random.next() % 3)
            guard run.count >= length else { continue }
            let start = Int(random.next() % UInt64(run.count - length + 1))
            queries.append(BenchmarkQuery(category: .phrase, text: "\"\(run[start..<(start + length)].joined(separator: " "))\""))
        }
        // Prefixes: the first three to five letters of a common or mid-frequency word.
        for index in 0..<Self.perCategory {
            let word = index % 2 == 0 ? vocabularyWord(ranks: common, lengths: 6...20) : wordFromText(ranks: 100..<5_000)
            let length = min(word.count - 1, 3 + Int(random.next() % 3))
            queries.append(BenchmarkQuery(category: .prefix, text: "\(word.prefix(length))*"))
        }
        // Typos: a word of six to ten letters that occurs often enough, with one edit that
        // makes a non-word (substitution, deletion, insertion or transposition, never the first letter).
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        while queries.count(where: { $0.category == .typo }) < Self.perCategory {
            var word = Array(vocabularyWord(ranks: 40..<5_000, lengths: 6...10))
            let position = 1 + Int(random.next() % UInt64(word.count - 2))
            switch random.next() % 4 {
            case 0: word[position] = letters[Int(random.next() % 26)]
            case 1: word.remove(at: position)
            case 2: word.insert(letters[Int(random.next() % 26)], at: position)
            default: word.swapAt(position, position + 1)
            }
            let typo = String(word)
            guard !known.contains(typo) else { continue }
            queries.append(BenchmarkQuery(category: .typo, text: typo))
        }
        // Filtered: a common word within one source, one kind, a date range, or a source and range.
        for index in 0..<Self.perCategory {
            var query = BenchmarkQuery(category: .filtered, text: vocabularyWord(ranks: common))
            let year = NewsCorpusGenerator.years.lowerBound + Int(random.next() % UInt64(NewsCorpusGenerator.years.count))
            switch index % 5 {
            case 0, 1: query.source = Cast.agencies[Int(random.next() % UInt64(Cast.agencies.count))]
            case 2: query.kind = index % 2 == 0 ? .pressRelease : .newsArticle
            case 3:
                query.from = CalendarDate(year: year, month: 1, day: 1)
                query.to = CalendarDate(year: year, month: 6, day: 30)
            default:
                query.source = Cast.sources[Int(random.next() % UInt64(Cast.sources.count))]
                query.from = CalendarDate(year: year - 2, month: 1, day: 1)
                query.to = CalendarDate(year: year, month: 12, day: 31)
            }
            queries.append(query)
        }
        self.queries = queries
    }
}
