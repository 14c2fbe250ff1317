import Corpus
import Extraction
import Foundation
import Locking
@testable import Store
import Testing
import TestSupport

extension StoreTests {
    /// A follower store kept by a writer's replication feed: the same collection and change
    /// numbers, resuming from the writer's tail or starting again from its state.
    @Suite struct ReplicationTests {
        typealias Fixture = DocumentStoreTests

        /// What each document looks like, by id, to compare two stores.
        static func contents(_ store: DocumentStore) -> [String: String] {
            Dictionary(uniqueKeysWithValues: store.snapshot.documents.map { ($0.id, "\($0.title)|\($0.source ?? "-")|\($0.published ?? "-")") })
        }

        /// The catch-up update the writer sends a follower at `since`.
        static func catchUp(from writer: DocumentStore, after since: Int) -> ReplicationUpdate? {
            let update = Locked<ReplicationUpdate?>(nil)
            writer.replicate(after: since) { sent in
                update.withLock { $0 = sent }
                return false
            }
            _ = eventually { update.withLock { $0 != nil } }
            return update.withLock { $0 }
        }

        /// A follower needs no seeds of its own: a reset brings the writer's, as ingested there,
        /// and a follower of that follower gets them in turn.
        @Test func aFollowerWithoutSeedsTakesTheWriters() throws {
            let harness = try StoreHarness()
            let writer = try Fixture.open(harness)
            defer { writer.close() }
            _ = try writer.created(DocumentSubmission(text: Fixture.article("Bridge reopens")), id: "bridge")
            let follower = try DocumentStore(seeds: [], directory: nil, ingestor: Ingestor())
            let second = try DocumentStore(seeds: [], directory: nil, ingestor: Ingestor())
            writer.replicate(after: 0) { update in
                follower.apply(update)
                return true
            }
            follower.replicate(after: 0, startAgain: true) { update in
                second.apply(update)
                return true
            }

            #expect(eventually { second.snapshot.version == 1 && second.snapshot.documents.count == 2 })
            #expect(Self.contents(follower) == Self.contents(writer))
            #expect(Self.contents(second) == Self.contents(writer))
            #expect(follower.snapshot.document(idOrSlug: Fixture.seed.id) == Fixture.seed)
        }

        /// A follower that starts again from most of a collection builds its snapshot anew
        /// (`RebuildPolicy`); what it serves is what applying the same documents one by one
        /// gives, and later updates apply to it as to any other.
        @Test func aSnapshotBuiltAnewServesWhatApplyingGives() throws {
            let harness = try StoreHarness()
            let writer = try Fixture.open(harness)
            defer { writer.close() }
            for (index, title) in ["Ferry strike ends", "Bridge reopens", "Harbour dredged", "Port fees cut"].enumerated() {
                _ = try writer.created(
                    DocumentSubmission(text: Fixture.article(title), published: "2026-03-0\(index + 1)"), id: "story-\(index)")
            }
            var anew = DocumentStore.Configuration()
            anew.rebuildingChanges = 0
            var applied = DocumentStore.Configuration()
            applied.rebuildingChanges = .max
            let followers = try [anew, applied].map { try DocumentStore(seeds: [], directory: nil, configuration: $0, ingestor: Ingestor()) }
            for follower in followers {
                writer.replicate(after: 0) { update in
                    follower.apply(update)
                    return true
                }
            }
            #expect(eventually { followers.allSatisfy { $0.snapshot.version == 4 } })
            _ = try writer.deleted("story-1")
            _ = try writer.created(DocumentSubmission(text: Fixture.article("Tolls return")), id: "story-4")

            #expect(eventually { followers.allSatisfy { $0.snapshot.version == 6 } })
            let served = followers.map { Self.served($0.snapshot) }
            #expect(served[0] == served[1])
            #expect(served[0] == Self.served(writer.snapshot))
        }

        /// What a snapshot serves, as text: its documents in each order, quotes, contacts and timeline.
        static func served(_ snapshot: Snapshot) -> [String] {
            [PublicationOrder.Direction.newestFirst, .oldestFirst].map { order in
                snapshot.documents(published: order).map(\.id).joined(separator: ",")
            } + [
                snapshot.documents.map { "\($0.id)/\($0.slug)" }.joined(separator: ","),
                snapshot.quotes.all.map { "\($0.document.id):\($0.part.text)" }.joined(separator: "|"),
                snapshot.contacts.all.map { "\($0.document.id):\($0.part)" }.joined(separator: "|"),
                snapshot.timeline(entity: nil, from: nil, to: nil).map { "\($0.document.id):\($0.part.date)" }.joined(separator: "|"),
            ]
        }

