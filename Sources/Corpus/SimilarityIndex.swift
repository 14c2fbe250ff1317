import DocumentModel
import Foundation
import PersistentCollections

/// Which documents are alike, and why: the entities two documents share and the words that
/// characterise both, kept up to date per write.
///
/// Each document's characteristic terms are its 20 words with the highest tf·idf (letters
/// only, four or more, common words aside). Two documents score the sum of the inverse
/// document frequencies, `ln(1 + N/df)`, of the entities and characteristic terms they share,
/// so a rare shared name counts for more than a common one; the weights are those of the
/// current collection.
///
/// The index is a value of persistent maps (document frequencies, each document's features,
/// postings per term and per entity), so each snapshot keeps its own version and a write
/// costs the words and entities of the documents it changes, O(*w* log *n*), never the
/// collection. Two approximations keep it so:
/// - A document's characteristic terms are chosen when it is added, with the document
///   frequencies of that moment; they are not chosen again as the collection grows. Built
///   from scratch (at start-up) every document gets the terms the whole collection gives it.
/// - A query reads at most `workLimit` postings (see `related(to:workLimit:)`).
public struct SimilarityIndex: Sendable {
    /// What the index keeps of one document.
    struct Features: Sendable {
        /// Its characteristic terms.
        let terms: [String]
        /// Its entities' ids.
        let entities: [String]
    }

    /// How many characteristic terms each document keeps.
    static let termsPerDocument = 20

    /// How many postings a query reads at most: at 100,000 documents a common entity's
    /// postings alone run to tens of thousands.
    public static let workLimit = 10_000

    private(set) var features: PersistentSortedMap<String, Features>
    /// For each candidate word, the number of documents that use it (characteristic or not).
    private(set) var termFrequency: PersistentSortedMap<String, Int>
    /// The documents of each characteristic term.
    private(set) var termPostings: Postings
    /// The documents of each entity: its document frequency too.
    private(set) var entityPostings: Postings

    /// Indexes `documents`, which have distinct ids, reading their words on every core.
    ///
    /// - Complexity: O(*w*) in the collection's words, plus sorting the postings.
    public init(documents: [Document]) {
        let profiles = ConcurrentMap.map(documents.sorted { $0.id < $1.id }, Profile.init)
        let frequency = profiles.reduce(into: [String: Int]()) { frequency, profile in
            for term in profile.termCounts.keys { frequency[term, default: 0] += 1 }
        }
        let weight = Self.weight(documentCount: profiles.count)
        let terms = ConcurrentMap.map(profiles) { $0.characteristicTerms { weight(frequency[$0] ?? 1) } }
        var documentsByTerm: [String: [String]] = [:]
        var documentsByEntity: [String: [String]] = [:]
        for (profile, terms) in zip(profiles, terms) {
            for term in terms { documentsByTerm[term, default: []].append(profile.id) }
            for entity in profile.entities { documentsByEntity[entity, default: []].append(profile.id) }
        }
        self.features = PersistentSortedMap(sortedUniqueEntries: zip(profiles, terms).lazy.map { ($0.id, Features(terms: $1, entities: $0.entities)) })
        self.termFrequency = PersistentSortedMap(sortedUniqueEntries: frequency.sorted { $0.key < $1.key }.lazy.map { ($0.key, $0.value) })
        self.termPostings = Postings(documentsByTerm)
        self.entityPostings = Postings(documentsByEntity)
    }

    /// The number of documents indexed.
    public var count: Int { self.features.count }

    /// Indexes `document`, whose id must not be indexed: its characteristic terms are chosen
    /// with the document frequencies as they are now, it included.
    ///
    /// - Complexity: O(*w* log *n*) for its *w* distinct words, plus reading its text.
    public mutating func add(_ document: Document) {
        let profile = Profile(document)
        // Each term's new frequency, kept here so that choosing the terms reads no tree again.
        var frequencies: [String: Int] = [:]
        frequencies.reserveCapacity(profile.termCounts.count)
        for term in profile.termCounts.keys {
            frequencies[term] = self.termFrequency.modifyValue(forKey: term, default: 0) { frequency in
                frequency += 1
                return frequency
            }
        }
        let weight = Self.weight(documentCount: self.features.count + 1)
        let terms = profile.characteristicTerms { weight(frequencies[$0] ?? 1) }
        self.features[document.id] = Features(terms: terms, entities: profile.entities)
        for term in terms { self.termPostings.insert(document.id, under: term) }
        for entity in profile.entities { self.entityPostings.insert(document.id, under: entity) }
    }

    /// Takes `document`, added earlier, out of the index.
    ///
    /// - Complexity: as `add(_:)`.
    public mutating func remove(_ document: Document) {
        guard let features = self.features.removeValue(forKey: document.id) else { return }
        for term in Profile(document).termCounts.keys {
            let frequency = (self.termFrequency[term] ?? 1) - 1
            self.termFrequency[term] = frequency > 0 ? frequency : nil
        }
        for term in features.terms { self.termPostings.remove(document.id, under: term) }
        for entity in features.entities { self.entityPostings.remove(document.id, under: entity) }
    }

    /// The weight of a word or entity found in `frequency` of `documentCount` documents.
    static func weight(documentCount: Int) -> @Sendable (Int) -> Double {
        let count = Double(max(documentCount, 1))
        return { frequency in log(1 + count / Double(frequency)) }
    }
}
