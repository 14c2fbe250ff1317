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
            self.termCounts = TextWord.scan(text).map(\.folded).filter { word in
                word.count >= 4 && word.allSatisfy(\.isLetter) && !stopwords.contains(word)
            }.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            var seen = Set<String>()
            self.entities = document.entities.map(\.id).filter { seen.insert($0).inserted }
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
