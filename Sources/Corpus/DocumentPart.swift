import DocumentModel
import PersistentCollections

/// One part of a document (a quote, a contact) with its document, as a corpus-wide list
/// holds it.
public struct DocumentPart<Part: Sendable>: Sendable {
    /// The document the part comes from.
    public let document: Document
    /// The part.
    public let part: Part
}

/// A part's place in a corpus-wide list: documents in id order, each document's parts in its
/// own order.
public struct DocumentPartKey: Comparable, Sendable {
    /// The document's id.
    public let documentID: String
    /// The part's position in its document.
    public let position: Int

    /// Whether `left` comes first.
    public static func < (left: DocumentPartKey, right: DocumentPartKey) -> Bool {
        (left.documentID, left.position) < (right.documentID, right.position)
    }
}

/// Every part of one kind across the corpus, in document order, kept up to date per write in
/// O(parts written × log *n*): what `/v1/quotes` and `/v1/contacts` page through.
public struct DocumentParts<Part: Sendable>: Sendable {
    private var map: PersistentSortedMap<DocumentPartKey, DocumentPart<Part>>
    private let parts: @Sendable (Document) -> [Part]

    /// The parts `parts` reads from each of `documents`, which are in id order.
    init(_ documents: [Document], parts: @escaping @Sendable (Document) -> [Part]) {
        self.parts = parts
        self.map = PersistentSortedMap(sortedUniqueEntries: documents.lazy.flatMap { document in
            parts(document).enumerated().map { (DocumentPartKey(documentID: document.id, position: $0.offset), DocumentPart(document: document, part: $0.element)) }
        })
    }

    /// Every part, in document order.
    public var all: PersistentSortedMap<DocumentPartKey, DocumentPart<Part>>.Values { self.map.values }

    /// The parts of one document.
    ///
    /// - Complexity: O(log *n*) to find them.
    public func of(documentID: String) -> Slice<PersistentSortedMap<DocumentPartKey, DocumentPart<Part>>.Values> {
        let start = self.map.position(of: DocumentPartKey(documentID: documentID, position: 0))
        let end = self.map.position(of: DocumentPartKey(documentID: documentID, position: Int.max))
        return self.map.values[start..<end]
    }

    /// Drops `document`'s parts.
    mutating func remove(_ document: Document) {
        for position in self.parts(document).indices {
            self.map[DocumentPartKey(documentID: document.id, position: position)] = nil
        }
    }

    /// Adds `document`'s parts.
    mutating func add(_ document: Document) {
        for (position, part) in self.parts(document).enumerated() {
            self.map[DocumentPartKey(documentID: document.id, position: position)] = DocumentPart(document: document, part: part)
        }
    }
}
