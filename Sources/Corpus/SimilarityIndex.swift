import DocumentModel
import Extraction
import Foundation

/// Which documents are alike, and why: the entities two documents share and the words that
/// characterise both.
///
/// Each document's characteristic terms are its 20 words with the highest tf·idf (letters
/// only, four or more, common words aside). Two documents score the sum of the inverse
/// document frequencies, `ln(1 + N/df)`, of the entities and characteristic terms they share,
/// so a rare shared name counts for more than a common one.
///
/// Reading a document's words is the costly part, so it is done once per document, into a
/// `Profile` that later indexes reuse; combining profiles is linear in their terms.
///
/// - Note: Immutable, built once per snapshot.
public struct SimilarityIndex: Sendable {
    /// What the index needs of one document: how often it uses each candidate word, and the
    /// entities it mentions.
    public struct Profile: Sendable {
        /// The document's id.
        public let id: String
        /// Occurrences of each folded word of four or more letters that is not a stopword, in
        /// the title and body.
        let termCounts: [String: Int]
        /// The ids of the entities it mentions.
        let entities: Set<String>

        /// Reads a document's words and entities.
        public init(_ document: Document) {
            let stopwords = Vocabulary.stopwords
            let text = ([document.title] + document.bodyParagraphs.map(\.text)).joined(separator: "\n")
            self.id = document.id
            self.termCounts = TextWord.scan(text).map(\.folded).filter { word in
                word.count >= 4 && word.allSatisfy(\.isLetter) && !stopwords.contains(word)
            }.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            self.entities = Set(document.entities.map(\.id))
        }
    }

    /// A document like another, with what they share.
    public struct Match: Sendable, Hashable {
        /// The other document's id.
        public let id: String
        /// The sum of the shared entities' and terms' weights.
        public let score: Double
        /// The entity ids both mention, rarest first.
        public let sharedEntities: [String]
        /// The characteristic terms both have, rarest first.
        public let sharedTerms: [String]
    }

    /// How many characteristic terms each document keeps.
    static let termsPerDocument = 20

    private let ids: [String]
    private let indexByID: [String: Int]
    /// Each document's characteristic terms and its entity ids.
    private let terms: [Set<String>]
    private let entities: [Set<String>]
    private let weightOfTerm: [String: Double]
    private let weightOfEntity: [String: Double]
    private let documentsByTerm: [String: [Int]]
    private let documentsByEntity: [String: [Int]]

    /// Indexes the documents.
    ///
    /// - Complexity: O(*n*) in the corpus's words.
    public init(documents: [Document]) {
        self.init(profiles: documents.map(Profile.init))
    }

    /// Indexes documents already profiled.
    ///
    /// - Complexity: O(*n*) in the profiles' distinct words.
    public init(profiles: [Profile]) {
        let counts = profiles.map(\.termCounts)
        let count = Double(max(profiles.count, 1))
        let weight: (Int) -> Double = { frequency in log(1 + count / Double(frequency)) }
        let termFrequency = counts.reduce(into: [String: Int]()) { frequency, terms in
            for term in terms.keys { frequency[term, default: 0] += 1 }
        }
        self.weightOfTerm = termFrequency.mapValues(weight)
        self.terms = counts.map { terms in
            let ranked = terms.map { term, occurrences in (term, Double(occurrences) * weight(termFrequency[term] ?? 1)) }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            return Set(ranked.prefix(Self.termsPerDocument).map(\.0))
        }
        self.entities = profiles.map(\.entities)
        let entityFrequency = self.entities.reduce(into: [String: Int]()) { frequency, ids in
            for id in ids { frequency[id, default: 0] += 1 }
        }
        self.weightOfEntity = entityFrequency.mapValues(weight)
        self.ids = profiles.map(\.id)
        self.indexByID = Dictionary(profiles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.documentsByTerm = Self.postings(self.terms)
        self.documentsByEntity = Self.postings(self.entities)
    }

    private static func postings(_ keys: [Set<String>]) -> [String: [Int]] {
        var postings: [String: [Int]] = [:]
        for (index, set) in keys.enumerated() {
            for key in set { postings[key, default: []].append(index) }
        }
        return postings
    }

    /// The documents that share an entity or a characteristic term with document `id`, best
    /// first (ties by id); `nil` when no document has that id.
    public func related(to id: String) -> [Match]? {
        guard let index = self.indexByID[id] else { return nil }
        var candidates = Set<Int>()
        for term in self.terms[index] { candidates.formUnion(self.documentsByTerm[term] ?? []) }
        for entity in self.entities[index] { candidates.formUnion(self.documentsByEntity[entity] ?? []) }
        candidates.remove(index)
        return candidates.map { other in
            let entities = self.entities[index].intersection(self.entities[other]).sorted(by: Self.rarestFirst(self.weightOfEntity))
            let terms = self.terms[index].intersection(self.terms[other]).sorted(by: Self.rarestFirst(self.weightOfTerm))
            let score = entities.reduce(0) { $0 + (self.weightOfEntity[$1] ?? 0) } + terms.reduce(0) { $0 + (self.weightOfTerm[$1] ?? 0) }
            return Match(id: self.ids[other], score: score, sharedEntities: entities, sharedTerms: terms)
        }
        .sorted { ($0.score, $1.id) > ($1.score, $0.id) }
    }

    private static func rarestFirst(_ weights: [String: Double]) -> (String, String) -> Bool {
        { left, right in (weights[left] ?? 0, right) > (weights[right] ?? 0, left) }
    }
}
