/// One API key as the server knows it: a name for logs, what it may do, and the SHA-256 of
/// the secret. The secret itself is never stored.
public struct APIKey: Equatable, Sendable {
    /// The key's name, as the access log and metrics show it (`desk`, `replica-eu`).
    public let name: String
    /// What the key may do.
    public let scopes: Set<AccessScope>
    /// The SHA-256 of the key's secret, 32 bytes.
    public let digest: [UInt8]

    /// A key from its parts; `digest` must be 32 bytes.
    public init(name: String, scopes: Set<AccessScope>, digest: [UInt8]) {
        precondition(digest.count == 32, "a SHA-256 digest has 32 bytes")
        self.name = name
        self.scopes = scopes
        self.digest = digest
    }

    /// Whether the key may do what `scope` allows (`admin` may do everything).
    public func allows(_ scope: AccessScope) -> Bool {
        self.scopes.contains(scope) || self.scopes.contains(.admin)
    }

    /// The key file line that declares this key: `name scopes sha256`.
    public var fileLine: String {
        "\(self.name) \(AccessScope.format(self.scopes)) \(Hex.encode(self.digest))"
    }

    /// Whether `name` may name a key: 1 to 64 letters, digits, `.`, `_` or `-`. Names go into
    /// logs and metric labels, so they are kept to characters that need no escaping there.
    public static func isValidName(_ name: some StringProtocol) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { byte in
                (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-")
            }
    }
}
