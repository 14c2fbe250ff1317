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
    /// The query's entities and terms are read rarest first while their postings fit in
    /// `workLimit`; the commonest, whose postings would not, are left out of the scores and
    /// of the shared lists. They weigh least, so what they drop are the weakest matches (a
    /// document that shares only a very common name or word) and a little of the other
    /// matches' scores. A collection whose postings fit (every test, the seeds) is scored
    /// exactly.
    ///
    /// - Complexity: O(*p* log *p*) for the *p* ≤ `workLimit` postings read, plus
    ///   O(*f* log *n*) per match read from the result (*f* ≤ 20 + the document's entities).
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
        // Entity and term weights are summed apart, rarest first, as the shared lists read.
        var scores: [String: (entities: Double, terms: Double)] = [:]
        for entity in counted.entities {
            for document in self.entityPostings.documents(of: entity.key) { scores[document, default: (0, 0)].entities += entity.weight }
        }
        for term in counted.terms {
            for document in self.termPostings.documents(of: term.key) { scores[document, default: (0, 0)].terms += term.weight }
        }
        scores[id] = nil
        let ranked = scores.map { (id: $0.key, score: $0.value.entities + $0.value.terms) }.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        return RelatedDocuments(ranked: ranked, entities: counted.entities.map { $0.key }, terms: counted.terms.map { $0.key }, index: self)
    }

    /// The features a query reads, each list rarest first: smallest postings first (entities
    /// before terms, then by key, on a tie) while their total stays within `workLimit`.
    private static func withinWorkLimit(entities: [Feature], terms: [Feature], workLimit: Int) -> (entities: [Feature], terms: [Feature]) {
        let all = entities.map { (feature: $0, order: 0) } + terms.map { (feature: $0, order: 1) }
        var counted: (entities: [Feature], terms: [Feature]) = ([], [])
        var total = 0
        for (feature, order) in all.sorted(by: { ($0.feature.postings, $0.order, $0.feature.key) < ($1.feature.postings, $1.order, $1.feature.key) }) {
            total += feature.postings
            guard total <= workLimit else { break }
            if order == 0 { counted.entities.append(feature) } else { counted.terms.append(feature) }
        }
        return (Self.rarestFirst(counted.entities), Self.rarestFirst(counted.terms))
    }

    private static func rarestFirst(_ features: [Feature]) -> [Feature] {
        features.sorted { ($0.weight, $1.key) > ($1.weight, $0.key) }
    }

    /// Whether document `documentID` has entity `entity`.
    func contains(_ documentID: String, entity: String) -> Bool {
        self.entityPostings.contains(documentID, under: entity)
    }

    /// Whether `term` is among document `documentID`'s characteristic terms.
    func contains(_ documentID: String, term: String) -> Bool {
        self.termPostings.contains(documentID, under: term)
    }
}

/// The documents related to one, best first: each match's shared entities and terms are
/// read when the match is, so a page costs its own matches only.
public struct RelatedDocuments: RandomAccessCollection, Sendable {
    fileprivate let ranked: [(id: String, score: Double)]
    /// The queried document's counted entities and terms, rarest first.
    fileprivate let entities: [String]
    fileprivate let terms: [String]
    fileprivate let index: SimilarityIndex

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of related documents.
    public var endIndex: Int { self.ranked.count }

    /// The match at `position`, with what it shares.
    ///
    /// - Complexity: O(*f* log *n*) for the queried document's *f* counted features.
    public subscript(position: Int) -> SimilarityIndex.Match {
        let (id, score) = self.ranked[position]
        return SimilarityIndex.Match(
            id: id, score: score, sharedEntities: self.entities.filter { self.index.contains(id, entity: $0) },
            sharedTerms: self.terms.filter { self.index.contains(id, term: $0) })
    }
}
