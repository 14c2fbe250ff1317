extension SimilarityIndex {
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

    /// The most entities and terms a query counts: one bit each in a match's tally.
    static let featureLimit = UInt64.bitWidth

    /// What one candidate shares with the queried document so far.
    ///
    /// Entity and term weights are summed apart, rarest first, as the shared lists read;
    /// bit *i* of `shared` is counted feature *i* (the entities, then the terms).
    struct Tally {
        var entities = 0.0
        var terms = 0.0
        var shared: UInt64 = 0

        mutating func count(entity weight: Double, bit: Int) {
            self.entities += weight
            self.shared |= 1 << bit
        }

        mutating func count(term weight: Double, bit: Int) {
            self.terms += weight
            self.shared |= 1 << bit
        }
    }

    /// One of the queried document's entities or terms, as the query weighs it.
    struct Feature: Sendable {
        let key: String
        let weight: Double
        /// How many documents it is filed under: the query's work to read them.
        let postings: Int
    }

    /// The documents that share an entity or a characteristic term with document `id`, best
    /// first (ties by id); `nil` when no document has that id.
    ///
    /// The query's entities and terms are read shortest postings first while their postings
    /// fit in `workLimit` (and at most `featureLimit` of them, which only a document of more
    /// than 44 entities reaches); the commonest, whose postings would not fit, are left out
    /// of the scores and of the shared lists. They weigh least, so what they drop are the
    /// weakest matches (a document that shares only a very common name or word) and a little
    /// of the other matches' scores. A collection whose postings fit (every test, the seeds)
    /// is scored exactly.
    ///
    /// - Complexity: O(*p* log *p*) for the *p* ≤ `workLimit` postings read, plus
    ///   O(*f*) per match read from the result (*f* ≤ `featureLimit`).
    public func related(to id: String, workLimit: Int = Self.workLimit) -> RelatedDocuments? {
        guard let features = self.features[id] else { return nil }
        let weight = Self.weight(documentCount: self.count)
        let entities = features.entities.map { entity in
            let postings = self.entityPostings.count(of: entity)
            return Feature(key: entity, weight: weight(postings), postings: postings)
        }
        let terms = features.terms.map { term in
            Feature(key: term, weight: weight(self.termFrequency[term] ?? 1), postings: self.termPostings.count(of: term))
        }
        let counted = Self.withinWorkLimit(entities: entities, terms: terms, workLimit: workLimit)
        var tallies: [String: Tally] = [:]
        tallies.reserveCapacity((counted.entities + counted.terms).reduce(0) { $0 + $1.postings })
        for (bit, entity) in counted.entities.enumerated() {
            self.entityPostings.forEachDocument(of: entity.key) { tallies[$0, default: Tally()].count(entity: entity.weight, bit: bit) }
        }
        for (bit, term) in counted.terms.enumerated() {
            let bit = counted.entities.count + bit
            self.termPostings.forEachDocument(of: term.key) { tallies[$0, default: Tally()].count(term: term.weight, bit: bit) }
        }
        tallies[id] = nil
        let ranked = tallies.map { (id: $0.key, score: $0.value.entities + $0.value.terms, shared: $0.value.shared) }
            .sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        return RelatedDocuments(ranked: ranked, entities: counted.entities.map { $0.key }, terms: counted.terms.map { $0.key })
    }

    /// The features a query reads, each list rarest first: smallest postings first (entities
    /// before terms, then by key, on a tie) while their total stays within `workLimit`, and
    /// at most `featureLimit` of them.
    private static func withinWorkLimit(entities: [Feature], terms: [Feature], workLimit: Int) -> (entities: [Feature], terms: [Feature]) {
        let all = entities.map { (feature: $0, order: 0) } + terms.map { (feature: $0, order: 1) }
        var counted: (entities: [Feature], terms: [Feature]) = ([], [])
        var total = 0
        for (feature, order) in all.sorted(by: { ($0.feature.postings, $0.order, $0.feature.key) < ($1.feature.postings, $1.order, $1.feature.key) }) {
            total += feature.postings
            guard total <= workLimit && counted.entities.count + counted.terms.count < Self.featureLimit else { break }
            if order == 0 { counted.entities.append(feature) } else { counted.terms.append(feature) }
        }
        return (Self.rarestFirst(counted.entities), Self.rarestFirst(counted.terms))
    }

    private static func rarestFirst(_ features: [Feature]) -> [Feature] {
        features.sorted { ($0.weight, $1.key) > ($1.weight, $0.key) }
    }
}

/// The documents related to one, best first: each match's shared entities and terms are
/// read when the match is, so a page costs its own matches only.
public struct RelatedDocuments: RandomAccessCollection, Sendable {
    /// Each match's id, score, and shared features as bits of `entities` then `terms`.
    fileprivate let ranked: [(id: String, score: Double, shared: UInt64)]
    /// The queried document's counted entities and terms, rarest first.
    fileprivate let entities: [String]
    fileprivate let terms: [String]

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of related documents.
    public var endIndex: Int { self.ranked.count }

    /// The match at `position`, with what it shares.
    ///
    /// - Complexity: O(*f*) for the queried document's *f* counted features.
    public subscript(position: Int) -> SimilarityIndex.Match {
        let (id, score, shared) = self.ranked[position]
        let isShared = { (bit: Int) in shared & (1 << bit) != 0 }
        return SimilarityIndex.Match(
            id: id, score: score, sharedEntities: self.entities.indices.filter(isShared).map { self.entities[$0] },
            sharedTerms: self.terms.indices.filter { isShared(self.entities.count + $0) }.map { self.terms[$0] })
    }
}
