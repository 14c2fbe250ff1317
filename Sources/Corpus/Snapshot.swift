import DocumentModel

/// An immutable, consistent view of the corpus.
///
/// Readers hold a snapshot for the whole of a request; a write builds the next snapshot and
/// swaps it in, so readers never see a half-applied change.
///
/// - Note: Immutable, hence `Sendable` and shared across queues without locks.
public final class Snapshot: Sendable {
    /// The documents, sorted by id.
    public let documents: [Document]
    /// Incremented with every change; part of every ETag.
    public let version: Int
    private let byID: [String: Int]
    private let bySlug: [String: Int]

    /// Makes a snapshot.
    ///
    /// - Parameters:
    ///   - documents: the documents; ids must be unique.
    ///   - version: the change number.
    /// - Precondition: ids are unique.
    public init(documents: [Document], version: Int) {
        let sorted = documents.sorted { $0.id < $1.id }
        var byID: [String: Int] = [:]
        var bySlug: [String: Int] = [:]
        for (position, document) in sorted.enumerated() {
            precondition(byID.updateValue(position, forKey: document.id) == nil, "duplicate document id \(document.id)")
            // The first document (by id) with a slug keeps it; an id always wins over a slug.
            if bySlug[document.slug] == nil { bySlug[document.slug] = position }
        }
        self.documents = sorted
        self.version = version
        self.byID = byID
        self.bySlug = bySlug
    }

    /// This snapshot with documents removed and added: the next version of the collection.
    ///
    /// - Parameters:
    ///   - added: documents to add; one with an existing id replaces it.
    ///   - removed: ids to remove (applied before `added`).
    ///   - version: the new snapshot's change number.
    /// - Complexity: O(*n* log *n*) in the collection's size.
    public func applying(adding added: [Document], removing removed: Set<String>, version: Int) -> Snapshot {
        let replaced = removed.union(added.map(\.id))
        let kept = replaced.isEmpty ? self.documents : self.documents.filter { !replaced.contains($0.id) }
        return Snapshot(documents: kept + added, version: version)
    }

    /// The document with this id, or else this slug, or `nil`.
    ///
    /// - Complexity: O(1) on average.
    public func document(idOrSlug key: String) -> Document? {
        guard let position = self.byID[key] ?? self.bySlug[key] else { return nil }
        return self.documents[position]
    }
}
