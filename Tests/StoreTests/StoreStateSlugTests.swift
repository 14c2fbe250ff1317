import DocumentModel
import Extraction
@testable import Store
import Testing
import TestSupport

extension StoreTests {
    /// `StoreState.documentID(idOrSlug:)`: after any run of creations, replacements,
    /// re-extractions and deletions, a key resolves as a scan of the live documents would: the
    /// id, else the smallest id with that slug.
    @Suite struct StoreStateSlugTests {
        private static func document(id: String, slug: String) -> Document {
            Document(
                id: id, slug: slug, kind: .newsArticle, title: slug, isTitleDerived: false, source: nil, published: nil, dateline: nil,
                authors: [], paragraphs: [], contacts: [], dates: [], entities: [], quotes: [])
        }

        private static func scanned(_ key: String, in state: StoreState) -> String? {
            state.documents[key] != nil ? key : state.documents.values.filter { $0.slug == key }.map(\.id).min()
        }

        @Test(arguments: [1, 2, 3, 4, 5])
        func resolvesKeysAsAScanWould(seed: UInt64) {
            var random = SplitMix64(seed: seed)
            let ids = (0..<12).map { "d\($0)" }
            let slugs = ["harbour", "budget", "strike", "d3", "d7"]  // two slugs that are also ids
            let seeds = ids.prefix(5).map { Self.document(id: $0, slug: slugs.randomElement(using: &random)!) }
            var state = StoreState(seeds: seeds, lastChange: 0, idempotencyCapacity: 4)
            for change in 1...300 {
                let id = ids.randomElement(using: &random)!
                let ingested = IngestedDocument(document: Self.document(id: id, slug: slugs.randomElement(using: &random)!), extractorVersion: 1)
                switch Int.random(in: 0..<3, using: &random) {
                case 0:
                    state.apply(.created(change: change, at: 0, id: id, submission: DocumentSubmission(text: "text"), idempotency: nil, ingested: ingested))
                case 1:
                    state.apply(.reextracted(change: change, at: 0, id: id, ingested: ingested))
                default:
                    state.apply(.deleted(change: change, at: 0, id: id))
                }
                for key in ids + slugs + ["missing"] {
                    #expect(state.documentID(idOrSlug: key) == Self.scanned(key, in: state), "after change \(change), key \(key)")
                }
            }
        }
    }
}
