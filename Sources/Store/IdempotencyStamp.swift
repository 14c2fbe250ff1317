import DocumentModel

/// An `Idempotency-Key` and a fingerprint of the request it came with, so that a retry with a
/// different body can be told apart from a true retry.
public struct IdempotencyStamp: Sendable, Hashable {
    /// The client's `Idempotency-Key` header value.
    public var key: String
    /// A hash of the request the key first came with.
    public var fingerprint: UInt64

    /// Makes a stamp.
    public init(key: String, fingerprint: UInt64) {
        self.key = key
        self.fingerprint = fingerprint
    }
}
