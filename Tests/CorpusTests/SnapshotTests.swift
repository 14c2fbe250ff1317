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
}
