@testable import Corpus
import TestSupport
import Testing

/// `SimilarityIndex.Postings` against a dictionary of sets, through enough random filings and
/// withdrawals to split, empty and re-key its chunks.
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
        for step in 0..<6_000 {
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
        let built = SimilarityIndex.Postings(model.mapValues { $0.sorted() })
        for key in model.keys {
            #expect(Self.documents(of: key, in: built) == model[key]!.sorted())
        }
    }
}
