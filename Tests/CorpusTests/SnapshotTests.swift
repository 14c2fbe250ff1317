import Corpus
import DocumentModel
import TestSupport
import Testing

/// `Snapshot`: ordering and lookup by id, then slug.
struct SnapshotTests {
    static let snapshot = Snapshot(
        documents: [
            .make(id: "b", slug: "second-story"), .make(id: "a", slug: "first-story"),
            .make(id: "c", slug: "first-story"), .make(id: "d", slug: "a"),
        ],
        version: 7)

    @Test func sortsDocumentsByID() {
        #expect(Self.snapshot.documents.map(\.id) == ["a", "b", "c", "d"])
    }

    @Test func keepsVersion() {
        #expect(Self.snapshot.version == 7)
    }

    @Test func findsDocumentByID() {
        #expect(Self.snapshot.document(idOrSlug: "b")?.id == "b")
    }

    @Test func findsDocumentBySlug() {
        #expect(Self.snapshot.document(idOrSlug: "second-story")?.id == "b")
    }

    @Test func idWinsOverAnotherDocumentsSlug() {
        // Document "d" has slug "a", but "a" is the id of another document.
        #expect(Self.snapshot.document(idOrSlug: "a")?.id == "a")
    }

    @Test func sharedSlugResolvesToFirstDocumentByID() {
        #expect(Self.snapshot.document(idOrSlug: "first-story")?.id == "a")
    }

    @Test(arguments: ["", "missing", "A", "first-story/"])
    func unknownKeyFindsNothing(_ key: String) {
        #expect(Self.snapshot.document(idOrSlug: key) == nil)
    }

    @Test func emptySnapshotFindsNothing() {
        let snapshot = Snapshot(documents: [], version: 0)
        #expect(snapshot.documents.isEmpty)
        #expect(snapshot.document(idOrSlug: "a") == nil)
    }

    @Test func duplicateIDsStopTheProcess() async {
        await #expect(processExitsWith: .failure) {
            _ = Snapshot(documents: [.make(id: "x"), .make(id: "x", slug: "other")], version: 1)
        }
    }

    /// After writes that add, replace and remove documents, lookups by slug, the id order and
    /// both publication orders are what a snapshot built from scratch on the result gives.
    @Test func applyingWritesMatchesBuildingAfresh() {
        var random = SplitMix64(seed: 11)
        var snapshot = Snapshot(documents: [], version: 0)
        var live: [String: Document] = [:]
        for step in 1...400 {
            let id = "doc-\(random.next() % 120)"
            if random.next() % 4 == 0 {
                snapshot = snapshot.applying(adding: [], removing: [id], version: step)
                live[id] = nil
            } else {
                let day = random.next() % 5
                let document = Document.make(
                    id: id, slug: "slug-\(random.next() % 30)", published: day == 0 ? nil : "2024-03-0\(day)")
                snapshot = snapshot.applying(adding: [document], removing: [], version: step)
                live[id] = document
            }
        }
        let fresh = Snapshot(documents: Array(live.values), version: 400)

        #expect(snapshot.documents.map(\.id) == fresh.documents.map(\.id))
        for direction in [PublicationOrder.Direction.oldestFirst, .newestFirst] {
            #expect(snapshot.documents(published: direction).map(\.id) == fresh.documents(published: direction).map(\.id))
        }
        for slug in (0..<30).map({ "slug-\($0)" }) {
            #expect(snapshot.document(idOrSlug: slug)?.id == fresh.document(idOrSlug: slug)?.id)
        }
    }

    /// Dated documents come first, by date either way with ties by id; undated ones follow by id.
    @Test func publicationOrdersPutUndatedLastBothWays() {
        let snapshot = Snapshot(
            documents: [
                .make(id: "u2"), .make(id: "b", published: "2024-01-02"), .make(id: "a", published: "2024-01-02"),
                .make(id: "u1"), .make(id: "c", published: "2023-12-31"),
            ],
            version: 1)

        #expect(snapshot.documents(published: .oldestFirst).map(\.id) == ["c", "a", "b", "u1", "u2"])
        #expect(snapshot.documents(published: .newestFirst).map(\.id) == ["a", "b", "c", "u1", "u2"])
    }

    /// Contacts (and so quotes, kept alike) list in document order, follow writes, and one
    /// document's are found by its id.
    @Test func contactsFollowWritesInDocumentOrder() {
        func document(_ id: String, contacts names: [String]) -> Document {
            let base = Document.make(id: id)
            return Document(
                id: id, slug: id, kind: base.kind, title: base.title, isTitleDerived: false, source: nil, published: nil, dateline: nil,
                paragraphs: base.paragraphs,
                contacts: names.map { Contact(name: $0, city: nil, languages: [], phones: [], email: nil, isEmailRedacted: false) })
        }
        let first = Snapshot(documents: [document("b", contacts: ["B1", "B2"]), document("a", contacts: ["A1"])], version: 1)
        let second = first.applying(
            adding: [document("c", contacts: ["C1"]), document("b", contacts: ["B3"])], removing: ["a"], version: 2)

        #expect(first.contacts.all.map(\.part.name) == ["A1", "B1", "B2"])
        #expect(second.contacts.all.map(\.part.name) == ["B3", "C1"])
        #expect(second.contacts.all.map(\.document.id) == ["b", "c"])
        #expect(second.contacts.of(documentID: "c").map(\.part.name) == ["C1"])
        #expect(second.contacts.of(documentID: "a").isEmpty)
        #expect(first.contacts.of(documentID: "b").map(\.part.name) == ["B1", "B2"])
    }
}
