@testable import Corpus
import DocumentModel
import Foundation
import Testing

/// `SimilarityIndex` kept up to date per write against a brute-force reference: every pair
/// of documents scored by the rule the index documents.
struct SimilarityIndexUpdateTests {
    /// The rule, by brute force: characteristic terms chosen once per document (with the
    /// document frequencies of its time), weights of the current collection.
    private struct Reference {
        var profiles: [String: SimilarityIndex.Profile] = [:]
        var terms: [String: Set<String>] = [:]

        private func weight(_ frequency: Int) -> Double {
            log(1 + Double(max(self.profiles.count, 1)) / Double(frequency))
        }

        /// The top 20 words by tf·idf of `id`, with the document frequencies of the documents now held.
        private func chooseTerms(of id: String) -> Set<String> {
            let counts = self.profiles[id]!.termCounts
            let ranked = counts.map { term, occurrences in
                (term, Double(occurrences) * self.weight(self.profiles.values.filter { $0.termCounts[term] != nil }.count))
            }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            return Set(ranked.prefix(20).map(\.0))
        }

        mutating func add(_ document: Document) {
            self.profiles[document.id] = SimilarityIndex.Profile(document)
            self.terms[document.id] = self.chooseTerms(of: document.id)
        }

        mutating func remove(_ id: String) {
            self.profiles[id] = nil
            self.terms[id] = nil
        }

        /// Every choice made again with the whole collection: what a build from scratch gives.
        mutating func chooseAllTermsAgain() {
            self.terms = Dictionary(uniqueKeysWithValues: self.profiles.keys.map { ($0, self.chooseTerms(of: $0)) })
        }

        func related(to id: String) -> [String] {
            let profiles = self.profiles
            let entities = profiles.mapValues { Set($0.entities) }
            let entityWeight = { (entity: String) in self.weight(entities.values.filter { $0.contains(entity) }.count) }
            let termWeight = { (term: String) in self.weight(profiles.values.filter { $0.termCounts[term] != nil }.count) }
            let rarestFirst = { (weight: @escaping (String) -> Double) in { (left: String, right: String) in (weight(left), right) > (weight(right), left) } }
            return profiles.keys.filter { $0 != id }.compactMap { other -> (String, Double, String)? in
                let sharedEntities = entities[id]!.intersection(entities[other]!).sorted(by: rarestFirst(entityWeight))
                let sharedTerms = self.terms[id]!.intersection(self.terms[other]!).sorted(by: rarestFirst(termWeight))
                guard !sharedEntities.isEmpty || !sharedTerms.isEmpty else { return nil }
                let score = sharedEntities.reduce(0) { $0 + entityWeight($1) } + sharedTerms.reduce(0) { $0 + termWeight($1) }
                return (other, score, "\(sharedEntities)\(sharedTerms)")
            }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            .map { "\($0.0) \($0.1) \($0.2)" }
        }
    }

    private static func related(_ index: SimilarityIndex, to id: String) -> [String]? {
        index.related(to: id).map { matches in matches.map { "\($0.id) \($0.score) \($0.sharedEntities)\($0.sharedTerms)" } }
    }

    /// Random adds, replacements and removals: after each, every document's related list
    /// (ids, exact scores, shared entities and terms in order) is the reference's; a build
    /// from scratch equals the reference with every term chosen again; and a version kept from
    /// earlier (whose nodes the later writes shared, then copied) still answers as it did.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func updatesMatchTheBruteForceRule(seed: UInt64) {
        var generator = RandomEntityDocuments(seed: seed)
        var documents: [String: Document] = [:]
        var index = SimilarityIndex(documents: [])
        var reference = Reference()
        var kept: (index: SimilarityIndex, related: [String: [String]?])?
        for step in 0..<60 {
            let (removed, added) = generator.change(&documents, pool: 12)
            if let removed {
                index.remove(removed)
                reference.remove(removed.id)
            }
            if let added {
                index.add(added)
                reference.add(added)
            }
            for id in documents.keys {
                #expect(Self.related(index, to: id) == reference.related(to: id), "step \(step), \(id)")
            }
            if step == 30 { kept = (index, Dictionary(uniqueKeysWithValues: documents.keys.map { ($0, Self.related(index, to: $0)) })) }
        }
        for (id, related) in kept?.related ?? [:] {
            #expect(kept.flatMap { Self.related($0.index, to: id) } == related, "\(id) in the kept version")
        }
        var rebuilt = reference
        rebuilt.chooseAllTermsAgain()
        let fromScratch = SimilarityIndex(documents: Array(documents.values))
        for id in documents.keys {
            #expect(Self.related(fromScratch, to: id) == rebuilt.related(to: id), "\(id) from scratch")
        }
        #expect(index.related(to: "absent") == nil)
    }

    /// A query reads at most `workLimit` postings: an entity every document shares is left
    /// out once its postings do not fit, and only the documents that share a rarer entity
    /// are scored, by that entity alone.
    @Test func aQueryReadsAtMostItsWorkLimit() {
        let common = Entity(id: "common", name: "Common", kind: .organization, aliases: [], mentions: [])
        let documents = (0..<2_000).map { index in
            let rare = Entity(id: "rare-\(index % 100)", name: "Rare", kind: .person, aliases: [], mentions: [])
            return Document(
                id: String(format: "doc-%05d", index), slug: "s\(index)", kind: .newsArticle, title: "", isTitleDerived: false, source: nil,
                published: nil, dateline: nil, paragraphs: [], entities: [common, rare])
        }
        let index = SimilarityIndex(documents: documents)
        let unbounded = index.related(to: "doc-00007", workLimit: 10_000)
        #expect(unbounded?.count == 1_999)
        #expect(unbounded?.first?.sharedEntities == ["rare-7", "common"])
        let bounded = index.related(to: "doc-00007", workLimit: 500)
        #expect(bounded?.count == 19)
        #expect(bounded?.allSatisfy { $0.sharedEntities == ["rare-7"] } == true)
        #expect(index.related(to: "doc-00007", workLimit: 0)?.isEmpty == true)
    }
}
