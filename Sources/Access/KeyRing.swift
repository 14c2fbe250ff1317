/// The keys a server accepts, and the lookup of a presented secret among them.
///
/// A secret is hashed once and its digest compared with every key's digest in full, with no
/// early exit on the first differing byte or the first match, so the time taken says nothing
/// about how near a guess came or which key it matched.
public struct KeyRing: Sendable {
    /// The accepted keys, as the key file declares them.
    public let keys: [APIKey]

    /// A ring over `keys`.
    public init(keys: [APIKey]) {
        self.keys = keys
    }

    /// The key whose secret is `secret`, or `nil` when none is.
    public func key(forSecret secret: some Collection<UInt8>) -> APIKey? {
        let digest = SHA256.digest(of: secret)
        var found: APIKey?
        for key in self.keys where Self.constantTimeEqual(key.digest, digest) {
            found = key
        }
        return found
    }

    /// Whether two byte strings of the same length are equal, in time that depends only on
    /// their length.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
