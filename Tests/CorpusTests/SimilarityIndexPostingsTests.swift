@testable import Corpus
import TestSupport
import Testing

/// `SimilarityIndex.Postings` against a dictionary of sets, through enough random filings and
/// withdrawals to split and empty its lists' leaves, with a version kept from earlier unchanged.
struct SimilarityIndexPostingsTests {
    private static func documents(of key: String, in postings: SimilarityIndex.Postings) -> [String] {
        var documents: [String] = []
        postings.forEachDocument(of: key) { documents.append($0) }
        return documents
    }

    @Test(arguments: [1, 2] as [UInt64])
    func matchesSetsOfIDs(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var postings = SimilarityIndex.Postings()
        var model: [String: Set<String>] = [:]
        var kept: (postings: SimilarityIndex.Postings, model: [String: Set<String>])?
        for step in 0..<6_000 {
            if step % 1_500 == 0 { kept = (postings, model) }
            let key = "k\(Int.random(in: 0..<3, using: &random))"
            let document = "d\(Int.random(in: 0..<400, using: &random))"
            if Bool.random(using: &random) && step % 7 != 0 {
                postings.insert(document, under: key)
                model[key, default: []].insert(document)
            } else {
                postings.remove(document, under: key)
                model[key]?.remove(document)
            }
        }
        for key in ["k0", "k1", "k2", "absent"] {
            #expect(Self.documents(of: key, in: postings) == (model[key] ?? []).sorted())
            #expect(postings.count(of: key) == model[key]?.count ?? 0)
        }
        for key in ["k0", "k1", "k2"] {
            #expect(kept.map { Self.documents(of: key, in: $0.postings) } == kept.map { ($0.model[key] ?? []).sorted() }, "kept \(key)")
        }
        let built = SimilarityIndex.Postings(model.mapValues { $0.sorted() })
        for key in model.keys {
            #expect(Self.documents(of: key, in: built) == model[key]!.sorted())
        }
    }
}
