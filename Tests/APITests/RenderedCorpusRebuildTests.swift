@testable import API
import Corpus
import DocumentModel
import Extraction
import Foundation
import Locking
import Store
import Testing

/// `RenderedCorpus.applying`: a publication that changes most of the collection is indexed
/// anew, and that gives what adding and removing its documents one by one gives.
struct RenderedCorpusRebuildTests {
    private static let ingestor = Ingestor()

    private static func documents(_ prefix: String, _ count: Int) throws -> [Document] {
        let places = ["LISBON", "OSLO", "NAIROBI", "QUITO"]
        return try (0..<count).map { number in
            let text = """
                Council \(prefix) vote \(number)

                \(places[number % places.count]) — The council voted on the harbour plan, said Maria Costa, who chairs the \(prefix) board.

                "We are ready for the ferry terminal," said Daniel Okafor of the Port Authority.
                """
            return try Self.ingestor.ingest(text: text, id: "\(prefix)-\(number)")
        }
    }

    /// What the indexes answer, as comparable values.
    private static func answers(_ rendered: RenderedCorpus) throws -> [String] {
        let entities = rendered.entities.ranked().map { "\($0.id) \($0.name) \($0.mentionCount) \($0.documentCount)" }
        let related = rendered.snapshot.documents.flatMap { document in
            (rendered.similarity.related(to: document.id).map(Array.init) ?? []).map { "\(document.id)~\($0.id) \($0.score)" }
        }
        let search = try ["harbour", "ferry", "\"Maria Costa\""].flatMap { query in
            try rendered.search.search(try SearchQuery(parsing: query), limit: 100).hits.map { "\(query): \($0.id) \($0.score)" }
        }
        return entities + related + search
    }

    @Test func aCatchUpIndexedAnewAnswersAsOneByOne() throws {
        let seeds = try Self.documents("old", 6)
        let writerSeeds = try Self.documents("new", 8) + [seeds[0]]
        let store = try DocumentStore(seeds: seeds, directory: nil, ingestor: Ingestor())
        let published = Locked<DocumentStore.Publication?>(nil)
        store.onPublish { publication in published.withLock { $0 = publication } }
        let before = RenderedCorpus(snapshot: store.snapshot)

        let applied = DispatchSemaphore(value: 0)
        store.apply(.reset(seeds: writerSeeds.map { IngestedDocument(document: $0, extractorVersion: Ingestor.version) }, entries: [], through: 0)) {
            applied.signal()
        }
        applied.wait()
        let publication = try #require(published.withLock { $0 })

        let anew = before.applying(publication, rebuildingChanges: 0)
        let oneByOne = before.applying(publication, rebuildingChanges: .max)
        #expect(Set(anew.snapshot.documents.map(\.id)) == Set(writerSeeds.map(\.id)))
        #expect(try Self.answers(anew) == Self.answers(oneByOne))
        #expect(try Self.answers(anew) == Self.answers(RenderedCorpus(snapshot: publication.snapshot)))
    }
}
