@testable import Corpus
import DocumentModel
import Testing
import TestSupport

/// An index changed by random adds, removals and replacements (`adding`, `removing`, and the
/// merges they make) answers every query exactly as one built from scratch over the same live
/// documents: hits, scores, snippets and facets. The bodies are long enough that positions
/// take several bytes and terms have many entries (`PositionStore`'s blocks).
struct SearchIncrementalPropertyTests {
    private typealias C = SearchCorpus

    /// Few words, so that they repeat within and across documents.
    static let words = ["harbour", "bridge", "floods", "nickel", "export", "ban", "river", "council", "budget", "tungsten", "reservoir", "karsk"]

    /// Words, two words, phrases, a prefix, a typo, an exclusion and an entity.
    static let queries = ["harbour", "bridge floods", #""export ban""#, #""river council budget""#, "reserv*", "tungstan", "nickel -karsk", "karsk"]

    /// A random document `id`: a short title and one to three paragraphs of up to 160 words.
    private static func document(_ id: String, using random: inout SplitMix64) -> Document {
        func text(_ count: Int) -> String {
            (0..<count).map { _ in Self.words[Int(random.next() % UInt64(Self.words.count))] }.joined(separator: " ")
        }
        let title = text(1 + Int(random.next() % 4))
        let body = (0..<(1 + Int(random.next() % 3))).map { _ in text(1 + Int(random.next() % 160)) + "." }
        let karsk = body.contains { $0.contains("karsk") } ? [C.entity("karsk", name: "Karsk", kind: .location, in: body)] : []
        return C.document(
            id, title: title, body: body, published: "202\(random.next() % 3)-0\(1 + random.next() % 9)-1\(random.next() % 9)",
            source: ["AFP", "Reuters"][Int(random.next() % 2)], entities: karsk)
    }

    @Test(arguments: [1, 2] as [UInt64])
    func randomChangesRankAsAFreshBuild(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var live: [Document] = (0..<6).map { Self.document("doc-\($0)", using: &random) }
        var index = SearchIndex(documents: live)
        var nextID = live.count
        for step in 0..<12 {
            switch random.next() % 4 {
            case 0, 1:
                let added = (0..<(1 + Int(random.next() % 3))).map { _ in
                    defer { nextID += 1 }
                    return Self.document("doc-\(nextID)", using: &random)
                }
                live += added
                index = index.adding(added)
            case 2 where !live.isEmpty:
                let gone = live.remove(at: Int(random.next() % UInt64(live.count)))
                index = index.removing(documentIDs: [gone.id])
            default:
                guard !live.isEmpty else { continue }
                let place = Int(random.next() % UInt64(live.count))
                let replacement = Self.document(live[place].id, using: &random)
                live.remove(at: place)
                live.append(replacement)
                index = index.removing(documentIDs: [replacement.id]).adding([replacement])
            }
            let fresh = SearchIndex(documents: live)
            for text in Self.queries { #expect(try C.answer(index, text) == C.answer(fresh, text), "seed \(seed), step \(step), \(text)") }
        }
    }
}