        @Test func followersServeTheWritersCollectionWithItsChangeNumbers() throws {
            let harness = try StoreHarness()
            let writer = try Fixture.open(harness)
            defer { writer.close() }
            let follower = try DocumentStore(seeds: [Fixture.seed], directory: nil, ingestor: Ingestor())
            let second = try DocumentStore(seeds: [Fixture.seed], directory: nil, ingestor: Ingestor())
            writer.replicate(after: 0) { update in
                follower.apply(update)
                return true
            }
            follower.replicate(after: 0) { update in
                second.apply(update)
                return true
            }

            _ = try writer.created(DocumentSubmission(text: Fixture.article("Ferry strike ends")))
            _ = try writer.created(
                DocumentSubmission(text: Fixture.article("Ferry strike ends"), source: "NTB", published: "2026-03-02", title: "Strike over"), id: "ntb-1")
            _ = try writer.created(DocumentSubmission(text: Fixture.article("Bridge reopens")))
            _ = try writer.deleted("seed-1")
            _ = try writer.deleted("doc-3")

            // The snapshot is swapped in before its changes are logged: wait for both.
            #expect(eventually { second.snapshot.version == 5 && (try? second.changes.changes(after: 0, through: 5, limit: 10))?.count == 5 })
            #expect(Self.contents(follower) == Self.contents(writer))
            #expect(Self.contents(second) == Self.contents(writer))
            #expect(Set(Self.contents(writer).keys) == ["doc-1", "ntb-1"])
            let writerChanges = try writer.changes.changes(after: 0, through: 5, limit: 10)
            #expect(try follower.changes.changes(after: 0, through: 5, limit: 10) == writerChanges)
            #expect(try second.changes.changes(after: 0, through: 5, limit: 10) == writerChanges)
        }

        @Test func aFollowerResumesFromTheTailAfterTheWriterRestarts() throws {
            let harness = try StoreHarness()
            do {
                let writer = try Fixture.open(harness)
                defer { writer.close() }
                for headline in ["One", "Two", "Three"] { _ = try writer.created(DocumentSubmission(text: Fixture.article(headline))) }
            }
            let writer = try Fixture.open(harness)
            defer { writer.close() }

            guard case .resume(let entries, let through) = Self.catchUp(from: writer, after: 1) else {
                Issue.record("expected a resume")
                return
            }
            #expect(entries.map(\.change) == [2, 3])
            #expect(through == 3)
            guard case .resume(let none, 3) = Self.catchUp(from: writer, after: 3) else {
                Issue.record("expected an empty resume")
                return
            }
            #expect(none.isEmpty)
        }

        @Test func aFollowerTooFarBehindOrAheadStartsAgainFromTheWritersState() throws {
            let harness = try StoreHarness()
            var configuration = DocumentStore.Configuration()
            configuration.historyCapacity = 2
            let writer = try Fixture.open(harness, configuration: configuration)
            defer { writer.close() }
            for headline in ["One", "Two", "Three", "Four"] { _ = try writer.created(DocumentSubmission(text: Fixture.article(headline))) }
            _ = try writer.deleted("doc-2")
            _ = try writer.deleted("seed-1")

            for since in [0, 3, 99] {
                guard case .reset(let seeds, let entries, let through) = Self.catchUp(from: writer, after: since) else {
                    Issue.record("expected a reset after \(since)")
                    continue
                }
                #expect(seeds?.map(\.document) == [Fixture.seed], "the seeds it started from, deleted ones too: the entries say what became of them")
                #expect(through == 6)
                #expect(entries.map(\.change) == [1, 3, 4, 6], "the creations still live and the seed's deletion")
            }
        }

        @Test func startingAgainReplacesAStaleCopyAndKeepsWhatItAlreadyHas() throws {
            let follower = try DocumentStore(seeds: [Fixture.seed], directory: nil, ingestor: Ingestor())
            let published = Locked<[DocumentStore.Publication]>([])
            follower.onPublish { publication in published.withLock { $0.append(publication) } }
            follower.apply(.append([StoreHarness.created(1, "a"), StoreHarness.created(2, "b")]))
            follower.apply(.reset(seeds: nil, entries: [StoreHarness.deleted(2, "seed-1"), StoreHarness.created(1, "a"), StoreHarness.created(4, "c")].sorted { $0.change < $1.change }, through: 7))

            #expect(eventually { published.withLock { $0.count == 2 } })
            #expect(follower.snapshot.version == 7)
            #expect(Set(follower.snapshot.documents.map(\.id)) == ["a", "c"])
            let reset = try #require(published.withLock { $0.last })
            #expect(reset.removed == ["b", "seed-1"])
            #expect(reset.added.map(\.id) == ["c"], "a came from the same change: kept, not ingested again")
            #expect(reset.changes.isEmpty)
            #expect(follower.changes.last == 7)
            #expect(throws: ChangeLogError.expired(oldestAvailable: 8, latest: 7)) { try follower.changes.changes(after: 2, through: 7, limit: 10) }
        }

        @Test func entriesAlreadyAppliedAreSkipped() throws {
            let follower = try DocumentStore(seeds: [Fixture.seed], directory: nil, ingestor: Ingestor())
            follower.apply(.append([StoreHarness.created(1, "a")]))
            follower.apply(.resume(entries: [StoreHarness.created(1, "a"), StoreHarness.created(2, "b")], through: 3))

            #expect(eventually { follower.snapshot.version == 3 })
            #expect(Set(follower.snapshot.documents.map(\.id)) == ["seed-1", "a", "b"])
            #expect(try follower.changes.changes(after: 0, through: 3, limit: 10).map(\.number) == [1, 2])
        }
    }
}
