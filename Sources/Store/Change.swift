import DocumentModel

/// One change to the collection, as `/v1/changes` and `/v1/events` report it.
public struct Change: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable {
        /// A document was stored.
        case created = "document.created"
        /// A document was removed.
        case deleted = "document.deleted"
        /// A document was made again from its text, by a newer version of the extractor.
        case updated = "document.updated"
    }

    /// The change number: strictly increasing, never reused, starting at 1.
    public let number: Int
    /// What happened.
    public let kind: Kind
    /// The document's id.
    public let documentID: String
    /// The document's title (for a deletion, the title it had).
    public let title: String
    /// When the write was accepted, in milliseconds since the Unix epoch.
    public let at: Int64

    /// Makes a change.
    public init(number: Int, kind: Kind, documentID: String, title: String, at: Int64) {
        self.number = number
        self.kind = kind
        self.documentID = documentID
        self.title = title
        self.at = at
    }
}
