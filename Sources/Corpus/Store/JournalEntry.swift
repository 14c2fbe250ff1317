import DocumentModel

/// One journal record: a document created or deleted.
///
/// `change` is the change number (strictly increasing across the store, starting at 1); `at`
/// is milliseconds since the Unix epoch when the write was accepted.
public enum JournalEntry: Sendable, Hashable {
    /// Document `id` was stored from `submission`, under `idempotency` when the request had a key.
    case created(change: Int, at: Int64, id: String, submission: DocumentSubmission, idempotency: IdempotencyStamp?)
    /// Document `id` was deleted.
    case deleted(change: Int, at: Int64, id: String)

    /// The change number.
    public var change: Int {
        switch self {
        case .created(let change, _, _, _, _), .deleted(let change, _, _): return change
        }
    }

    /// The document's id.
    var id: String {
        switch self {
        case .created(_, _, let id, _, _), .deleted(_, _, let id): return id
        }
    }
}
