import DocumentModel
import Extraction

/// Why a write was refused or failed. Nothing is stored when a write fails.
public enum WriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A document already has this id.
    case idTaken(String)
    /// No document has this id or slug.
    case notFound(String)
    /// The text could not become a document.
    case unprocessable(IngestError)
    /// This `Idempotency-Key` was used before with a different request.
    case idempotencyKeyReused(String)
    /// The server takes no writes (`--read-only`).
    case readOnly
    /// The journal could not be written; the write was not stored.
    case storage(StoreError)

    /// What went wrong, for a client: `description` without the server's paths.
    public var clientDescription: String {
        guard case .storage(let error) = self else { return self.description }
        return "The write could not be stored (nothing was stored; retry later): \(error.clientDescription)"
    }

    /// A sentence saying what went wrong.
    public var description: String {
        switch self {
        case .idTaken(let id): return "A document with the id '\(id)' already exists."
        case .notFound(let id): return "No document has the id or slug '\(id)'."
        case .unprocessable(let error): return error.description
        case .idempotencyKeyReused(let key):
            return "The Idempotency-Key '\(key)' was already used with a different request; use a new key for a new request."
        case .readOnly: return "This server is read-only."
        case .storage(let error): return "The write could not be stored: \(error)"
        }
    }
}
