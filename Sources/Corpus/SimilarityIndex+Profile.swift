import DocumentModel
import Extraction

extension SimilarityIndex {
    /// What the index reads of one document: how often it uses each candidate word, and the
    /// entities it mentions.
    ///
    /// Reading the words is the costly part of indexing a document; it is done when the
    /// document is added or removed (on the writer's side), never for a query, and not kept.
    struct Profile: Sendable {
        /// The document's id.
        let id: String
        /// Occurrences of each folded word of four or more letters that is not a stopword, in
        /// the title and body.
        let termCounts: [String: Int]
        /// The ids of the entities it mentions, each once, in the document's order.
        let entities: [String]

        /// Reads a document's words and entities.
        init(_ document: Document) {
            let stopwords = Vocabulary.stopwords
            let text = ([document.title] + document.bodyParagraphs.map(\.text)).joined(separator: "\n")
            self.id = document.id
            // One pass over the words, counting into one dictionary, with no array between.
            let words = TextWord.scan(text)
            var termCounts: [String: Int] = [:]
            termCounts.reserveCapacity(words.count / 2)
            for word in words where Self.isLettersOnly(word.folded, atLeast: 4) && !stopwords.contains(word.folded) {
                termCounts[word.folded, default: 0] += 1
            }
            self.termCounts = termCounts
            var seen = Set<String>()
            self.entities = document.entities.map(\.id).filter { seen.insert($0).inserted }
        }

        /// Whether `word` has at least `count` characters, all letters. An ASCII word is read
        /// on its bytes (a letter is `A`-`Z` or `a`-`z`, as `Character.isLetter` says of ASCII);
        /// grapheme breaking, which reading characters costs, was most of indexing a document.
        static func isLettersOnly(_ word: String, atLeast count: Int) -> Bool {
            let utf8 = word.utf8
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return word.count >= count && word.allSatisfy(\.isLetter) }
            return utf8.count >= count && utf8.allSatisfy { (0x61...0x7A).contains($0 | 0x20) }
        }

        /// The `SimilarityIndex.termsPerDocument` words with the highest tf·idf, given each
        /// word's weight (ties by word).
        func characteristicTerms(weight: (String) -> Double) -> [String] {
            self.termCounts.map { term, occurrences in (term, Double(occurrences) * weight(term)) }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
                .prefix(SimilarityIndex.termsPerDocument)
                .map(\.0)
        }
    }
}
